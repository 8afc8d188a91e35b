package io.basalt.sql.ast;

import java.util.List;

/**
 * The statements about roles, ownership and privileges: CREATE / ALTER / DROP ROLE (USER, GROUP), GRANT and REVOKE
 * of roles and of privileges, SET ROLE and SET SESSION AUTHORIZATION (with their RESETs), and ALTER ... OWNER TO.
 * Role names are as written (case-folded); {@link #CURRENT_USER}, {@link #CURRENT_ROLE} and {@link #SESSION_USER}
 * stand for those keywords where a role is named, and {@link #PUBLIC} for PUBLIC among grantees.
 */
public sealed interface PrivilegeStatement extends Statement {
    String CURRENT_USER = "\0current_user";
    String CURRENT_ROLE = "\0current_role";
    String SESSION_USER = "\0session_user";
    String PUBLIC = "\0public";

    /** One role attribute as written: {@code SUPERUSER}, {@code NOLOGIN}, {@code PASSWORD 'x'}, ... */
    record RoleOption(String name, Object value) {
    }

    /** {@code CREATE ROLE | USER | GROUP name [WITH] option ...}; {@code kind} is "ROLE", "USER" or "GROUP". */
    record CreateRole(String kind, String name, List<RoleOption> options, int position) implements PrivilegeStatement {
        public CreateRole {
            options = List.copyOf(options);
        }
    }

    /**
     * {@code ALTER ROLE | USER | GROUP name [WITH] option ...}, {@code ... RENAME TO new} ({@code renameTo}), or
     * {@code ALTER GROUP name ADD | DROP USER a, b} ({@code addUsers} / {@code dropUsers}).
     */
    record AlterRole(String kind, String name, List<RoleOption> options, String renameTo, List<String> addUsers,
                     List<String> dropUsers, int position) implements PrivilegeStatement {
        public AlterRole {
            options = List.copyOf(options);
            addUsers = List.copyOf(addUsers);
            dropUsers = List.copyOf(dropUsers);
        }
    }

    /** {@code DROP ROLE | USER | GROUP [IF EXISTS] name [, ...]}. */
    record DropRole(String kind, List<String> names, boolean ifExists, int position) implements PrivilegeStatement {
        public DropRole {
            names = List.copyOf(names);
        }
    }

    /**
     * {@code GRANT role [, ...] TO grantee [, ...] [WITH {ADMIN | INHERIT | SET} {OPTION | TRUE | FALSE}, ...]
     * [GRANTED BY r]} or {@code REVOKE [{ADMIN | INHERIT | SET} OPTION FOR] role [, ...] FROM grantee [, ...]
     * [GRANTED BY r] [CASCADE | RESTRICT]}. {@code options} are the WITH options (name to value); {@code optionFor}
     * the option a REVOKE takes away (null: the membership).
     */
    record GrantRole(boolean grant, List<String> roles, List<String> grantees, List<RoleOption> options,
                     String optionFor, String grantedBy, boolean cascade, int position) implements PrivilegeStatement {
        public GrantRole {
            roles = List.copyOf(roles);
            grantees = List.copyOf(grantees);
            options = List.copyOf(options);
        }
    }

    /** One privilege of a GRANT or REVOKE: its name in upper case, with the columns it is limited to (or none). */
    record PrivilegeItem(String name, List<String> columns, int position) {
        public PrivilegeItem {
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code GRANT privileges ON [kind] objects TO grantees [WITH GRANT OPTION] [GRANTED BY r]} or {@code REVOKE
     * [GRANT OPTION FOR] privileges ON ... FROM grantees [GRANTED BY r] [CASCADE | RESTRICT]}. {@code privileges}
     * is empty for ALL [PRIVILEGES] (with {@code allColumns} for {@code ALL (a, b)}); {@code kind} is "TABLE",
     * "SEQUENCE", "SCHEMA", "FUNCTION", "DATABASE", ... as written (TABLE when none); {@code inSchemas}: the objects
     * are schemas whose tables (sequences, functions) all are meant ({@code ALL TABLES IN SCHEMA s}).
     */
    record GrantPrivileges(boolean grant, List<PrivilegeItem> privileges, List<String> allColumns, String kind,
                           List<QualifiedName> objects, boolean inSchemas, List<String> grantees,
                           boolean grantOption, String grantedBy, boolean cascade, int position)
            implements PrivilegeStatement {
        public GrantPrivileges {
            privileges = List.copyOf(privileges);
            allColumns = List.copyOf(allColumns);
            objects = List.copyOf(objects);
            grantees = List.copyOf(grantees);
        }
    }

    /**
     * {@code SET [SESSION | LOCAL] ROLE name | NONE}, {@code RESET ROLE}, {@code SET [SESSION | LOCAL] SESSION
     * AUTHORIZATION name | DEFAULT}, {@code RESET SESSION AUTHORIZATION}; {@code role} is null for NONE, DEFAULT and
     * the RESETs.
     */
    record SetRole(boolean sessionAuthorization, String role, boolean local, int position)
            implements PrivilegeStatement {
    }

    /** {@code ALTER TABLE | VIEW | MATERIALIZED VIEW | SEQUENCE | SCHEMA [IF EXISTS] name OWNER TO role}. */
    record AlterOwner(String kind, QualifiedName name, boolean ifExists, String newOwner, int position)
            implements PrivilegeStatement {
    }

    /** {@code DROP OWNED BY role [, ...] [CASCADE | RESTRICT]} (roles as RoleSpecs, like {@link #CURRENT_USER}). */
    record DropOwned(List<String> roles, boolean cascade, int position) implements PrivilegeStatement {
        public DropOwned {
            roles = List.copyOf(roles);
        }
    }

    /** {@code REASSIGN OWNED BY role [, ...] TO role}. */
    record ReassignOwned(List<String> roles, String newOwner, int position) implements PrivilegeStatement {
        public ReassignOwned {
            roles = List.copyOf(roles);
        }
    }

    /**
     * {@code ALTER DEFAULT PRIVILEGES [FOR ROLE r, ...] [IN SCHEMA s, ...] GRANT | REVOKE ...}: {@code grant}'s kind is
     * "TABLES", "SEQUENCES", "FUNCTIONS", "ROUTINES", "TYPES" or "SCHEMAS" and it names no objects; {@code roles} empty
     * means the current role, {@code schemas} empty every schema.
     */
    record AlterDefaultPrivileges(List<String> roles, List<String> schemas, GrantPrivileges grant, int position)
            implements PrivilegeStatement {
        public AlterDefaultPrivileges {
            roles = List.copyOf(roles);
            schemas = List.copyOf(schemas);
        }
    }
}
