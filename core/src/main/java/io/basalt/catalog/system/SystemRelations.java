package io.basalt.catalog.system;

import java.util.ArrayList;
import java.util.List;

/**
 * Every system relation, and finding one by name as a query names it: {@code pg_catalog.x} and
 * {@code information_schema.x} qualified, and unqualified names of pg_catalog relations, which PostgreSQL's search
 * path reaches before any other schema.
 */
public final class SystemRelations {
    public static final List<SystemRelation> ALL;

    static {
        List<SystemRelation> all = new ArrayList<>(PgCatalogRelations.all());
        all.addAll(InformationSchemaRelations.all());
        all.addAll(LockRelations.all());
        all.addAll(PolicyRelations.all());
        all.addAll(RoleRelations.all());
        all.addAll(StatisticsRelations.all());
        ALL = List.copyOf(all);
    }

    private SystemRelations() {
    }

    /** The system relation {@code [schema.]name} names, or null. */
    public static SystemRelation find(String schema, String name) {
        String searched = schema == null ? "pg_catalog" : schema;
        for (SystemRelation relation : ALL) {
            if (relation.schema().equals(searched) && relation.name().equals(name)) {
                return relation;
            }
        }
        return null;
    }
}
