package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ColumnConstraint;
import io.basalt.sql.ast.ColumnDefinition;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.TableConstraint;
import io.basalt.storage.table.ReferentialAction;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The FOREIGN KEY constraints of a CREATE TABLE, validated and named as PostgreSQL 15 does: column constraints
 * first, then table constraints, in the order written. The referenced table must exist (and be temporary exactly
 * when the new table is); the referenced columns default to its primary key and must otherwise match one of its
 * unique keys (constraints or unique indexes over plain columns) as a set; both column lists must name existing columns, have the same length, and pair types that
 * compare (integers with integers, strings with strings, a type with one it widens to implicitly). Unnamed
 * constraints become {@code t_a_b_fkey}, numbered past constraint names taken in the schema.
 */
final class ForeignKeyDefinitions {
    /** The table being created, as far as its foreign keys need it (it may reference itself). */
    record NewTable(String schema, String name, List<ColumnEntry> columns, List<UniqueConstraintEntry> keys,
                    List<CheckConstraintEntry> checks, boolean temporary) {
    }

    private record Clause(String name, List<String> columns, QualifiedName table, List<String> referencedColumns,
                          String onDelete, String onUpdate, boolean matchFull, List<String> deleteSetColumns,
                          boolean deferrable, boolean initiallyDeferred) {
    }

    private ForeignKeyDefinitions() {
    }

    /** Whether the statement declares any foreign key. */
    static boolean declares(CreateTableStatement create) {
        return !clauses(create).isEmpty();
    }

