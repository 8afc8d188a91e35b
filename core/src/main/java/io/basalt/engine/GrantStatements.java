package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.privilege.AccessCheck;
import io.basalt.catalog.privilege.AclItem;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.Privilege;
import io.basalt.catalog.privilege.SecuredKind;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GRANT and REVOKE of privileges on relations (and their columns), sequences and schemas, and ALTER ... OWNER TO.
 * The grantor of a grant is the object's owner when an owner or a superuser grants, else the granting role, which
 * must hold the privileges WITH GRANT OPTION. REVOKE takes away what the grantor gave; privileges the grantee passed
 * on with a grant option revoked are revoked too with CASCADE, and make the REVOKE fail without it.
 */
final class GrantStatements {
    private final Catalog catalog;
    private final Authorization authorization;
    private final SessionRoles roles;
    private final boolean replaying;
    private final io.basalt.routine.RoutineCatalog routines;

    /** The system columns PostgreSQL accepts in column grants. */
    private static final List<String> SYSTEM_COLUMNS = List.of("tableoid", "ctid", "xmin", "xmax", "cmin", "cmax");

    GrantStatements(Catalog catalog, Authorization authorization, SessionRoles roles, boolean replaying) {
        this(catalog, authorization, roles, replaying, new io.basalt.routine.RoutineCatalog());
    }

    GrantStatements(Catalog catalog, Authorization authorization, SessionRoles roles, boolean replaying,
                    io.basalt.routine.RoutineCatalog routines) {
        this.routines = routines;
        this.catalog = catalog;
        this.authorization = authorization;
        this.roles = roles;
        this.replaying = replaying;
    }

    private AccessCheck check() {
        return replaying ? new AccessCheck(authorization, Authorization.BOOTSTRAP_SUPERUSER) : roles.check();
    }

