package io.basalt.cli.command;

import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code Not-null constraints:} footer of {@code \d+ TABLE} as psql 18 prints it (the pg_regress corpus's
 * expected output): one line per NOT NULL column, {@code "t_a_not_null" NOT NULL "a"}, in column order. Basalt
 * keeps no names for NOT NULL: a column that is NOT NULL in a parent table is shown with the name the topmost such
 * ancestor gives it ({@code <table>_<column>_not_null}) and {@code (inherited)}; any other with its own table's
 * name.
 */
final class NotNullConstraints {
    private NotNullConstraints() {
    }

    static void add(Session session, long oid, List<String> footers) {
        List<String> lines = new ArrayList<>();
        for (List<String> column : CatalogRows.of(session, "SELECT attname FROM pg_attribute WHERE attrelid = "
                + oid + " AND attnum > 0 AND attnotnull ORDER BY attnum")) {
            String name = column.getFirst();
            String origin = origin(session, oid, name, 0);
            boolean inherited = origin != null;
            String table = inherited ? origin : relationName(session, oid);
            lines.add("    \"" + table + "_" + name + "_not_null\" NOT NULL \"" + name + "\""
                    + (inherited ? " (inherited)" : ""));
        }
        if (!lines.isEmpty()) {
            footers.add("Not-null constraints:");
            footers.addAll(lines);
        }
    }

    /** The name of the topmost ancestor of {@code oid} where {@code column} is NOT NULL, or null when no parent has it. */
    private static String origin(Session session, long oid, String column, int depth) {
        if (depth > 32) {
            return null;
        }
        List<List<String>> parents = CatalogRows.of(session, "SELECT i.inhparent, c.relname FROM pg_inherits i"
                + " JOIN pg_class c ON c.oid = i.inhparent JOIN pg_attribute a ON a.attrelid = i.inhparent"
                + " WHERE i.inhrelid = " + oid + " AND a.attname = $1 AND a.attnotnull ORDER BY i.inhseqno", column);
        if (parents.isEmpty()) {
            return null;
        }
        long parent = Long.parseLong(parents.getFirst().get(0));
        String higher = origin(session, parent, column, depth + 1);
        return higher != null ? higher : parents.getFirst().get(1);
    }

    private static String relationName(Session session, long oid) {
        return CatalogRows.of(session, "SELECT relname FROM pg_class WHERE oid = " + oid).getFirst().getFirst();
    }
}
