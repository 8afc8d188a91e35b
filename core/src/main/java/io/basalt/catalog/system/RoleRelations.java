package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.BOOL;
import static io.basalt.catalog.system.SystemRelation.INT4;
import static io.basalt.catalog.system.SystemRelation.NAME;
import static io.basalt.catalog.system.SystemRelation.OID;
import static io.basalt.catalog.system.SystemRelation.TEXT;
import static io.basalt.catalog.system.SystemRelation.TEXT_ARRAY;

import io.basalt.catalog.privilege.Authorization;
import io.basalt.catalog.privilege.RoleEntry;
import io.basalt.catalog.privilege.RoleGrant;
import io.basalt.catalog.privilege.SessionIdentity;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roles as system catalogs show them: {@code pg_authid} (with the password kept as written, or NULL),
 * {@code pg_roles} (the same, password masked) and {@code pg_auth_members} (one row per membership). Role oids are
 * PostgreSQL's for the bootstrap superuser (10) and the predefined roles, and a hash of the name at or above 16384
 * for the others, so they survive close/reopen without being stored (and change on RENAME). VALID UNTIL is shown as
 * NULL (Basalt keeps it as written).
 */
public final class RoleRelations {
    /** PostgreSQL 15's oids of its predefined roles. */
    private static final Map<String, Long> PREDEFINED = Map.ofEntries(Map.entry("pg_database_owner", 6171L),
            Map.entry("pg_read_all_data", 6181L), Map.entry("pg_write_all_data", 6182L),
            Map.entry("pg_monitor", 3373L), Map.entry("pg_read_all_settings", 3374L),
            Map.entry("pg_read_all_stats", 3375L), Map.entry("pg_stat_scan_tables", 3377L),
            Map.entry("pg_read_server_files", 4569L), Map.entry("pg_write_server_files", 4570L),
            Map.entry("pg_execute_server_program", 4571L), Map.entry("pg_signal_backend", 4200L),
            Map.entry("pg_checkpoint", 4544L));

    private RoleRelations() {
    }

    /** The oid of the role {@code name}. */
    public static long roleOid(String name) {
        if (name.equals(Authorization.BOOTSTRAP_SUPERUSER)) {
            return ObjectDefinitions.OWNER_OID;
        }
        Long predefined = PREDEFINED.get(name);
        if (predefined != null) {
            return predefined;
        }
        long hash = 0xcbf29ce484222325L;
        String key = "role " + name;
        for (int i = 0; i < key.length(); i++) {
            hash ^= key.charAt(i);
            hash *= 0x100000001b3L;
        }
        return CatalogObjects.FIRST_USER_OID + Math.floorMod(hash ^ (hash >>> 29),
                0x7fffffffL - CatalogObjects.FIRST_USER_OID);
    }

    /** The name of the role whose oid is {@code oid}, or null. */
    public static String roleNamed(Authorization authorization, long oid) {
        for (RoleEntry role : authorization.roles()) {
            if (roleOid(role.name()) == oid) {
                return role.name();
            }
        }
        return null;
    }

    static List<SystemRelation> all() {
        return List.of(authid(), roles(), members());
    }

    private static Authorization authorization() {
        return SessionIdentity.CURRENT.isBound() ? SessionIdentity.CURRENT.get().authorization() : null;
    }

    private static SystemRelation.Columns attributes(SystemRelation.Columns columns) {
        return columns.add("rolname", NAME).add("rolsuper", BOOL).add("rolinherit", BOOL).add("rolcreaterole", BOOL)
                .add("rolcreatedb", BOOL).add("rolcanlogin", BOOL).add("rolreplication", BOOL);
    }

    private static SystemRelation authid() {
        SystemRelation.Columns columns = attributes(new SystemRelation.Columns().add("oid", OID))
                .add("rolbypassrls", BOOL).add("rolconnlimit", INT4).add("rolpassword", TEXT)
                .add("rolvaliduntil", LogicalType.TIMESTAMPTZ);
        return SystemRelation.of("pg_catalog", "pg_authid", 1260, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            Authorization authorization = authorization();
            for (RoleEntry role : authorization == null ? List.<RoleEntry>of() : authorization.roles()) {
                rows.add(new Object[] {roleOid(role.name()), role.name(), role.superuser(), role.inherit(),
                    role.createRole(), role.createDatabase(), role.login(), role.replication(),
                    role.bypassRowSecurity(), (long) role.connectionLimit(), role.password(), null});
            }
            return rows;
        });
    }

    private static SystemRelation roles() {
        SystemRelation.Columns columns = attributes(new SystemRelation.Columns()).add("rolconnlimit", INT4)
                .add("rolpassword", TEXT).add("rolvaliduntil", LogicalType.TIMESTAMPTZ).add("rolbypassrls", BOOL)
                .add("rolconfig", TEXT_ARRAY).add("oid", OID);
        return SystemRelation.of("pg_catalog", "pg_roles", 12005, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            Authorization authorization = authorization();
            for (RoleEntry role : authorization == null ? List.<RoleEntry>of() : authorization.roles()) {
                rows.add(new Object[] {role.name(), role.superuser(), role.inherit(), role.createRole(),
                    role.createDatabase(), role.login(), role.replication(), (long) role.connectionLimit(),
                    "********", null, role.bypassRowSecurity(), null, roleOid(role.name())});
            }
            return rows;
        });
    }

    private static SystemRelation members() {
        SystemRelation.Columns columns = new SystemRelation.Columns().add("roleid", OID).add("member", OID)
                .add("grantor", OID).add("admin_option", BOOL);
        return SystemRelation.of("pg_catalog", "pg_auth_members", 1261, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            Authorization authorization = authorization();
            for (RoleGrant grant : authorization == null ? List.<RoleGrant>of() : authorization.grants()) {
                rows.add(new Object[] {roleOid(grant.role()), roleOid(grant.member()), roleOid(grant.grantor()),
                    grant.admin()});
            }
            return rows;
        });
    }
}
