package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table in the catalog: its qualified name, columns, the store holding its rows, and its CHECK constraints (in
 * name order, the order PostgreSQL checks them), UNIQUE / PRIMARY KEY constraints (in creation order; the
 * store enforces those), FOREIGN KEY constraints (in creation order; registered with both tables' stores,
 * which enforce them), the indexes CREATE INDEX made (in creation order) and its storage parameters
 * ({@code name=value}, see {@link StorageParameters}).
 */
public record TableEntry(String schema, String name, List<ColumnEntry> columns, TableStore store,
                         List<CheckConstraintEntry> checks, List<UniqueConstraintEntry> uniqueKeys,
                         List<ForeignKeyEntry> foreignKeys, List<IndexEntry> indexes, List<String> options) {
    public TableEntry {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        columns = List.copyOf(columns);
        requireNonNull(store, "store is null");
        checks = List.copyOf(checks);
        uniqueKeys = List.copyOf(uniqueKeys);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        options = List.copyOf(options);
    }

    /** A table without storage parameters. */
    public TableEntry(String schema, String name, List<ColumnEntry> columns, TableStore store,
                      List<CheckConstraintEntry> checks, List<UniqueConstraintEntry> uniqueKeys,
                      List<ForeignKeyEntry> foreignKeys, List<IndexEntry> indexes) {
        this(schema, name, columns, store, checks, uniqueKeys, foreignKeys, indexes, List.of());
    }

    /** This table with other storage parameters. */
    public TableEntry withOptions(List<String> replacement) {
        return new TableEntry(schema, name, columns, store, checks, uniqueKeys, foreignKeys, indexes, replacement);
    }

    /** A table without FOREIGN KEY constraints or indexes of its own. */
    public TableEntry(String schema, String name, List<ColumnEntry> columns, TableStore store,
                      List<CheckConstraintEntry> checks, List<UniqueConstraintEntry> uniqueKeys) {
        this(schema, name, columns, store, checks, uniqueKeys, List.of(), List.of());
    }

    /** This table with other FOREIGN KEY constraints. */
    public TableEntry withForeignKeys(List<ForeignKeyEntry> replacement) {
        return new TableEntry(schema, name, columns, store, checks, uniqueKeys, replacement, indexes, options);
    }

    /** This table with other indexes (CREATE INDEX). */
    /** This table with {@code replacement} as its CHECK constraints. */
    public TableEntry withChecks(List<CheckConstraintEntry> replacement) {
        return new TableEntry(schema, name, columns, store, replacement, uniqueKeys, foreignKeys, indexes, options);
    }

    /** This table with {@code replacement} as its UNIQUE and PRIMARY KEY constraints. */
    public TableEntry withUniqueKeys(List<UniqueConstraintEntry> replacement) {
        return new TableEntry(schema, name, columns, store, checks, replacement, foreignKeys, indexes, options);
    }

    public TableEntry withIndexes(List<IndexEntry> replacement) {
        return new TableEntry(schema, name, columns, store, checks, uniqueKeys, foreignKeys, replacement, options);
    }

    /** A table without CHECK, UNIQUE or PRIMARY KEY constraints. */
    public TableEntry(String schema, String name, List<ColumnEntry> columns, TableStore store) {
        this(schema, name, columns, store, List.of(), List.of(), List.of(), List.of());
    }

    public List<LogicalType> columnTypes() {
        List<LogicalType> types = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            types.add(column.type());
        }
        return types;
    }

    /** The columns' names, in order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            names.add(column.name());
        }
        return names;
    }

    /** The index of the column of that name, or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }
}