    static List<ForeignKeyEntry> define(CreateTableStatement create, NewTable table, Catalog catalog) {
        List<Clause> clauses = clauses(create);
        if (clauses.isEmpty()) {
            return List.of();
        }
        Set<String> tableNames = new HashSet<>();
        for (CheckConstraintEntry check : table.checks()) {
            tableNames.add(check.name());
        }
        for (UniqueConstraintEntry key : table.keys()) {
            tableNames.add(key.name());
        }
        Set<String> schemaNames = new HashSet<>(tableNames);
        for (TableEntry other : catalog.tables()) {
            if (other.schema().equals(table.schema())) {
                constraintNames(other, schemaNames);
            }
        }
        List<ForeignKeyEntry> entries = new ArrayList<>();
        for (Clause clause : clauses) {
            ForeignKeyEntry entry = define(clause, table, catalog, schemaNames, tableNames);
            tableNames.add(entry.name());
            schemaNames.add(entry.name());
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The foreign key ALTER TABLE ... ADD {@code constraint} gives {@code table} (the table as the statement has
     * changed it so far), named as CREATE TABLE names one; {@code tableNames} holds the table's constraint names.
     */
    static ForeignKeyEntry defineAdded(TableConstraint.ForeignKey constraint, NewTable table, Catalog catalog,
                                       Set<String> tableNames) {
        Set<String> schemaNames = new HashSet<>(tableNames);
        for (TableEntry other : catalog.tables()) {
            if (other.schema().equals(table.schema()) && !other.name().equals(table.name())) {
                constraintNames(other, schemaNames);
            }
        }
        return define(new Clause(constraint.name(), constraint.columns(), constraint.table(),
                constraint.referencedColumns(), constraint.onDelete(), constraint.onUpdate(), constraint.matchFull(),
                constraint.deleteSetColumns(), constraint.deferrable(), constraint.initiallyDeferred()), table, catalog,
                schemaNames, tableNames);
    }

    /** Every constraint name of {@code table}. */
    static void constraintNames(TableEntry table, Set<String> names) {
        for (CheckConstraintEntry check : table.checks()) {
            names.add(check.name());
        }
        for (UniqueConstraintEntry key : table.uniqueKeys()) {
            names.add(key.name());
        }
        for (ForeignKeyEntry key : table.foreignKeys()) {
            names.add(key.name());
        }
    }

    private static List<Clause> clauses(CreateTableStatement create) {
        List<Clause> clauses = new ArrayList<>();
        for (ColumnDefinition column : create.columns()) {
            for (ColumnConstraint constraint : column.constraints()) {
                if (constraint instanceof ColumnConstraint.References r) {
                    clauses.add(new Clause(r.name(), List.of(column.name()), r.table(), r.columns(), r.onDelete(),
                            r.onUpdate(), r.matchFull(), r.deleteSetColumns(), r.deferrable(), r.initiallyDeferred()));
                }
            }
        }
        for (TableConstraint constraint : create.constraints()) {
            if (constraint instanceof TableConstraint.ForeignKey f) {
                clauses.add(new Clause(f.name(), f.columns(), f.table(), f.referencedColumns(), f.onDelete(),
                        f.onUpdate(), f.matchFull(), f.deleteSetColumns(), f.deferrable(), f.initiallyDeferred()));
            }
        }
        return clauses;
    }

    private static ForeignKeyEntry define(Clause clause, NewTable table, Catalog catalog, Set<String> schemaNames,
                                          Set<String> tableNames) {
        if (clause.name() != null && tableNames.contains(clause.name())) {
            throw BasaltException.of(SqlState.DUPLICATE_OBJECT,
                    "constraint \"" + clause.name() + "\" for relation \"" + table.name() + "\" already exists");
        }
        Referenced referenced = referenced(clause.table(), table, catalog);
        List<Integer> columns = columnIndexes(clause.columns(), table.columns());
        List<Integer> referencedColumns;
        String key;
        if (clause.referencedColumns().isEmpty()) {
            UniqueConstraintEntry primary = null;
            for (UniqueConstraintEntry candidate : referenced.keys()) {
                if (candidate.primaryKey()) {
                    primary = candidate;
                }
            }
            if (primary == null) {
                throw BasaltException.of(SqlState.UNDEFINED_OBJECT,
                        "there is no primary key for referenced table \"" + referenced.name() + "\"");
            }
            referencedColumns = primary.columns();
            key = primary.name();
        } else {
            referencedColumns = columnIndexes(clause.referencedColumns(), referenced.columns());
            if (new HashSet<>(referencedColumns).size() < referencedColumns.size()) {
                throw BasaltException.of(SqlState.INVALID_FOREIGN_KEY,
                        "foreign key referenced-columns list must not contain duplicates");
            }
            key = matchingKey(referencedColumns, referenced);
        }
        if (columns.size() != referencedColumns.size()) {
            throw BasaltException.of(SqlState.INVALID_FOREIGN_KEY,
                    "number of referencing and referenced columns for foreign key disagree");
        }
        List<Integer> setColumns = null;
        if (clause.deleteSetColumns() != null) {
            setColumns = columnIndexes(clause.deleteSetColumns(), table.columns());
            for (int i = 0; i < setColumns.size(); i++) {
                if (!columns.contains(setColumns.get(i))) {
                    throw BasaltException.of(SqlState.INVALID_COLUMN_REFERENCE, "column \""
                            + clause.deleteSetColumns().get(i) + "\" referenced in ON DELETE SET action must be "
                            + "part of foreign key");
                }
            }
        }
        String name = clause.name();
        if (name == null) {
            List<String> names = new ArrayList<>();
            for (int column : columns) {
                names.add(table.columns().get(column).name());
            }
            name = chooseName(table.name(), String.join("_", names), schemaNames);
        }
        for (int k = 0; k < columns.size(); k++) {
            LogicalType from = table.columns().get(columns.get(k)).type();
            LogicalType to = referenced.columns().get(referencedColumns.get(k)).type();
            if (!comparable(from, to)) {
                throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                                "foreign key constraint \"" + name + "\" cannot be implemented")
                        .withDetail("Key columns \"" + table.columns().get(columns.get(k)).name() + "\" and \""
                                + referenced.columns().get(referencedColumns.get(k)).name()
                                + "\" are of incompatible types: " + from.displayName() + " and "
                                + to.displayName() + ".");
            }
        }
        return new ForeignKeyEntry(name, columns, referenced.schema(), referenced.name(), referencedColumns, key,
                clause.matchFull(), ReferentialAction.of(clause.onDelete()), ReferentialAction.of(clause.onUpdate()),
                setColumns, clause.deferrable(), clause.initiallyDeferred());
    }

    /** The referenced table: the one being created, or one in the catalog. */
    private record Referenced(String schema, String name, List<ColumnEntry> columns,
                              List<UniqueConstraintEntry> keys) {
    }

    private static Referenced referenced(QualifiedName name, NewTable table, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        boolean self = name.last().equals(table.name()) && (schema == null || schema.equals(table.schema())
                || table.temporary() && catalog.isTempSchema(schema));
        if (self) {
            return new Referenced(table.schema(), table.name(), table.columns(), table.keys());
        }
        if (schema != null && !catalog.schemaExists(schema)) {
            throw BasaltException.at(SqlState.INVALID_SCHEMA_NAME, name.position(),
                    "schema \"" + schema + "\" does not exist");
        }
        TableEntry found = catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
        boolean temporary = found.schema().equals(catalog.tempSchema());
        if (temporary != table.temporary()) {
            throw BasaltException.of(SqlState.INVALID_TABLE_DEFINITION, table.temporary()
                    ? "constraints on temporary tables may reference only temporary tables"
                    : "constraints on permanent tables may reference only permanent tables");
        }
        List<UniqueConstraintEntry> keys = new ArrayList<>(found.uniqueKeys());
        for (io.basalt.catalog.IndexEntry index : found.indexes()) {
            if (index.referenceable()) {
                keys.add(new UniqueConstraintEntry(index.name(), index.columns(), false, false));
            }
        }
        return new Referenced(found.schema(), found.name(), found.columns(), keys);
    }

    private static List<Integer> columnIndexes(List<String> names, List<ColumnEntry> columns) {
        List<Integer> indexes = new ArrayList<>(names.size());
        for (String name : names) {
            int index = -1;
            for (int c = 0; c < columns.size(); c++) {
                if (columns.get(c).name().equals(name)) {
                    index = c;
                }
            }
            if (index < 0) {
                throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                        "column \"" + name + "\" referenced in foreign key constraint does not exist");
            }
            indexes.add(index);
        }
        return indexes;
    }

