package io.basalt.engine.export;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.catalog.system.PartitionText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the dump writes the tables of partition hierarchies and inheritance trees so that running it builds the same
 * hierarchy: a partitioned table with {@code PARTITION BY}; a partition as {@code CREATE TABLE ... PARTITION OF parent
 * [(its own constraints)] FOR VALUES ... | DEFAULT}, the parent's columns, constraints and keys coming from the parent;
 * an inheritance child as {@code CREATE TABLE ... (its own columns and constraints) INHERITS (parents)}. A table whose
 * columns are not in the order those statements give (one attached or inherited after it was created) is written
 * whole, then joined to its parent by {@code ALTER TABLE ... ATTACH PARTITION} or {@code INHERIT}, as pg_dump does
 * for every partition. A partitioned table's index is written once: its CREATE INDEX makes it on every partition,
 * which is why a partition's index that bears the name CREATE INDEX gives it is not written; one with another name
 * is written before its parent's, which then takes it over.
 */
final class HierarchyClauses {
    private final Catalog catalog;
    private final TableHierarchy hierarchy;

    HierarchyClauses(Catalog catalog) {
        this.catalog = catalog;
        this.hierarchy = catalog.hierarchy();
    }

    /** The tables {@code table} inherits from (its partitioned table, or its INHERITS parents), in order. */
    List<TableEntry> parents(TableEntry table) {
        List<TableEntry> parents = new ArrayList<>();
        for (TableHierarchy.Link link : hierarchy.parents(table.schema(), table.name())) {
            catalog.findTable(link.parentSchema(), link.parentName()).ifPresent(parents::add);
        }
        return parents;
    }

    /** Whether {@code table} is partitioned (holds no rows of its own). */
    boolean partitioned(TableEntry table) {
        return hierarchy.partitionKey(table.schema(), table.name()) != null;
    }

    private TableHierarchy.Link partitionLink(TableEntry table) {
        return hierarchy.partitionOf(table.schema(), table.name());
    }

    /** Whether {@code table} is written as {@code CREATE TABLE ... PARTITION OF}: a partition with its parent's columns in order. */
    boolean asPartitionOf(TableEntry table) {
        TableHierarchy.Link link = partitionLink(table);
        if (link == null) {
            return false;
        }
        TableEntry parent = catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
        return parent != null && parent.columnNames().equals(table.columnNames());
    }

    /**
     * Whether {@code table} is written with {@code INHERITS}: a child (not a partition) whose columns are its parents'
     * merged by name, in order, followed by its own.
     */
    boolean asInherits(TableEntry table) {
        if (partitionLink(table) != null || parents(table).isEmpty()) {
            return false;
        }
        List<String> expected = new ArrayList<>();
        for (TableEntry parent : parents(table)) {
            for (String name : parent.columnNames()) {
                if (!expected.contains(name)) {
                    expected.add(name);
                }
            }
        }
        for (String name : table.columnNames()) {
            if (!expected.contains(name)) {
                expected.add(name);
            }
        }
        return expected.equals(table.columnNames());
    }

    /** Whether {@code table}'s CREATE TABLE takes its columns from a parent (PARTITION OF or INHERITS). */
    boolean fromParents(TableEntry table) {
        return asPartitionOf(table) || asInherits(table);
    }

