package io.basalt.catalog.privilege;

import static java.util.Objects.requireNonNull;

/**
 * One role of the database, with the attributes CREATE ROLE and ALTER ROLE set. A user is a role that may log in.
 * The password is kept as written (Basalt authenticates nobody: sessions name their role); it is never shown.
 */
public record RoleEntry(String name, boolean superuser, boolean createDatabase, boolean createRole, boolean inherit,
                        boolean login, boolean replication, boolean bypassRowSecurity, int connectionLimit,
                        String password, String validUntil) {
    public RoleEntry {
        requireNonNull(name, "name is null");
    }

    /** A role with PostgreSQL's defaults for CREATE ROLE ({@code login} for CREATE USER). */
    public static RoleEntry defaults(String name, boolean login) {
        return new RoleEntry(name, false, false, false, true, login, false, false, -1, null, null);
    }

    public RoleEntry renamed(String newName) {
        return new RoleEntry(newName, superuser, createDatabase, createRole, inherit, login, replication,
                bypassRowSecurity, connectionLimit, password, validUntil);
    }
}
