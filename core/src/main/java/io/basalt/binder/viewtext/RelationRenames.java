package io.basalt.binder.viewtext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renames of tables, views and their columns that a view's query must follow: PostgreSQL keeps a view's query by
 * reference to its relations and columns, so {@code ALTER TABLE ... RENAME [COLUMN]} leaves the view working and
 * {@code pg_get_viewdef} prints the new names; {@code SET SCHEMA} likewise (the relation is then written qualified). Basalt keeps the query as syntax, so the query is written again with
 * the new names ({@link ViewText#renamed}) and read back. The view's own column names do not change.
 */
public final class RelationRenames {
    private final Map<String, String> relations = new HashMap<>();
    private final Map<String, String> columns = new HashMap<>();
    private final Map<String, String> schemas = new HashMap<>();
    /** Whether every relation is written with its schema (a new view's names, resolved once: {@link #qualifying}). */
    private boolean qualifyAll;

    /**
     * No renames, every table and view written with its schema: the query of a new view as it reads whatever the
     * search_path is, as PostgreSQL resolves a view's names once, when it is created.
     */
    public static RelationRenames qualifying() {
        RelationRenames renames = new RelationRenames();
        renames.qualifyAll = true;
        return renames;
    }

    private static String key(String schema, String relation) {
        return schema + "\0" + relation;
    }

    /** Relation {@code schema.from} is now {@code to}. */
    public void relation(String schema, String from, String to) {
        relations.put(key(schema, from), to);
    }

    /** Relation {@code schema.name} (its name before any rename here) is now in schema {@code to}. */
    public void schema(String schema, String name, String to) {
        schemas.put(key(schema, name), to);
    }

    /** Column {@code from} of relation {@code schema.relation} (its name before any rename here) is now {@code to}. */
    public void column(String schema, String relation, String from, String to) {
        columns.put(key(schema, relation) + "\0" + from, to);
    }

    public boolean isEmpty() {
        return relations.isEmpty() && columns.isEmpty() && schemas.isEmpty() && !qualifyAll;
    }

    /** The new name of relation {@code schema.name}, or {@code name} itself. */
    String relationName(String schema, String name) {
        return relations.getOrDefault(key(schema, name), name);
    }

    /** The schema relation {@code schema.name} moved to, or null when it stays. */
    String movedSchema(String schema, String name) {
        String moved = schemas.get(key(schema, name));
        return moved == null && qualifyAll ? schema : moved;
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