    /** The unique key whose columns are exactly {@code columns} (in any order). */
    private static String matchingKey(List<Integer> columns, Referenced referenced) {
        for (UniqueConstraintEntry key : referenced.keys()) {
            if (key.columns().size() == columns.size() && new HashSet<>(key.columns()).equals(new HashSet<>(columns))
                    && !key.nullsNotDistinct()) {
                return key.name();
            }
        }
        throw BasaltException.of(SqlState.INVALID_FOREIGN_KEY,
                "there is no unique constraint matching given keys for referenced table \"" + referenced.name()
                        + "\"");
    }

    /**
     * Whether a referencing column of type {@code from} can reference one of type {@code to}: the same kind of
     * value, or {@code from} widening implicitly to {@code to} (PostgreSQL coerces the referencing side).
     */
    static boolean comparable(LogicalType from, LogicalType to) {
        if (from.isEnum() || to.isEnum()) {
            return from.equals(to);
        }
        if (from.id() == to.id() || from.isIntegral() && to.isIntegral() || from.isString() && to.isString()) {
            return !from.isArray() && !to.isArray() || from.equals(to);
        }
        if (from.isNumber() && to.isNumber()) {
            return rank(from) <= rank(to);
        }
        return switch (from.id()) {
            case DATE -> to.id() == io.basalt.type.TypeId.TIMESTAMP || to.id() == io.basalt.type.TypeId.TIMESTAMPTZ;
            case TIMESTAMP -> to.id() == io.basalt.type.TypeId.TIMESTAMPTZ;
            default -> false;
        };
    }

    /** The implicit widening order of the number types: integers, numeric, real, double precision. */
    private static int rank(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT, INTEGER, BIGINT -> 0;
            case NUMERIC -> 1;
            case REAL -> 2;
            default -> 3;
        };
    }

    private static String chooseName(String table, String columns, Set<String> taken) {
        for (int pass = 0; ; pass++) {
            String name = TableConstraints.objectName(table, columns, pass == 0 ? "fkey" : "fkey" + pass);
            if (!taken.contains(name)) {
                return name;
            }
        }
    }
}
