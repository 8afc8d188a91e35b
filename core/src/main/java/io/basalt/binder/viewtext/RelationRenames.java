package io.basalt.binder.viewtext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames of tables, views and their columns that a view's query must follow: PostgreSQL keeps a view's query by
 * reference to its relations and columns, so {@code ALTER TABLE ... RENAME [COLUMN]} leaves the view working and
 * {@code pg_get_viewdef} prints the new names. Basalt keeps the query as syntax, so the query is written again with
 * the new names ({@link ViewText#renamed}) and read back. The view's own column names do not change.
 */
public final class RelationRenames {
    private final Map<String, String> relations = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();

    private static String key(String schema, String relation) {
        return schema + "\0" + relation;
    }

    /** Relation {@code schema.from} is now {@code to}. */
    public void relation(String schema, String from, String to) {
        relations.put(key(schema, from), to);
    }

    /** Column {@code from} of relation {@code schema.relation} (its name before any rename here) is now {@code to}. */
    public void column(String schema, String relation, String from, String to) {
        columns.put(key(schema, relation) + "\0" + from, to);
    }

    public boolean isEmpty() {
        return relations.isEmpty() && columns.isEmpty();
    }

    /** The new name of relation {@code schema.name}, or {@code name} itself. */
    String relationName(String schema, String name) {
        return relations.getOrDefault(key(schema, name), name);
    }

    /** The columns of relation {@code schema.name} under their new names ({@code names} as they were). */
    List<String> columnNames(String schema, String name, List<String> names) {
        String prefix = key(schema, name) + "\0";
        String[] renamed = new String[names.size()];
        for (int i = 0; i < renamed.length; i++) {
            renamed[i] = columns.getOrDefault(prefix + names.get(i), names.get(i));
        }
        return List.of(renamed);
    }
}