    QueryResultImpl grant(PrivilegeStatement.GrantPrivileges grant) {
        String kind = grant.kind();
        List<SecuredObjects.Found> objects = new ArrayList<>();
        switch (kind) {
            case "TABLE", "SEQUENCE" -> {
                if (grant.inSchemas()) {
                    for (QualifiedName schema : grant.objects()) {
                        SecuredObjects.requireSchema(catalog, schema.last());
                        objects.addAll(SecuredObjects.inSchema(catalog, schema.last(), kind.equals("TABLE")));
                    }
                } else {
                    for (QualifiedName name : grant.objects()) {
                        SecuredObjects.Found found = SecuredObjects.requireRelation(catalog, name);
                        if (kind.equals("SEQUENCE") && found.kind() != SecuredKind.SEQUENCE) {
                            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "\"" + found.name()
                                    + "\" is not a sequence");
                        }
                        objects.add(found);
                    }
                }
            }
            case "SCHEMA" -> {
                for (QualifiedName name : grant.objects()) {
                    objects.add(SecuredObjects.requireSchema(catalog, name.last()));
                }
            }
            case "DATABASE" -> {
                for (QualifiedName name : grant.objects()) {
                    objects.add(new SecuredObjects.Found(SecuredKind.SCHEMA, name.last(), name.last(),
                            "d:" + name.last()));
                }
                // database privileges (CREATE, CONNECT, TEMPORARY) are accepted and have no effect yet
                return QueryResultImpl.command(grant.grant() ? "GRANT" : "REVOKE", 0, List.of());
            }
            case "FUNCTION", "PROCEDURE", "ROUTINE" -> objects.addAll(RoutineGrants.objects(grant, routines, catalog));
            case "TYPE", "DOMAIN" -> {
                for (QualifiedName name : grant.objects()) {
                    objects.add(TypeGrants.type(catalog, name, kind.equals("DOMAIN")));
                }
            }
            case "LANGUAGE" -> {
                for (QualifiedName name : grant.objects()) {
                    objects.add(RoutineGrants.language(name.last()));
                }
            }
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, (grant.grant() ? "GRANT" : "REVOKE")
                    + " ON " + kind + " is not supported yet");
        }
        List<String> grantees = new ArrayList<>();
        for (String grantee : grant.grantees()) {
            if (grantee.equals(PrivilegeStatement.PUBLIC)) {
                grantees.add(AclItem.PUBLIC);
            } else {
                String resolved = roles.resolve(grantee);
                authorization.role(resolved);
                grantees.add(resolved);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (SecuredObjects.Found found : objects) {
            apply(grant, found, grantees, warnings);
        }
        return QueryResultImpl.command(grant.grant() ? "GRANT" : "REVOKE", 0, List.of()).addWarnings(warnings);
    }

    /** The mask the statement names for an object of {@code kind}; a column list limits it to those columns. */
    private static int mask(PrivilegeStatement.PrivilegeItem item, SecuredKind kind, boolean sequenceViaTable,
                            String objectName) {
        Privilege privilege = Privilege.named(item.name());
        if (privilege == null) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "unrecognized privilege type \""
                    + item.name().toLowerCase(java.util.Locale.ROOT) + "\"");
        }
        if ((kind.applicable() & privilege.bit()) == 0) {
            if (sequenceViaTable) {
                return 0;
            }
            String noun = kind.relation() ? "relation" : kind.noun();
            throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type " + privilege.name()
                    + " for " + noun);
        }
        return privilege.bit();
    }

    /** Grants or revokes on one object; {@code warnings} gets PostgreSQL's warnings (nothing or not all given). */
    private void apply(PrivilegeStatement.GrantPrivileges grant, SecuredObjects.Found found, List<String> grantees,
                       List<String> warnings) {
        SecuredObject object = authorization.object(found.key(), found.kind());
        AccessCheck check = check();
        boolean sequenceViaTable = found.kind() == SecuredKind.SEQUENCE && grant.kind().equals("TABLE");
        int tableMask = 0;
        Map<String, Integer> columnMasks = new HashMap<>();
        if (grant.privileges().isEmpty()) {
            if (grant.allColumns().isEmpty()) {
                tableMask = found.kind().applicable();
            } else {
                for (String column : grant.allColumns()) {
                    columnMasks.merge(column, Privilege.SELECT.bit() | Privilege.INSERT.bit() | Privilege.UPDATE.bit()
                            | Privilege.REFERENCES.bit(), (a, b) -> a | b);
                }
            }
        }
        for (PrivilegeStatement.PrivilegeItem item : grant.privileges()) {
            int bit = mask(item, found.kind(), sequenceViaTable, found.name());
            if (item.columns().isEmpty()) {
                tableMask |= bit;
            } else {
                if (!found.kind().relation()) {
                    throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type "
                            + item.name() + " for " + found.kind().noun());
                }
                for (String column : item.columns()) {
                    columnMasks.merge(column, bit, (a, b) -> a | b);
                }
            }
        }
        if (sequenceViaTable && tableMask == 0 && !grant.privileges().isEmpty()) {
            warnings.add("sequence \"" + found.name() + "\" only supports USAGE, SELECT, and UPDATE privileges");
        }
        if (!columnMasks.isEmpty()) {
            TableEntry table = catalog.findTable(found.schema(), found.name()).orElse(null);
            for (String column : columnMasks.keySet()) {
                boolean exists = table != null && (SYSTEM_COLUMNS.contains(column)
                        || table.columns().stream().anyMatch(c -> c.name().equals(column)));
                if (!exists && table != null) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN, "column \"" + column + "\" of relation \""
                            + found.name() + "\" does not exist");
                }
            }
        }
        String grantor = grantor(grant, object, check, found);
        int grantable = check.owns(object) ? found.kind().applicable() : check.grantable(object);
        if (!replaying && !check.owns(object)) {
            int requested = tableMask;
            for (int bits : columnMasks.values()) {
                requested |= bits;
            }
            if (check.privileges(object) == 0 && grantable == 0 && !anyColumnGrantable(check, object)
                    && !anyColumnHeld(check, object)) {
                throw AccessCheck.denied(found.kind(), found.name());
            }
            if ((requested & ~grantable) != 0) {
                boolean none = (requested & grantable) == 0;
                warnings.add(grant.grant()
                        ? (none ? "no privileges were granted for \"" : "not all privileges were granted for \"")
                                + found.name() + "\""
                        : (none ? "no privileges could be revoked for \"" : "not all privileges could be revoked for \"")
                                + found.name() + "\"");
            }
            tableMask &= grantable;
            columnMasks.replaceAll((column, bits) -> bits & (grantable | check.columnGrantable(object, column)));
        }
        List<AclItem> acl = change(object.effectiveAcl(), grant, grantees, grantor, tableMask, found);
        Map<String, List<AclItem>> columns = new HashMap<>(object.columns());
        for (Map.Entry<String, Integer> column : columnMasks.entrySet()) {
            List<AclItem> current = columns.getOrDefault(column.getKey(), List.of());
            List<AclItem> changed = change(current, grant, grantees, grantor, column.getValue(), found);
            if (changed.isEmpty()) {
                columns.remove(column.getKey());
            } else {
                columns.put(column.getKey(), changed);
            }
        }
        if (!grant.grant() && grant.privileges().isEmpty() && grant.allColumns().isEmpty()) {
            // REVOKE ALL on a relation takes away column privileges too
            for (Map.Entry<String, List<AclItem>> column : new HashMap<>(columns).entrySet()) {
                List<AclItem> changed = change(column.getValue(), grant, grantees, grantor,
                        found.kind().applicable(), found);
                if (changed.isEmpty()) {
                    columns.remove(column.getKey());
                } else {
                    columns.put(column.getKey(), changed);
                }
            }
        }
        authorization.putObject(found.key(), object.withAcl(acl).withColumns(columns));
    }

    private static boolean anyColumnHeld(AccessCheck check, SecuredObject object) {
        for (String column : object.columns().keySet()) {
            if (check.columnPrivileges(object, column) != 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyColumnGrantable(AccessCheck check, SecuredObject object) {
        for (String column : object.columns().keySet()) {
            if (check.columnGrantable(object, column) != 0) {
                return true;
            }
        }
        return false;
    }

    private String grantor(PrivilegeStatement.GrantPrivileges grant, SecuredObject object, AccessCheck check,
                           SecuredObjects.Found found) {
        if (grant.grantedBy() != null) {
            String named = roles.resolve(grant.grantedBy());
            authorization.role(named);
            if (!replaying && !named.equals(roles.currentUser())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "grantor must be current user");
            }
        }
        if (replaying || check.superuser() || authorization.reaches(roles.currentUser(), object.owner(), true)) {
            return object.owner();
        }
        return roles.currentUser();
    }

    /** {@code acl} after the grant or revoke of {@code mask} to or from {@code grantees} by {@code grantor}. */
    private List<AclItem> change(List<AclItem> acl, PrivilegeStatement.GrantPrivileges grant, List<String> grantees,
                                 String grantor, int mask, SecuredObjects.Found found) {
        List<AclItem> result = new ArrayList<>(acl);
        for (String grantee : grantees) {
            int index = indexOf(result, grantee, grantor);
            AclItem existing = index < 0 ? new AclItem(grantee, grantor, 0, 0) : result.get(index);
            AclItem changed;
            if (grant.grant()) {
                changed = new AclItem(grantee, grantor, existing.privileges() | mask,
                        existing.grantOptions() | (grant.grantOption() ? mask : 0));
            } else if (grant.grantOption()) {
                changed = new AclItem(grantee, grantor, existing.privileges(), existing.grantOptions() & ~mask);
            } else {
                changed = new AclItem(grantee, grantor, existing.privileges() & ~mask, existing.grantOptions() & ~mask);
            }
            if (!grant.grant()) {
                int lostOptions = existing.grantOptions() & ~changed.grantOptions();
                if (lostOptions != 0) {
                    revokeDependents(result, grantee, lostOptions, grant.cascade(), found);
                    index = indexOf(result, grantee, grantor);
                }
            }
            if (index >= 0) {
                result.remove(index);
            }
            if (changed.privileges() != 0) {
                result.add(index < 0 ? result.size() : Math.min(index, result.size()), changed);
            }
        }
        return result;
    }

    /** Removes what {@code grantee} granted of {@code lost} to others (and so on); without CASCADE, fails. */
    private static void revokeDependents(List<AclItem> acl, String grantee, int lost, boolean cascade,
                                         SecuredObjects.Found found) {
        for (int i = 0; i < acl.size(); i++) {
            AclItem item = acl.get(i);
            if (!item.grantor().equals(grantee) || (item.privileges() & lost) == 0 || grantee.equals(item.grantee())) {
                continue;
            }
            if (!cascade) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST,
                        "dependent privileges exist").withHint("Use CASCADE to revoke them too.");
            }
            int lostHere = item.grantOptions() & lost;
            AclItem reduced = new AclItem(item.grantee(), item.grantor(), item.privileges() & ~lost,
                    item.grantOptions() & ~lost);
            if (reduced.privileges() == 0) {
                acl.remove(i);
                i--;
            } else {
                acl.set(i, reduced);
            }
            if (lostHere != 0) {
                revokeDependents(acl, item.grantee(), lostHere, true, found);
                i = -1;
            }
        }
    }

    private static int indexOf(List<AclItem> acl, String grantee, String grantor) {
        for (int i = 0; i < acl.size(); i++) {
            if (acl.get(i).grantee().equals(grantee) && acl.get(i).grantor().equals(grantor)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * ALTER DEFAULT PRIVILEGES: changes the ACL that the named roles' (or the current role's) new objects of the kind
     * start with, everywhere or in the named schemas. Defaults for functions and types are kept though Basalt creates
     * neither.
     */
    QueryResultImpl alterDefaults(PrivilegeStatement.AlterDefaultPrivileges alter) {
        PrivilegeStatement.GrantPrivileges grant = alter.grant();
        String code;
        SecuredKind kind;
        switch (grant.kind()) {
            case "TABLES" -> {
                code = "r";
                kind = SecuredKind.TABLE;
            }
            case "SEQUENCES" -> {
                code = "S";
                kind = SecuredKind.SEQUENCE;
            }
            case "SCHEMAS" -> {
                code = "n";
                kind = SecuredKind.SCHEMA;
            }
            case "TYPES" -> {
                code = "T";
                kind = SecuredKind.SCHEMA;
            }
            default -> {
                code = "f";
                kind = SecuredKind.FUNCTION;
            }
        }
        if (code.equals("n") && !alter.schemas().isEmpty()) {
            throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION,
                    "cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS");
        }
        int applicable = code.equals("T") ? Privilege.USAGE.bit() : kind.applicable();
        int mask = 0;
        if (grant.privileges().isEmpty()) {
            mask = applicable;
        }
        for (PrivilegeStatement.PrivilegeItem item : grant.privileges()) {
            Privilege privilege = Privilege.named(item.name());
            if (privilege == null) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "unrecognized privilege type \""
                        + item.name().toLowerCase(java.util.Locale.ROOT) + "\"");
            }
            if ((applicable & privilege.bit()) == 0) {
                String noun = code.equals("r") ? "relation" : code.equals("T") ? "type" : kind.noun();
                throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION, "invalid privilege type "
                        + privilege.name() + " for " + noun);
            }
            mask |= privilege.bit();
        }
        List<String> targets = new ArrayList<>();
        if (alter.roles().isEmpty()) {
            targets.add(roles.currentUser());
        }
        for (String spec : alter.roles()) {
            targets.add(authorization.role(roles.resolve(spec)).name());
        }
        for (String schema : alter.schemas()) {
            SecuredObjects.requireSchema(catalog, schema);
        }
        List<String> grantees = new ArrayList<>();
        for (String grantee : grant.grantees()) {
            grantees.add(grantee.equals(PrivilegeStatement.PUBLIC) ? AclItem.PUBLIC
                    : authorization.role(roles.resolve(grantee)).name());
        }
        List<String> schemas = new ArrayList<>(alter.schemas());
        if (schemas.isEmpty()) {
            schemas.add(null);
        }
        for (String role : targets) {
            if (!replaying && !authorization.superuser(roles.currentUser())
                    && !authorization.reaches(roles.currentUser(), role, false)) {
                throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \"" + role + "\"");
            }
            for (String schema : schemas) {
                String key = Authorization.defaultsKey(role, schema, code);
                List<AclItem> builtIn = Authorization.builtInDefaultAcl(role, code);
                List<AclItem> current = authorization.defaultAcl(key);
                if (current == null) {
                    current = schema == null ? builtIn : List.of();
                }
                List<AclItem> changed = change(current, grant, grantees, role, mask, null);
                boolean unchanged = schema == null ? changed.equals(builtIn) : changed.isEmpty();
                authorization.putDefaultAcl(key, unchanged ? null : changed);
            }
        }
        return QueryResultImpl.command("ALTER DEFAULT PRIVILEGES", 0, List.of());
    }

    /** ALTER TABLE | VIEW | SEQUENCE | SCHEMA ... OWNER TO role. */
    QueryResultImpl alterOwner(PrivilegeStatement.AlterOwner alter) {
        SecuredObjects.Found found;
        String tag = "ALTER " + alter.kind();
        if (alter.kind().equals("SCHEMA")) {
            found = SecuredObjects.requireSchema(catalog, alter.name().last());
        } else {
            found = SecuredObjects.relation(catalog, alter.name());
            if (found == null) {
                if (alter.ifExists()) {
                    return QueryResultImpl.command(tag, 0, List.of("relation \"" + alter.name()
                            + "\" does not exist, skipping"));
                }
                throw BasaltException.of(SqlState.UNDEFINED_TABLE, "relation \"" + alter.name()
                        + "\" does not exist");
            }
        }
        String newOwner = roles.resolve(alter.newOwner());
        authorization.role(newOwner);
        SecuredObject object = authorization.object(found.key(), found.kind());
        if (!replaying) {
            AccessCheck check = roles.check();
            if (!check.superuser()) {
                check.requireOwner(object, found.name());
                if (!authorization.reaches(roles.currentUser(), newOwner, false)) {
                    throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be member of role \""
                            + newOwner + "\"");
                }
            }
        }
        setOwner(found.key(), object, newOwner);
        if (found.kind() == SecuredKind.TABLE) {
            for (io.basalt.catalog.SequenceEntry sequence : catalog.sequencesOwnedBy(found.schema(), found.name())) {
                String key = Authorization.relationKey(sequence.schema(), sequence.name());
                setOwner(key, authorization.object(key, SecuredKind.SEQUENCE), newOwner);
            }
        }
        return QueryResultImpl.command(tag, 0, List.of());
    }

    private void setOwner(String key, SecuredObject object, String newOwner) {
        setOwner(authorization, key, object, newOwner);
    }

    /**
     * Gives {@code object} (under {@code key}) to {@code newOwner}: its ACL entries granted to or by the old owner
     * become the new owner's, as PostgreSQL's ALTER ... OWNER TO and REASSIGN OWNED do.
     */
    static void setOwner(Authorization authorization, String key, SecuredObject object, String newOwner) {
        String oldOwner = object.owner();
        List<AclItem> acl = null;
        if (object.acl() != null) {
            acl = new ArrayList<>();
            for (AclItem item : object.acl()) {
                acl.add(new AclItem(item.grantee().equals(oldOwner) ? newOwner : item.grantee(),
                        item.grantor().equals(oldOwner) ? newOwner : item.grantor(), item.privileges(),
                        item.grantOptions()));
            }
        }
        authorization.putObject(key, new SecuredObject(object.kind(), newOwner, acl, object.columns(),
                object.rowSecurity()));
    }
}
