package io.basalt.engine;

import io.basalt.catalog.CheckConstraintEntry;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.ForeignKeyEntry;
import io.basalt.catalog.IndexEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.UniqueConstraintEntry;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table's definition while an ALTER TABLE changes it: its name, columns, CHECK constraints and unique keys as
 * the actions so far left them, and for each column the expression that computes it from a row of the table as
 * it was ({@code values}, over the original columns). It also records what the statement must verify against
 * the stored rows before it takes effect (NOT NULL columns and CHECK constraints to validate) and whether the
 * rows must be copied into a new store: when the columns change (added, dropped, converted) or the store's unique
 * indexes do (a key added, dropped or renamed, a key column renamed, the table renamed or moved to another schema).
 */
final class TableDraft {
    final TableEntry original;
    /** The schema the table is in once the statement took effect (SET SCHEMA moves it). */
    String schema;
    String name;
    final List<ColumnEntry> columns;
    final List<BoundExpression> values = new ArrayList<>();
    final List<CheckConstraintEntry> checks;
    final List<UniqueConstraintEntry> keys;
    /** The table's FOREIGN KEY constraints, over the draft's columns. */
    final List<ForeignKeyEntry> foreignKeys;
    /** The table's CREATE INDEX indexes, over the draft's columns. */
    final List<IndexEntry> indexes;
    /** The storage parameters (ALTER TABLE ... SET / RESET). */
    List<String> options;
    /** Per other table with foreign keys referencing this one (as it was), its foreign keys as they become. */
    final Map<TableEntry, List<ForeignKeyEntry>> incoming = new LinkedHashMap<>();
    /** Names of the columns whose NOT NULL must be verified against the rows. */
    final Set<String> notNullToValidate = new LinkedHashSet<>();
    /** Names of the CHECK constraints to verify against the rows. */
    final Set<String> checksToValidate = new LinkedHashSet<>();
    /** Foreign keys (by name) whose existing rows are checked: added without NOT VALID, or VALIDATE CONSTRAINT. */
    final Set<String> foreignKeysToValidate = new LinkedHashSet<>();
    boolean columnsChanged;
    /** Whether the only change to the columns is columns added at the end (see {@link #addedInPlace}). */
    boolean columnsOnlyAdded = true;
    boolean keysChanged;

    TableDraft(TableEntry original) {
        this.original = original;
        this.schema = original.schema();
        this.name = original.name();
        this.columns = new ArrayList<>(original.columns());
        this.checks = new ArrayList<>(original.checks());
        this.keys = new ArrayList<>(original.uniqueKeys());
        this.foreignKeys = new ArrayList<>(original.foreignKeys());
        this.indexes = new ArrayList<>(original.indexes());
        this.options = original.options();
        for (int c = 0; c < columns.size(); c++) {
            ColumnEntry column = columns.get(c);
            values.add(new BoundExpression.ColumnRef(c, original.name(), column.name(), column.type(), 0));
        }
    }

