package io.basalt.catalog.privilege;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database's roles, role memberships, and the owners and access control lists of its objects: what
 * pg_authid, pg_auth_members and the relations' owner and ACL columns hold in PostgreSQL. Objects are known by
 * name ({@link #relationKey}, {@link #schemaKey}); an object without an entry belongs to the bootstrap superuser
 * with default privileges. Creating an object records its owner, renaming moves its entry, and dropping it leaves a
 * stale entry that the next object of that name replaces on creation.
 *
 * <p>Thread-safe: every method synchronizes on this object. A transaction block that changes the state takes a
 * {@link #snapshot} first and {@link #restore}s it on ROLLBACK.
 */
public final class Authorization {
    /** The superuser every database has: owner of what no statement created, and the default session role. */
    public static final String BOOTSTRAP_SUPERUSER = "basalt";
    /** The predefined roles that exist in every database (no login), as PostgreSQL 15 has them. */
    public static final List<String> PREDEFINED_ROLES = List.of("pg_database_owner", "pg_read_all_data",
            "pg_write_all_data", "pg_monitor", "pg_read_all_settings", "pg_read_all_stats", "pg_stat_scan_tables",
            "pg_read_server_files", "pg_write_server_files", "pg_execute_server_program", "pg_signal_backend",
            "pg_checkpoint");

    private Map<String, RoleEntry> roles = new LinkedHashMap<>();
    private List<RoleGrant> grants = new ArrayList<>();
    private Map<String, SecuredObject> objects = new HashMap<>();
    /**
     * ALTER DEFAULT PRIVILEGES, by {@link #defaultsKey}: for every schema (schema null), the whole ACL new objects get;
     * for one schema, the items added to it.
     */
    private Map<String, List<AclItem>> defaultAcls = new HashMap<>();

    /** A saved state, for ROLLBACK. */
    public record Snapshot(Map<String, RoleEntry> roles, List<RoleGrant> grants, Map<String, SecuredObject> objects,
                           Map<String, List<AclItem>> defaultAcls) {
    }

    public Authorization() {
        roles.put(BOOTSTRAP_SUPERUSER, new RoleEntry(BOOTSTRAP_SUPERUSER, true, true, true, true, true, true, true, -1,
                null, null));
        for (String predefined : PREDEFINED_ROLES) {
            roles.put(predefined, RoleEntry.defaults(predefined, false));
        }
        grants.add(new RoleGrant("pg_read_all_settings", "pg_monitor", BOOTSTRAP_SUPERUSER, false, true, true));
        grants.add(new RoleGrant("pg_read_all_stats", "pg_monitor", BOOTSTRAP_SUPERUSER, false, true, true));
        grants.add(new RoleGrant("pg_stat_scan_tables", "pg_monitor", BOOTSTRAP_SUPERUSER, false, true, true));
        List<AclItem> usable = List.of(new AclItem(BOOTSTRAP_SUPERUSER, BOOTSTRAP_SUPERUSER,
                SecuredKind.SCHEMA.applicable(), 0), new AclItem(AclItem.PUBLIC, BOOTSTRAP_SUPERUSER,
                Privilege.USAGE.bit(), 0));
        for (String schema : List.of("pg_catalog", "information_schema")) {
            objects.put(schemaKey(schema), new SecuredObject(SecuredKind.SCHEMA, BOOTSTRAP_SUPERUSER, usable,
                    Map.of()));
        }
        // PostgreSQL 15: the database owner's role owns public, where everyone may look but not create
        objects.put(schemaKey("public"), new SecuredObject(SecuredKind.SCHEMA, "pg_database_owner",
                List.of(new AclItem("pg_database_owner", "pg_database_owner", SecuredKind.SCHEMA.applicable(), 0),
                        new AclItem(AclItem.PUBLIC, "pg_database_owner", Privilege.USAGE.bit(), 0)), Map.of()));
    }

    public static String relationKey(String schema, String name) {
        return "r:" + schema + "." + name;
    }

    public static String schemaKey(String schema) {
        return "n:" + schema;
    }

    public static String functionKey(String schema, String name) {
        return "f:" + schema + "." + name;
    }

    public static String languageKey(String language) {
        return "l:" + language;
    }

    public static String typeKey(String schema, String name) {
        return "t:" + schema + "." + name;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(new LinkedHashMap<>(roles), new ArrayList<>(grants), new HashMap<>(objects),
                new HashMap<>(defaultAcls));
    }

    public synchronized void restore(Snapshot snapshot) {
        roles = new LinkedHashMap<>(snapshot.roles());
        grants = new ArrayList<>(snapshot.grants());
        objects = new HashMap<>(snapshot.objects());
        defaultAcls = new HashMap<>(snapshot.defaultAcls());
    }

    // ---- default privileges -----------------------------------------------------------------------------

    /** The key of the default privileges of {@code role}'s new objects of {@code kind} in {@code schema} (or all). */
    public static String defaultsKey(String role, String schema, String kind) {
        return role + "\0" + (schema == null ? "" : schema) + "\0" + kind;
    }

    /** A key of {@link #defaultsKey} taken apart: the role, the schema (null: every schema) and the object kind. */
    public record DefaultsKey(String role, String schema, String kind) {
        public static DefaultsKey parse(String key) {
            String[] parts = key.split("\0", -1);
            return new DefaultsKey(parts[0], parts[1].isEmpty() ? null : parts[1], parts[2]);
        }

        /** How PostgreSQL's DROP ROLE DETAIL names the entry: "default privileges on new relations belonging to ...". */
        public String description() {
            String noun = switch (kind) {
                case "r" -> "relations";
                case "S" -> "sequences";
                case "f" -> "functions";
                case "T" -> "types";
                default -> "schemas";
            };
            return "default privileges on new " + noun + " belonging to role " + role
                    + (schema == null ? "" : " in schema " + schema);
        }
    }

    /**
     * The ACL a role's new objects of {@code kind} get without ALTER DEFAULT PRIVILEGES: the owner's privileges, and
     * PUBLIC's EXECUTE or USAGE for functions ("f") and types ("T").
     */
    public static List<AclItem> builtInDefaultAcl(String role, String kind) {
        SecuredKind securedKind = switch (kind) {
            case "r" -> SecuredKind.TABLE;
            case "S" -> SecuredKind.SEQUENCE;
            case "n" -> SecuredKind.SCHEMA;
            default -> SecuredKind.FUNCTION;
        };
        int applicable = kind.equals("T") ? Privilege.USAGE.bit() : securedKind.applicable();
        return kind.equals("f") || kind.equals("T")
                ? List.of(new AclItem(AclItem.PUBLIC, role, applicable, 0), new AclItem(role, role, applicable, 0))
                : List.of(new AclItem(role, role, applicable, 0));
    }

    /** Every default ACL (or schema's additions) by {@link #defaultsKey}, as a copy. */
    public synchronized Map<String, List<AclItem>> defaultAcls() {
        return new HashMap<>(defaultAcls);
    }

    /** The default ACL (or additions) under {@code key}, or null. */
    public synchronized List<AclItem> defaultAcl(String key) {
        return defaultAcls.get(key);
    }

    /** Sets (null: removes) the default ACL under {@code key}. */
    public synchronized void putDefaultAcl(String key, List<AclItem> acl) {
        if (acl == null) {
            defaultAcls.remove(key);
        } else {
            defaultAcls.put(key, List.copyOf(acl));
        }
    }

    /**
     * The ACL a new object of {@code kind} ("r" relations, "S" sequences, "n" schemas) that {@code owner} creates in
     * {@code schema} starts with: the owner's default ACL for every schema (or the built-in default), with the
     * schema's additions; null when that is the built-in default.
     */
    public synchronized List<AclItem> initialAcl(String owner, String schema, String kind, SecuredKind securedKind) {
        List<AclItem> global = defaultAcls.get(defaultsKey(owner, null, kind));
        List<AclItem> added = schema == null ? null : defaultAcls.get(defaultsKey(owner, schema, kind));
        if (global == null && added == null) {
            return null;
        }
        List<AclItem> acl = new ArrayList<>(global != null ? global
                : SecuredObject.owned(securedKind, owner).effectiveAcl());
        if (added != null) {
            for (AclItem item : added) {
                boolean merged = false;
                for (int i = 0; i < acl.size(); i++) {
                    AclItem existing = acl.get(i);
                    if (existing.grantee().equals(item.grantee()) && existing.grantor().equals(item.grantor())) {
                        acl.set(i, new AclItem(item.grantee(), item.grantor(), existing.privileges() | item.privileges(),
                                existing.grantOptions() | item.grantOptions()));
                        merged = true;
                    }
                }
                if (!merged) {
                    acl.add(item);
                }
            }
        }
        List<AclItem> masked = new ArrayList<>();
        for (AclItem item : acl) {
            int privileges = item.privileges() & securedKind.applicable();
            if (privileges != 0) {
                masked.add(new AclItem(item.grantee(), item.grantor(), privileges,
                        item.grantOptions() & securedKind.applicable()));
            }
        }
        return masked;
    }

    // ---- roles ------------------------------------------------------------------------------------------

    public synchronized RoleEntry findRole(String name) {
        return roles.get(name);
    }

    /**
     * The role {@code name}.
     *
     * @throws BasaltException 42704 when there is none
     */
    public synchronized RoleEntry role(String name) {
        RoleEntry role = roles.get(name);
        if (role == null) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        return role;
    }

    public synchronized List<RoleEntry> roles() {
        return new ArrayList<>(roles.values());
    }

    /** Adds or replaces a role (same name). */
    public synchronized void putRole(RoleEntry role) {
        roles.put(role.name(), role);
    }

    /** Removes a role with its memberships (either side) and the privileges granted to it. */
    public synchronized void removeRole(String name) {
        roles.remove(name);
        defaultAcls.keySet().removeIf(key -> key.startsWith(name + "\0"));
        grants.removeIf(grant -> grant.role().equals(name) || grant.member().equals(name));
        for (Map.Entry<String, SecuredObject> entry : objects.entrySet()) {
            SecuredObject object = entry.getValue();
            Map<String, List<AclItem>> columns = new HashMap<>();
            for (Map.Entry<String, List<AclItem>> column : object.columns().entrySet()) {
                columns.put(column.getKey(), withoutRole(column.getValue(), name));
            }
            entry.setValue(object.withAcl(object.acl() == null ? null : withoutRole(object.acl(), name))
                    .withColumns(columns));
        }
    }

    private static List<AclItem> withoutRole(List<AclItem> acl, String role) {
        List<AclItem> kept = new ArrayList<>();
        for (AclItem item : acl) {
            if (!item.grantee().equals(role) && !item.grantor().equals(role)) {
                kept.add(item);
            }
        }
        return kept;
    }

    /** Renames a role everywhere it appears. */
    public synchronized void renameRole(String from, String to) {
        RoleEntry role = roles.remove(from);
        roles.put(to, role.renamed(to));
        List<RoleGrant> renamed = new ArrayList<>();
        for (RoleGrant grant : grants) {
            renamed.add(new RoleGrant(rename(grant.role(), from, to), rename(grant.member(), from, to),
                    rename(grant.grantor(), from, to), grant.admin(), grant.inherit(), grant.set()));
        }
        grants = renamed;
        for (Map.Entry<String, SecuredObject> entry : objects.entrySet()) {
            SecuredObject object = entry.getValue();
            Map<String, List<AclItem>> columns = new HashMap<>();
            for (Map.Entry<String, List<AclItem>> column : object.columns().entrySet()) {
                columns.put(column.getKey(), renamed(column.getValue(), from, to));
            }
            entry.setValue(new SecuredObject(object.kind(), rename(object.owner(), from, to),
                    object.acl() == null ? null : renamed(object.acl(), from, to), columns, object.rowSecurity()));
        }
    }

    private static String rename(String role, String from, String to) {
        return role.equals(from) ? to : role;
    }

    private static List<AclItem> renamed(List<AclItem> acl, String from, String to) {
        List<AclItem> result = new ArrayList<>();
        for (AclItem item : acl) {
            result.add(new AclItem(rename(item.grantee(), from, to), rename(item.grantor(), from, to),
                    item.privileges(), item.grantOptions()));
        }
        return result;
    }

    // ---- memberships ------------------------------------------------------------------------------------

    public synchronized List<RoleGrant> grants() {
        return new ArrayList<>(grants);
    }

    /** The membership of {@code member} in {@code role}, or null. */
    public synchronized RoleGrant grant(String role, String member) {
        for (RoleGrant grant : grants) {
            if (grant.role().equals(role) && grant.member().equals(member)) {
                return grant;
            }
        }
        return null;
    }

    /** Adds or replaces the membership of the grant's member in its role. */
    public synchronized void putGrant(RoleGrant grant) {
        grants.removeIf(old -> old.role().equals(grant.role()) && old.member().equals(grant.member()));
        grants.add(grant);
    }

    public synchronized void removeGrant(String role, String member) {
        grants.removeIf(old -> old.role().equals(role) && old.member().equals(member));
    }

    /**
     * Whether {@code member} is {@code role} or reaches it through memberships; with {@code inheritingOnly}, only
     * through memberships whose INHERIT option is set (the member then holds the role's privileges).
     */
    public synchronized boolean reaches(String member, String role, boolean inheritingOnly) {
        if (member.equals(role)) {
            return true;
        }
        List<String> frontier = new ArrayList<>(List.of(member));
        List<String> seen = new ArrayList<>(frontier);
        while (!frontier.isEmpty()) {
            String current = frontier.removeLast();
            for (RoleGrant grant : grants) {
                if (grant.member().equals(current) && (!inheritingOnly || grant.inherit())
                        && !seen.contains(grant.role())) {
                    if (grant.role().equals(role)) {
                        return true;
                    }
                    seen.add(grant.role());
                    frontier.add(grant.role());
                }
            }
        }
        return false;
    }

    /**
     * Whether {@code member} may SET ROLE to {@code role}: it is the role, or reaches it through memberships that all
     * have their SET option.
     */
    public synchronized boolean reachesSettable(String member, String role) {
        if (member.equals(role)) {
            return true;
        }
        List<String> frontier = new ArrayList<>(List.of(member));
        List<String> seen = new ArrayList<>(frontier);
        while (!frontier.isEmpty()) {
            String current = frontier.removeLast();
            for (RoleGrant grant : grants) {
                if (grant.member().equals(current) && grant.set() && !seen.contains(grant.role())) {
                    if (grant.role().equals(role)) {
                        return true;
                    }
                    seen.add(grant.role());
                    frontier.add(grant.role());
                }
            }
        }
        return false;
    }

    /** Whether {@code role} is a superuser. */
    public synchronized boolean superuser(String role) {
        RoleEntry entry = roles.get(role);
        return entry != null && entry.superuser();
    }

    // ---- objects ----------------------------------------------------------------------------------------

    /** The object under {@code key}, or a default one of {@code kind} owned by the bootstrap superuser. */
    public synchronized SecuredObject object(String key, SecuredKind kind) {
        SecuredObject object = objects.get(key);
        if (object == null || object.kind().relation() != kind.relation()) {
            return SecuredObject.owned(kind, BOOTSTRAP_SUPERUSER);
        }
        return object.kind() == kind ? object : new SecuredObject(kind, object.owner(), object.acl(),
                object.columns(), object.rowSecurity());
    }

    /** Whether an entry is recorded under {@code key}. */
    public synchronized boolean recorded(String key) {
        return objects.containsKey(key);
    }

    public synchronized void putObject(String key, SecuredObject object) {
        objects.put(key, object);
    }

    public synchronized void removeObject(String key) {
        objects.remove(key);
    }

    /** Moves an object's entry to a new key (a rename); nothing when it has none. */
    public synchronized void moveObject(String from, String to) {
        SecuredObject object = objects.remove(from);
        if (object != null) {
            objects.put(to, object);
        } else {
            objects.remove(to);
        }
    }

    /** Every recorded object by key (stale entries of dropped objects included). */
    public synchronized Map<String, SecuredObject> objects() {
        return new HashMap<>(objects);
    }
}
