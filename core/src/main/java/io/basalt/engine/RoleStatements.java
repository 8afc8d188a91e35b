package io.basalt.engine;

import io.basalt.catalog.privilege.AclItem;
import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.RoleEntry;
import io.basalt.catalog.privilege.RoleGrant;
import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.PrivilegeStatement;
import io.basalt.sql.ast.PrivilegeStatement.RoleOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CREATE / ALTER / DROP ROLE (USER, GROUP) and GRANT / REVOKE of role memberships, with PostgreSQL 15's rules: a
 * superuser or a role with CREATEROLE manages roles (only a superuser manages superusers); granting a role needs its
 * ADMIN OPTION (or CREATEROLE); a membership may not make a cycle; a role that owns objects or holds privileges
 * cannot be dropped; the current and the session user cannot be dropped.
 */
final class RoleStatements {
    private final Authorization authorization;
    private final SessionRoles roles;
    /** Whether the log is being replayed: the statements then only change the state, checking no privilege. */
    private final boolean replaying;
    /** Names the objects a role owns or holds privileges on, for DROP ROLE's error (null: none). */
    private final java.util.function.Function<String, String> describeObject;

    RoleStatements(Authorization authorization, SessionRoles roles, boolean replaying,
                   java.util.function.Function<String, String> describeObject) {
        this.authorization = authorization;
        this.roles = roles;
        this.replaying = replaying;
        this.describeObject = describeObject;
    }

