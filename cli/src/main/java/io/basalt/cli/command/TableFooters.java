package io.basalt.cli.command;

import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The footers psql prints under {@code \d TABLE}, in its order: Partition of (with {@code \d+} the partition
 * constraint) / Partition key, Indexes (primary key
 * first, then by name), Check constraints, Foreign-key constraints, Referenced by, with {@code \d+} Not-null
 * constraints, Inherits, the child tables or partitions (their number, or with {@code \d+} their names), and with
 * {@code \d+} the storage parameters (Options). Definitions come from pg_get_indexdef and pg_get_constraintdef.
 */
final class TableFooters {
    private TableFooters() {
    }

    static List<String> of(Session session, long oid, boolean partitioned, boolean verbose) {
        List<String> footers = new ArrayList<>();
        List<List<String>> partitionOf = CatalogRows.of(session, "SELECT i.inhparent::regclass::text,"
                + " pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid"
                + " WHERE c.oid = " + oid + " AND c.relispartition");
        boolean partition = !partitionOf.isEmpty();
        if (partition) {
            footers.add("Partition of: " + partitionOf.getFirst().get(0) + " " + partitionOf.getFirst().get(1));
            if (verbose) {
                String constraint = CatalogRows.of(session, "SELECT pg_get_partition_constraintdef(" + oid + ")")
                        .getFirst().getFirst();
                if (constraint != null) {
                    footers.add("Partition constraint: " + constraint);
                }
            }
        }
        if (partitioned) {
            footers.add("Partition key: " + CatalogRows.of(session, "SELECT pg_get_partkeydef(" + oid + ")")
                    .getFirst().getFirst());
        }
        List<List<String>> indexes = CatalogRows.of(session, "SELECT c.relname, i.indisprimary, i.indisunique,"
                + " pg_get_indexdef(i.indexrelid), (SELECT count(*) FROM pg_constraint k WHERE k.conindid ="
                + " i.indexrelid AND k.conrelid = i.indrelid AND k.contype = 'u'), (SELECT max(k.condeferrable::int)"
                + " FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN"
                + " ('p', 'u')), (SELECT max(k.condeferred::int) FROM pg_constraint k WHERE k.conindid = i.indexrelid"
                + " AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u')), (SELECT min(pg_get_constraintdef(k.oid,"
                + " true)) FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND"
                + " k.contype = 'x') FROM pg_index i JOIN pg_class c"
                + " ON c.oid = i.indexrelid WHERE i.indrelid = " + oid + " ORDER BY i.indisprimary DESC, c.relname");
        if (!indexes.isEmpty()) {
            footers.add("Indexes:");
            for (List<String> index : indexes) {
                StringBuilder line = new StringBuilder("    \"").append(index.get(0)).append('"');
                if (index.get(7) != null) {
                    // an exclusion constraint's index: psql shows the constraint's definition
                    footers.add(line.append(' ').append(index.get(7)).toString());
                    continue;
                }
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
                if ("1".equals(index.get(5))) {
                    line.append(" DEFERRABLE");
                }
                if ("1".equals(index.get(6))) {
                    line.append(" INITIALLY DEFERRED");
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
        if (verbose) {
            NotNullConstraints.add(session, oid, footers);
        }
        List<List<String>> parents = CatalogRows.of(session, "SELECT inhparent::regclass::text FROM pg_inherits"
                + " WHERE inhrelid = " + oid + " ORDER BY inhseqno");
        if (!partition) {
            nameList("Inherits", parents, footers);
        }
        if (partitioned) {
            partitions(session, oid, verbose, footers);
            return footers;
        }
        List<List<String>> children = CatalogRows.of(session, "SELECT inhrelid::regclass::text FROM pg_inherits"
                + " WHERE inhparent = " + oid + " ORDER BY 1");
        if (!children.isEmpty()) {
            if (verbose) {
                nameList("Child tables", children, footers);
            } else {
                footers.add("Number of child tables: " + children.size() + " (Use \\d+ to list them.)");
            }
        }
        if (verbose) {
            // psql's last footer: the storage parameters (pg_class.reloptions)
            List<List<String>> options = CatalogRows.of(session, "SELECT array_to_string(reloptions, ', ')"
                    + " FROM pg_class WHERE oid = " + oid + " AND reloptions IS NOT NULL");
            if (!options.isEmpty()) {
                footers.add("Options: " + options.getFirst().getFirst());
            }
        }
        return footers;
    }

    /** {@code Number of partitions: N}, or with {@code \d+} each partition with its bound, the default last. */
    private static void partitions(Session session, long oid, boolean verbose, List<String> footers) {
        List<List<String>> partitions = CatalogRows.of(session, "SELECT c.oid::regclass::text,"
                + " pg_get_expr(c.relpartbound, c.oid), c.relkind FROM pg_inherits i JOIN pg_class c"
                + " ON c.oid = i.inhrelid WHERE i.inhparent = " + oid
                + " ORDER BY pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', 1");
        if (partitions.isEmpty() || !verbose) {
            footers.add("Number of partitions: " + partitions.size()
                    + (partitions.isEmpty() ? "" : " (Use \\d+ to list them.)"));
            return;
        }
        List<List<String>> described = new ArrayList<>();
        for (List<String> partition : partitions) {
            described.add(List.of(partition.get(0) + " " + partition.get(1)
                    + ("p".equals(partition.get(2)) ? ", PARTITIONED" : "")));
        }
        nameList("Partitions", described, footers);
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
