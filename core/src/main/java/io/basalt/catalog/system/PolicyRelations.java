package io.basalt.catalog.system;

import static io.basalt.catalog.system.SystemRelation.NAME;
import static io.basalt.catalog.system.SystemRelation.TEXT;

import io.basalt.catalog.privilege.SecuredObject;
import io.basalt.catalog.privilege.SessionIdentity;
import io.basalt.catalog.security.RowSecurityPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code pg_catalog.pg_policies}: one row per row-level security policy of an existing table, with its roles
 * ({public} for PUBLIC), its command and its conditions. The conditions are shown as written, in parentheses
 * (PostgreSQL deparses them, which differs in spelling, such as CURRENT_USER for current_user). Tables come in
 * schema and name order, their policies in creation order.
 */
final class PolicyRelations {
    private PolicyRelations() {
    }

    static List<SystemRelation> all() {
        return List.of(policies());
    }

    private static SystemRelation policies() {
        SystemRelation.Columns columns = new SystemRelation.Columns().add("schemaname", NAME).add("tablename", NAME)
                .add("policyname", NAME).add("permissive", TEXT).add("roles", SystemRelation.TEXT_ARRAY)
                .add("cmd", TEXT).add("qual", TEXT).add("with_check", TEXT);
        return SystemRelation.of("pg_catalog", "pg_policies", 12004, columns, objects -> {
            List<Object[]> rows = new ArrayList<>();
            if (!SessionIdentity.CURRENT.isBound()) {
                return rows;
            }
            Map<String, SecuredObject> sorted = new TreeMap<>(SessionIdentity.CURRENT.get().authorization()
                    .objects());
            for (Map.Entry<String, SecuredObject> entry : sorted.entrySet()) {
                String key = entry.getKey();
                if (!key.startsWith("r:") || entry.getValue().rowSecurity().policies().isEmpty()) {
                    continue;
                }
                int dot = key.indexOf('.');
                String schema = key.substring(2, dot);
                String table = key.substring(dot + 1);
                if (objects.relation(schema, table) == null) {
                    continue; // a dropped table's stale entry
                }
                for (RowSecurityPolicy policy : entry.getValue().rowSecurity().policies()) {
                    rows.add(new Object[] {schema, table, policy.name(),
                        policy.permissive() ? "PERMISSIVE" : "RESTRICTIVE",
                        io.basalt.type.ArrayValue.of(policy.roles().isEmpty() ? List.of("public") : policy.roles()),
                        policy.command(),
                        policy.using() == null ? null : "(" + policy.using() + ")",
                        policy.check() == null ? null : "(" + policy.check() + ")"});
                }
            }
            return rows;
        });
    }
}