    /** The index of the draft's column of that name, or -1. */
    int columnIndex(String column) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(column)) {
                return c;
            }
        }
        return -1;
    }

    void addColumn(ColumnEntry column, BoundExpression initialValue) {
        columns.add(column);
        values.add(initialValue);
        columnsChanged = true;
        if (column.notNull()) {
            notNullToValidate.add(column.name());
        }
    }

    /**
     * Removes column {@code index} with the CHECK constraints and keys that read it (as PostgreSQL drops them with
     * the column), renumbering the others.
     */
    void dropColumn(int index) {
        int[] mapping = new int[columns.size()];
        for (int c = 0; c < mapping.length; c++) {
            mapping[c] = c < index ? c : c == index ? -1 : c - 1;
        }
        notNullToValidate.remove(columns.get(index).name());
        columnsOnlyAdded = false;
        columns.remove(index);
        values.remove(index);
        columnsChanged = true;
        List<CheckConstraintEntry> keptChecks = new ArrayList<>();
        for (CheckConstraintEntry check : checks) {
            BitSet used = new BitSet();
            ColumnReferences.collect(check.condition(), used);
            if (used.get(index)) {
                checksToValidate.remove(check.name());
            } else {
                keptChecks.add(check.with(check.name(), ColumnReferences.renumber(check.condition(), mapping)));
            }
        }
        checks.clear();
        checks.addAll(keptChecks);
        List<UniqueConstraintEntry> keptKeys = new ArrayList<>();
        for (UniqueConstraintEntry key : keys) {
            if (key.columns().contains(index)) {
                continue;
            }
            List<Integer> renumbered = new ArrayList<>();
            for (int column : key.columns()) {
                renumbered.add(mapping[column]);
            }
            keptKeys.add(key.renamed(key.name(), renumbered));
        }
        keys.clear();
        keys.addAll(keptKeys);
        keysChanged = true;
        List<ForeignKeyEntry> keptForeignKeys = new ArrayList<>();
        for (ForeignKeyEntry key : foreignKeys) {
            boolean self = key.references(original.schema(), original.name());
            if (key.columns().contains(index) || (key.deleteSetColumns() != null && key.deleteSetColumns().contains(index))
                    || (self && key.referencedColumns().contains(index))) {
                continue;
            }
            keptForeignKeys.add(foreignKey(key, renumber(key.columns(), mapping), key.referencedTable(),
                    self ? renumber(key.referencedColumns(), mapping) : key.referencedColumns(), key.referencedKey(),
                    key.deleteSetColumns() == null ? null : renumber(key.deleteSetColumns(), mapping)));
        }
        foreignKeys.clear();
        foreignKeys.addAll(keptForeignKeys);
        for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : incoming.entrySet()) {
            List<ForeignKeyEntry> renumbered = new ArrayList<>();
            for (ForeignKeyEntry key : other.getValue()) {
                renumbered.add(!key.references(original.schema(), original.name()) ? key
                        : foreignKey(key, key.columns(), key.referencedTable(),
                                renumber(key.referencedColumns(), mapping), key.referencedKey(), key.deleteSetColumns()));
            }
            other.setValue(renumbered);
        }
        List<IndexEntry> keptIndexes = new ArrayList<>();
        for (IndexEntry entry : indexes) {
            if (!entry.columns().contains(index)) {
                List<Integer> renumbered = new ArrayList<>();
                for (int column : entry.columns()) {
                    renumbered.add(column < 0 ? column : mapping[column]);
                }
                keptIndexes.add(entry.withColumns(renumbered));
            }
        }
        indexes.clear();
        indexes.addAll(keptIndexes);
    }

    private static List<Integer> renumber(List<Integer> columns, int[] mapping) {
        List<Integer> renumbered = new ArrayList<>(columns.size());
        for (int column : columns) {
            renumbered.add(mapping[column]);
        }
        return renumbered;
    }

    /** {@code key} with other columns, referenced table, referenced columns, referenced key, SET columns. */
    static ForeignKeyEntry foreignKey(ForeignKeyEntry key, List<Integer> columns, String referencedTable,
                                      List<Integer> referencedColumns, String referencedKey,
                                      List<Integer> deleteSetColumns) {
        return new ForeignKeyEntry(key.name(), columns, key.referencedSchema(), referencedTable, referencedColumns,
                referencedKey, key.matchFull(), key.onDelete(), key.onUpdate(), deleteSetColumns, key.deferrable(),
                key.initiallyDeferred());
    }

    /** Rewrites every foreign key (own and incoming) that references this table through {@code change}. */
    void updateReferences(java.util.function.UnaryOperator<ForeignKeyEntry> change) {
        for (int k = 0; k < foreignKeys.size(); k++) {
            if (foreignKeys.get(k).references(original.schema(), original.name())) {
                foreignKeys.set(k, change.apply(foreignKeys.get(k)));
            }
        }
        for (Map.Entry<TableEntry, List<ForeignKeyEntry>> other : incoming.entrySet()) {
            List<ForeignKeyEntry> updated = new ArrayList<>();
            for (ForeignKeyEntry key : other.getValue()) {
                updated.add(key.references(original.schema(), original.name()) ? change.apply(key) : key);
            }
            other.setValue(updated);
        }
    }

    /** Replaces column {@code index}'s entry (same position). */
    void setColumn(int index, ColumnEntry column) {
        columns.set(index, column);
    }

    /** Whether some unique key includes column {@code index}. */
    boolean inKey(int index) {
        for (UniqueConstraintEntry key : keys) {
            if (key.columns().contains(index)) {
                return true;
            }
        }
        return false;
    }

    UniqueConstraintEntry primaryKey() {
        for (UniqueConstraintEntry key : keys) {
            if (key.primaryKey()) {
                return key;
            }
        }
        return null;
    }

    /** The CHECK constraint or unique key of that name on this table, or null. */
    Object constraint(String constraintName) {
        for (CheckConstraintEntry check : checks) {
            if (check.name().equals(constraintName)) {
                return check;
            }
        }
        for (UniqueConstraintEntry key : keys) {
            if (key.name().equals(constraintName)) {
                return key;
            }
        }
        return null;
    }

    /** The draft as a catalog entry over {@code store}, checks in name order (the order they are checked in). */
    TableEntry toEntry(io.basalt.storage.table.TableStore store) {
        List<CheckConstraintEntry> sorted = new ArrayList<>(checks);
        sorted.sort(java.util.Comparator.comparing(CheckConstraintEntry::name));
        return new TableEntry(schema, name, columns, store, sorted, keys, foreignKeys, indexes, options);
    }

    /**
     * Whether the store can take the change in place, without copying a row: the only change to the columns is
     * columns added at the end whose value in the stored rows is a constant, no unique key changes, the table keeps
     * its name, and no CHECK constraint to verify reads an added column.
     */
    boolean addedInPlace() {
        if (!columnsOnlyAdded || keysChanged || relocated() || !foreignKeysToValidate.isEmpty()) {
            return false; // a foreign key to check reads the rows as the new definition has them
        }
        int kept = original.columns().size();
        for (int c = kept; c < values.size(); c++) {
            if (!(values.get(c) instanceof BoundExpression.Constant)) {
                return false;
            }
        }
        for (CheckConstraintEntry check : checks) {
            BitSet used = new BitSet();
            ColumnReferences.collect(check.condition(), used);
            if (checksToValidate.contains(check.name()) && used.nextSetBit(kept) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the stored rows must be copied into a new store. */
    boolean needsNewStore() {
        return columnsChanged || keysChanged || relocated();
    }

    /** Whether the table gets another name or schema (its store is named after both). */
    boolean relocated() {
        return !name.equals(original.name()) || !schema.equals(original.schema());
    }
}
