package io.basalt.cli.command;

import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The footers psql prints under {@code \d TABLE}, in its order: Indexes (primary key first, then by name),
 * Check constraints, Foreign-key constraints, Referenced by, Inherits, and the child tables (their number, or
 * with {@code \d+} their names). Definitions come from pg_get_indexdef and pg_get_constraintdef.
 */
final class TableFooters {
    private TableFooters() {
    }

    static List<String> of(Session session, long oid, boolean partitioned, boolean verbose) {
        List<String> footers = new ArrayList<>();
        List<List<String>> indexes = CatalogRows.of(session, "SELECT c.relname, i.indisprimary, i.indisunique,"
                + " pg_get_indexdef(i.indexrelid), (SELECT count(*) FROM pg_constraint k WHERE k.conindid ="
                + " i.indexrelid AND k.conrelid = i.indrelid AND k.contype = 'u') FROM pg_index i JOIN pg_class c"
                + " ON c.oid = i.indexrelid WHERE i.indrelid = " + oid + " ORDER BY i.indisprimary DESC, c.relname");
        if (!indexes.isEmpty()) {
            footers.add("Indexes:");
            for (List<String> index : indexes) {
                StringBuilder line = new StringBuilder("    \"").append(index.get(0)).append('"');
                if ("t".equals(index.get(1))) {
                    line.append(" PRIMARY KEY,");
                } else if ("t".equals(index.get(2))) {
                    line.append("0".equals(index.get(4)) ? " UNIQUE," : " UNIQUE CONSTRAINT,");
                }
                String definition = index.get(3);
                if (definition != null) {
                    int using = definition.indexOf(" USING ");
                    line.append(' ').append(using < 0 ? definition : definition.substring(using + 7));
                }
                footers.add(line.toString());
            }
        }
        constraints(session, "SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = "
                + oid + " AND contype = 'c' ORDER BY conname", "Check constraints:", footers);
        constraints(session, "SELECT conname, pg_get_constraintdef(oid, true) FROM pg_constraint WHERE conrelid = "
                + oid + " AND contype = 'f' ORDER BY conname", "Foreign-key constraints:", footers);
        List<List<String>> referencing = CatalogRows.of(session, "SELECT conrelid::regclass::text, conname,"
                + " pg_get_constraintdef(oid, true) FROM pg_constraint WHERE confrelid = " + oid
                + " AND contype = 'f' ORDER BY conname");
        if (!referencing.isEmpty()) {
            footers.add("Referenced by:");
            for (List<String> key : referencing) {
                footers.add("    TABLE \"" + key.get(0) + "\" CONSTRAINT \"" + key.get(1) + "\" " + key.get(2));
            }
        }
        List<List<String>> parents = CatalogRows.of(session, "SELECT inhparent::regclass::text FROM pg_inherits"
                + " WHERE inhrelid = " + oid + " ORDER BY inhseqno");
        if (!partitioned && !isPartition(session, oid)) {
            nameList("Inherits", parents, footers);
        }
        List<List<String>> children = CatalogRows.of(session, "SELECT inhrelid::regclass::text FROM pg_inherits"
                + " WHERE inhparent = " + oid + " ORDER BY 1");
        if (!partitioned && !children.isEmpty()) {
            if (verbose) {
                nameList("Child tables", children, footers);
            } else {
                footers.add("Number of child tables: " + children.size() + " (Use \\d+ to list them.)");
            }
        }
        return footers;
    }

    private static boolean isPartition(Session session, long oid) {
        return !CatalogRows.of(session, "SELECT 1 FROM pg_class WHERE oid = " + oid + " AND relispartition")
                .isEmpty();
    }

    private static void constraints(Session session, String sql, String heading, List<String> footers) {
        List<List<String>> rows = CatalogRows.of(session, sql);
        if (!rows.isEmpty()) {
            footers.add(heading);
            for (List<String> row : rows) {
                footers.add("    \"" + row.get(0) + "\" " + row.get(1));
            }
        }
    }

    /** {@code Label: a,} then each further name aligned under the first, as psql lists parents and children. */
    private static void nameList(String label, List<List<String>> names, List<String> footers) {
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).getFirst() + (i < names.size() - 1 ? "," : "");
            footers.add(i == 0 ? label + ": " + name : " ".repeat(label.length()) + "  " + name);
        }
    }
}