    /** Whether column {@code column} of {@code table} (written from its parents) comes from a parent. */
    boolean inheritedColumn(TableEntry table, ColumnEntry column) {
        for (TableEntry parent : parents(table)) {
            if (parent.columnIndex(column.name()) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A parent's column of that name, or null. */
    ColumnEntry parentColumn(TableEntry table, String name) {
        for (TableEntry parent : parents(table)) {
            int index = parent.columnIndex(name);
            if (index >= 0) {
                return parent.columns().get(index);
            }
        }
        return null;
    }

    /** Whether {@code check} of {@code table} is a parent's (one of that name that children inherit). */
    boolean inheritedCheck(TableEntry table, CheckConstraintEntry check) {
        for (TableEntry parent : parents(table)) {
            for (CheckConstraintEntry own : parent.checks()) {
                if (own.name().equals(check.name()) && !own.noInherit()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code key} of partition {@code table} is the partition's part of a key of its partitioned table. */
    boolean inheritedKey(TableEntry table, UniqueConstraintEntry key) {
        TableHierarchy.Link link = partitionLink(table);
        TableEntry parent = link == null ? null : catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
        if (parent == null) {
            return false;
        }
        for (UniqueConstraintEntry own : parent.uniqueKeys()) {
            if (own.primaryKey() == key.primaryKey() && own.exclusion() == key.exclusion()
                    && names(parent, own.columns()).equals(names(table, key.columns()))) {
                return true;
            }
        }
        return false;
    }

    /** Whether foreign key {@code key} of partition {@code table} is its partitioned table's (the same name). */
    boolean inheritedForeignKey(TableEntry table, ForeignKeyEntry key) {
        if (partitionLink(table) == null) {
            return false;
        }
        for (TableEntry parent : parents(table)) {
            for (ForeignKeyEntry own : parent.foreignKeys()) {
                if (own.name().equals(key.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code PARTITION OF parent} or {@code INHERITS (parents)} after the table's name and column list. */
    String parentClause(TableEntry table) {
        if (asPartitionOf(table)) {
            TableHierarchy.Link link = partitionLink(table);
            return " PARTITION OF " + SchemaScript.qualified(link.parentSchema(), link.parentName());
        }
        List<String> names = new ArrayList<>();
        for (TableEntry parent : parents(table)) {
            names.add(SchemaScript.qualified(parent.schema(), parent.name()));
        }
        return "\nINHERITS (" + String.join(", ", names) + ")";
    }

    /** The partition's bound ({@code FOR VALUES ...} or {@code DEFAULT}). */
    String bound(TableEntry table) {
        TableHierarchy.Link link = partitionLink(table);
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(link.parentSchema(), link.parentName());
        return PartitionText.bound(link, key.types());
    }

    /** {@code PARTITION BY ...} for a partitioned table, else the empty text. */
    String partitionBy(TableEntry table) {
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(table.schema(), table.name());
        return key == null ? "" : "\nPARTITION BY " + PartitionText.key(key);
    }

    /** What joins a table written whole to its parents: ATTACH PARTITION or INHERIT statements (none otherwise). */
    List<String> joins(TableEntry table) {
        List<String> statements = new ArrayList<>();
        if (fromParents(table)) {
            return statements;
        }
        String name = SchemaScript.qualified(table.schema(), table.name());
        TableHierarchy.Link link = partitionLink(table);
        if (link != null) {
            statements.add("ALTER TABLE " + SchemaScript.qualified(link.parentSchema(), link.parentName())
                    + " ATTACH PARTITION " + name + " " + bound(table));
            return statements;
        }
        for (TableEntry parent : parents(table)) {
            statements.add("ALTER TABLE " + name + " INHERIT " + SchemaScript.qualified(parent.schema(),
                    parent.name()));
        }
        return statements;
    }

    /** How many partition links lie above {@code table} (0 for a table that is no partition). */
    int depth(TableEntry table) {
        int depth = 0;
        TableHierarchy.Link link = partitionLink(table);
        while (link != null && depth < 1000) {
            depth++;
            link = hierarchy.partitionOf(link.parentSchema(), link.parentName());
        }
        return depth;
    }

    /**
     * Whether index {@code index} of partition {@code table} is made by its partitioned table's CREATE INDEX as it
     * is: the partition's index of a parent's index, with the name that statement gives it ({@code t_a_b_idx}).
     */
    boolean madeByParent(TableEntry table, IndexEntry index) {
        TableHierarchy.Link link = partitionLink(table);
        TableEntry parent = link == null ? null : catalog.findTable(link.parentSchema(), link.parentName()).orElse(null);
        if (parent == null || index.columns().contains(-1)) {
            return false;
        }
        for (IndexEntry candidate : parent.indexes()) {
            if (matching(candidate, parent, table) == index) {
                return index.name().equals(table.name() + "_" + String.join("_", names(table, index.columns()))
                        + "_idx");
            }
        }
        return false;
    }

    /** The first index of {@code partition} with the definition of {@code parent}'s {@code index}, or null. */
    private static IndexEntry matching(IndexEntry index, TableEntry parent, TableEntry partition) {
        for (IndexEntry own : partition.indexes()) {
            if (index.sameDefinition(parent.columnNames(), own, partition.columnNames())) {
                return own;
            }
        }
        return null;
    }

    private static List<String> names(TableEntry table, List<Integer> columns) {
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(column < 0 ? null : table.columns().get(column).name());
        }
        return names;
    }

    /** Whether {@code column} of a table written from its parents differs from the parent's column it stands for. */
    boolean ownNotNull(TableEntry table, ColumnEntry column) {
        ColumnEntry parent = parentColumn(table, column.name());
        return parent != null && column.notNull() && !parent.notNull();
    }

    /** Whether the default of {@code column} differs from its parent column's. */
    boolean ownDefault(TableEntry table, ColumnEntry column) {
        ColumnEntry parent = parentColumn(table, column.name());
        return parent != null && column.defaultExpression() != null
                && !Objects.equals(parent.defaultText(), column.defaultText());
    }
}