    QueryResultImpl create(PrivilegeStatement.CreateRole create) {
        String name = create.name();
        checkReservedName(name);
        requireCreateRole("permission denied to create role");
        if (authorization.findRole(name) != null) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "role \"" + name + "\" already exists");
        }
        RoleEntry role = applyOptions(RoleEntry.defaults(name, create.kind().equals("USER")), create.options(), true);
        if (role.superuser() && !isSuperuser()) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to create superusers");
        }
        authorization.putRole(role);
        String grantor = roles.currentUser();
        for (RoleOption option : create.options()) {
            @SuppressWarnings("unchecked")
            List<String> listed = option.value() instanceof List<?> list ? (List<String>) list : List.of();
            switch (option.name()) {
                case "in role" -> {
                    for (String group : listed) {
                        addMember(roles.resolve(group), name, grantor, false, true);
                    }
                }
                case "role", "user" -> {
                    for (String member : listed) {
                        addMember(name, roles.resolve(member), grantor, false, true);
                    }
                }
                case "admin" -> {
                    for (String member : listed) {
                        addMember(name, roles.resolve(member), grantor, true, true);
                    }
                }
                default -> {
                }
            }
        }
        return QueryResultImpl.command("CREATE ROLE", 0, List.of());
    }

    private static void checkReservedName(String name) {
        if (name.startsWith("pg_")) {
            throw BasaltException.of(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved")
                    .withDetail("Role names starting with \"pg_\" are reserved.");
        }
        if (name.equals("public") || name.equals("none")) {
            throw BasaltException.of(SqlState.RESERVED_NAME, "role name \"" + name + "\" is reserved");
        }
    }

    private void addMember(String role, String member, String grantor, boolean admin, boolean checked) {
        authorization.role(role);
        authorization.role(member);
        checkCycle(role, member);
        RoleEntry memberEntry = authorization.role(member);
        authorization.putGrant(new RoleGrant(role, member, grantor, admin, memberEntry.inherit(), true));
    }

    private void checkCycle(String role, String member) {
        if (authorization.reaches(role, member, false)) {
            throw BasaltException.of(SqlState.INVALID_GRANT_OPERATION, "role \"" + role
                    + "\" is a member of role \"" + member + "\"");
        }
    }

    private boolean isSuperuser() {
        return replaying || authorization.superuser(roles.currentUser());
    }

    private boolean hasCreateRole() {
        if (isSuperuser()) {
            return true;
        }
        RoleEntry current = authorization.findRole(roles.currentUser());
        return current != null && current.createRole();
    }

    private void requireCreateRole(String message) {
        if (!hasCreateRole()) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, message);
        }
    }

    /** {@code role} with the attributes of {@code options} set. */
    private static RoleEntry applyOptions(RoleEntry role, List<RoleOption> options, boolean creating) {
        boolean superuser = role.superuser();
        boolean createDatabase = role.createDatabase();
        boolean createRole = role.createRole();
        boolean inherit = role.inherit();
        boolean login = role.login();
        boolean replication = role.replication();
        boolean bypass = role.bypassRowSecurity();
        int limit = role.connectionLimit();
        String password = role.password();
        String validUntil = role.validUntil();
        List<String> seen = new ArrayList<>();
        for (RoleOption option : options) {
            String name = option.name();
            String attribute = name.startsWith("no") && !name.equals("none") ? name.substring(2) : name;
            if (seen.contains(attribute)) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "conflicting or redundant options");
            }
            seen.add(attribute);
            boolean on = !name.startsWith("no");
            switch (attribute) {
                case "superuser" -> superuser = on;
                case "createdb" -> createDatabase = on;
                case "createrole" -> createRole = on;
                case "inherit" -> inherit = on;
                case "login" -> login = on;
                case "replication" -> replication = on;
                case "bypassrls" -> bypass = on;
                case "connection limit" -> limit = (Integer) option.value();
                case "password" -> password = (String) option.value();
                case "valid until" -> validUntil = (String) option.value();
                case "in role", "role", "user", "admin", "sysid" -> {
                    if (!creating) {
                        throw BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error at or near \""
                                + name.toUpperCase(java.util.Locale.ROOT) + "\"");
                    }
                }
                case "createuser" -> superuser = on;
                default -> throw BasaltException.of(SqlState.SYNTAX_ERROR, "unrecognized role option \"" + name
                        + "\"");
            }
        }
        return new RoleEntry(role.name(), superuser, createDatabase, createRole, inherit, login, replication, bypass,
                limit, password, validUntil);
    }

    QueryResultImpl alter(PrivilegeStatement.AlterRole alter) {
        String name = roles.resolve(alter.name());
        RoleEntry role = authorization.role(name);
        if (alter.renameTo() != null) {
            if (name.equals(roles.sessionUser())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "session user cannot be renamed");
            }
            if (name.equals(roles.currentUser())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "current user cannot be renamed");
            }
            checkReservedName(alter.renameTo());
            if (authorization.findRole(alter.renameTo()) != null) {
                throw BasaltException.of(SqlState.DUPLICATE_OBJECT, "role \"" + alter.renameTo()
                        + "\" already exists");
            }
            requireManage(role, "permission denied to rename role");
            authorization.renameRole(name, alter.renameTo());
            List<String> notices = role.password() == null ? List.of()
                    : List.of("MD5 password cleared because of role rename");
            return QueryResultImpl.command("ALTER ROLE", 0, notices);
        }
        if (!alter.addUsers().isEmpty() || !alter.dropUsers().isEmpty()) {
            requireAdmin(name, true);
            for (String user : alter.addUsers()) {
                String member = roles.resolve(user);
                authorization.role(member);
                checkCycle(name, member);
                if (authorization.grant(name, member) == null) {
                    addMember(name, member, roles.currentUser(), false, true);
                }
            }
            for (String user : alter.dropUsers()) {
                authorization.removeGrant(name, roles.resolve(user));
            }
            return QueryResultImpl.command("ALTER ROLE", 0, List.of());
        }
        RoleEntry changed = applyOptions(role, alter.options(), false);
        boolean onlyPassword = true;
        for (RoleOption option : alter.options()) {
            onlyPassword &= option.name().equals("password");
        }
        if (!isSuperuser() && !(onlyPassword && name.equals(roles.currentUser()))) {
            if (role.superuser() || changed.superuser() || changed.replication() != role.replication()
                    || changed.bypassRowSecurity() != role.bypassRowSecurity()) {
                throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to alter superuser "
                        + "roles or change superuser attribute");
            }
            requireCreateRole("permission denied");
        }
        authorization.putRole(changed);
        return QueryResultImpl.command("ALTER ROLE", 0, List.of());
    }

    private void requireManage(RoleEntry role, String message) {
        if (isSuperuser()) {
            return;
        }
        if (role.superuser()) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to rename superusers");
        }
        requireCreateRole(message);
    }

    QueryResultImpl drop(PrivilegeStatement.DropRole drop) {
        requireCreateRole("permission denied to drop role");
        List<String> notices = new ArrayList<>();
        List<String> victims = new ArrayList<>();
        for (String name : drop.names()) {
            RoleEntry role = authorization.findRole(name);
            if (role == null) {
                if (drop.ifExists()) {
                    notices.add("role \"" + name + "\" does not exist, skipping");
                    continue;
                }
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
            }
            if (name.equals(roles.currentUser())) {
                throw BasaltException.of(SqlState.OBJECT_IN_USE, "current user cannot be dropped");
            }
            if (name.equals(roles.sessionUser())) {
                throw BasaltException.of(SqlState.OBJECT_IN_USE, "session user cannot be dropped");
            }
            if (name.equals(Authorization.BOOTSTRAP_SUPERUSER) || Authorization.PREDEFINED_ROLES.contains(name)) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "cannot drop role " + name
                        + " because it is required by the database system");
            }
            if (role.superuser() && !isSuperuser()) {
                throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to drop superusers");
            }
            String dependents = dependents(name);
            if (!dependents.isEmpty()) {
                throw BasaltException.of(SqlState.DEPENDENT_OBJECTS_STILL_EXIST, "role \"" + name
                        + "\" cannot be dropped because some objects depend on it").withDetail(dependents);
            }
            victims.add(name);
        }
        for (String victim : victims) {
            authorization.removeRole(victim);
        }
        return QueryResultImpl.command("DROP ROLE", 0, notices);
    }

    /** The objects {@code role} owns or holds privileges on, one per line as PostgreSQL's DETAIL lists them. */
    private String dependents(String role) {
        List<String> owned = new ArrayList<>();
        List<String> privileges = new ArrayList<>();
        for (Map.Entry<String, SecuredObject> entry : authorization.objects().entrySet()) {
            String described = describeObject.apply(entry.getKey());
            if (described == null) {
                continue;
            }
            SecuredObject object = entry.getValue();
            if (object.owner().equals(role)) {
                owned.add("owner of " + described);
            }
            boolean holds = false;
            if (object.acl() != null) {
                for (AclItem item : object.acl()) {
                    holds |= item.grantee().equals(role) && !object.owner().equals(role);
                }
            }
            for (List<AclItem> column : object.columns().values()) {
                for (AclItem item : column) {
                    holds |= item.grantee().equals(role);
                }
            }
            if (holds) {
                privileges.add("privileges for " + described);
            }
        }
        for (Map.Entry<String, List<AclItem>> entry : authorization.defaultAcls().entrySet()) {
            Authorization.DefaultsKey key = Authorization.DefaultsKey.parse(entry.getKey());
            if (key.role().equals(role)) {
                owned.add("owner of " + key.description());
            } else if (entry.getValue().stream().anyMatch(item -> item.grantee().equals(role))) {
                privileges.add("privileges for " + key.description());
            }
        }
        owned.sort(null);
        privileges.sort(null);
        owned.addAll(privileges);
        return String.join("\n", owned);
    }

    /** GRANT role TO member / REVOKE role FROM member. */
    QueryResultImpl grant(PrivilegeStatement.GrantRole grant) {
        String grantor = grant.grantedBy() == null ? roles.currentUser() : roles.resolve(grant.grantedBy());
        if (grant.grantedBy() != null) {
            authorization.role(grantor);
        }
        List<String> notices = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String roleSpec : grant.roles()) {
            String role = roles.resolve(roleSpec);
            authorization.role(role);
            requireAdmin(role, false);
            for (String memberSpec : grant.grantees()) {
                String member = roles.resolve(memberSpec);
                RoleEntry memberEntry = authorization.role(member);
                RoleGrant existing = authorization.grant(role, member);
                if (grant.grant()) {
                    checkCycle(role, member);
                    boolean admin = existing != null && existing.admin();
                    boolean inherit = existing != null ? existing.inherit() : memberEntry.inherit();
                    boolean set = existing == null || existing.set();
                    boolean changed = existing == null;
                    for (RoleOption option : grant.options()) {
                        boolean value = (Boolean) option.value();
                        switch (option.name()) {
                            case "admin" -> {
                                changed |= admin != value;
                                admin = value;
                            }
                            case "inherit" -> {
                                changed |= inherit != value;
                                inherit = value;
                            }
                            case "set" -> {
                                changed |= set != value;
                                set = value;
                            }
                            default -> throw BasaltException.of(SqlState.SYNTAX_ERROR, "unrecognized role option \""
                                    + option.name() + "\"");
                        }
                    }
                    if (!changed) {
                        notices.add("role \"" + member + "\" is already a member of role \"" + role + "\"");
                        continue;
                    }
                    authorization.putGrant(new RoleGrant(role, member, existing == null ? grantor
                            : existing.grantor(), admin, inherit, set));
                } else {
                    if (existing == null) {
                        warnings.add("role \"" + member + "\" is not a member of role \"" + role + "\"");
                        continue;
                    }
                    if (grant.optionFor() == null) {
                        authorization.removeGrant(role, member);
                    } else {
                        authorization.putGrant(new RoleGrant(role, member, existing.grantor(),
                                existing.admin() && !grant.optionFor().equals("admin"),
                                existing.inherit() && !grant.optionFor().equals("inherit"),
                                existing.set() && !grant.optionFor().equals("set")));
                    }
                }
            }
        }
        return QueryResultImpl.command(grant.grant() ? "GRANT ROLE" : "REVOKE ROLE", 0, notices)
                .addWarnings(warnings);
    }

    /**
     * Requires the right to grant {@code role} (or, {@code altering}, to add or drop its members with ALTER GROUP):
     * superuser, CREATEROLE, or its ADMIN OPTION. The errors have PostgreSQL 16's wording, which the regression
     * corpus expects (15 said "must have admin option on role").
     */
    private void requireAdmin(String role, boolean altering) {
        if (isSuperuser()) {
            return;
        }
        RoleEntry target = authorization.role(role);
        if (target.superuser()) {
            throw BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "must be superuser to alter superusers");
        }
        if (hasCreateRole()) {
            return;
        }
        for (RoleGrant grant : authorization.grants()) {
            if (grant.role().equals(role) && grant.admin()
                    && authorization.reaches(roles.currentUser(), grant.member(), true)) {
                return;
            }
        }
        throw altering
                ? BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to alter role")
                        .withDetail("Only roles with the ADMIN option on role \"" + role + "\" may add or drop members.")
                : BasaltException.of(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied to grant role \"" + role + "\"")
                        .withDetail("Only roles with the ADMIN option on role \"" + role + "\" may grant this role.");
    }
}
