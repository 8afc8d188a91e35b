package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.Query;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A view: its qualified name, its query as written (bound again, like a subquery, wherever the view is read), the
 * names and types its columns had when it was created (a query over {@code *} keeps reading only those columns),
 * the tables and views its query reads, which cannot be dropped without CASCADE while the view exists, and the
 * table columns it reads, which cannot be dropped or converted while it does.
 *
 * <p>A materialized view keeps its query's rows in {@code rows} (null for a plain view), computed when it was
 * created or last refreshed; {@code populated} is false after {@code WITH NO DATA}, when the rows cannot be read.
 * {@code checkOption} is a plain view's {@code WITH CHECK OPTION}: null, "local" or "cascaded";
 * {@code columnDefaults} holds, per column, the DEFAULT an INSERT through the view uses for it (null: the base
 * table's), set by {@code ALTER VIEW ... ALTER COLUMN ... SET DEFAULT}. {@code indexes} are a materialized view's
 * (made by CREATE INDEX on it; a unique one is enforced by its store and checked again at each refresh);
 * {@code options} its WITH options as pg_class.reloptions shows them.
 */
public record ViewEntry(String schema, String name, Query query, List<String> columnNames,
                        List<LogicalType> columnTypes, List<Relation> dependencies, List<ColumnUse> columnUses,
                        TableStore rows, boolean populated, String checkOption, List<Expression> columnDefaults,
                        List<IndexEntry> indexes, List<String> options) {
    /** A column of a table that a view reads (by its name when the view was created). */
    public record ColumnUse(String schema, String table, String column) {
        public ColumnUse {
            requireNonNull(schema, "schema is null");
            requireNonNull(table, "table is null");
            requireNonNull(column, "column is null");
        }
    }

    /** A table or view a view reads. */
    public record Relation(String schema, String name, boolean view) {
        public Relation {
            requireNonNull(schema, "schema is null");
            requireNonNull(name, "name is null");
        }

        /** How PostgreSQL names it in dependency messages: {@code table t}, {@code view v}. */
        public String description() {
            return (view ? "view " : "table ") + name;
        }
    }

    public ViewEntry {
        requireNonNull(schema, "schema is null");
        requireNonNull(name, "name is null");
        requireNonNull(query, "query is null");
        columnNames = List.copyOf(columnNames);
        columnTypes = List.copyOf(columnTypes);
        dependencies = List.copyOf(dependencies);
        columnUses = List.copyOf(columnUses);
        List<Expression> defaults = new java.util.ArrayList<>();
        for (int c = 0; c < columnNames.size(); c++) {
            defaults.add(columnDefaults != null && c < columnDefaults.size() ? columnDefaults.get(c) : null);
        }
        columnDefaults = java.util.Collections.unmodifiableList(defaults);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A view without reloptions. */
    public ViewEntry(String schema, String name, Query query, List<String> columnNames, List<LogicalType> columnTypes,
                     List<Relation> dependencies, List<ColumnUse> columnUses, TableStore rows, boolean populated,
                     String checkOption, List<Expression> columnDefaults, List<IndexEntry> indexes) {
        this(schema, name, query, columnNames, columnTypes, dependencies, columnUses, rows, populated, checkOption,
                columnDefaults, indexes, List.of());
    }

    /** A view without indexes (only a materialized view has any). */
    public ViewEntry(String schema, String name, Query query, List<String> columnNames, List<LogicalType> columnTypes,
                     List<Relation> dependencies, List<ColumnUse> columnUses, TableStore rows, boolean populated,
                     String checkOption, List<Expression> columnDefaults) {
        this(schema, name, query, columnNames, columnTypes, dependencies, columnUses, rows, populated, checkOption,
                columnDefaults, List.of());
    }

    /** This materialized view with other indexes. */
    public ViewEntry withIndexes(List<IndexEntry> newIndexes) {
        return new ViewEntry(schema, name, query, columnNames, columnTypes, dependencies, columnUses, rows, populated,
                checkOption, columnDefaults, newIndexes, options);
    }

    /** This materialized view holding other rows (refreshed), its indexes kept. */
    public ViewEntry withRows(TableStore newRows, boolean newPopulated) {
        return new ViewEntry(schema, name, query, columnNames, columnTypes, dependencies, columnUses, newRows,
                newPopulated, checkOption, columnDefaults, indexes, options);
    }

    /** A view with a check option and without column defaults. */
    public ViewEntry(String schema, String name, Query query, List<String> columnNames, List<LogicalType> columnTypes,
                     List<Relation> dependencies, List<ColumnUse> columnUses, TableStore rows, boolean populated,
                     String checkOption) {
        this(schema, name, query, columnNames, columnTypes, dependencies, columnUses, rows, populated, checkOption,
                null);
    }

    /** This view renamed, moved, with other column names or defaults. */
    public ViewEntry altered(String newSchema, String newName, List<String> newColumnNames,
                             List<Expression> newDefaults) {
        return new ViewEntry(newSchema, newName, query, newColumnNames, columnTypes, dependencies, columnUses, rows,
                populated, checkOption, newDefaults, indexes, options);
    }

    /** A view without a check option. */
    public ViewEntry(String schema, String name, Query query, List<String> columnNames, List<LogicalType> columnTypes,
                     List<Relation> dependencies, List<ColumnUse> columnUses, TableStore rows, boolean populated) {
        this(schema, name, query, columnNames, columnTypes, dependencies, columnUses, rows, populated, null);
    }

    /** A plain view: its query runs wherever it is read. */
    public ViewEntry(String schema, String name, Query query, List<String> columnNames, List<LogicalType> columnTypes,
                     List<Relation> dependencies, List<ColumnUse> columnUses) {
        this(schema, name, query, columnNames, columnTypes, dependencies, columnUses, null, false);
    }

    public boolean materialized() {
        return rows != null;
    }

    /** How PostgreSQL names it in messages: {@code view v} or {@code materialized view v}. */
    public String description() {
        return (materialized() ? "materialized view " : "view ") + name;
    }

    /** Whether this view reads column {@code column} of table {@code schema.table}. */
    public boolean reads(String otherSchema, String table, String column) {
        return columnUses.contains(new ColumnUse(otherSchema, table, column));
    }

    /** Whether this view reads the table or view {@code schema.name}. */
    public boolean dependsOn(String otherSchema, String otherName) {
        for (Relation relation : dependencies) {
            if (relation.schema().equals(otherSchema) && relation.name().equals(otherName)) {
                return true;
            }
        }
        return false;
    }
}
