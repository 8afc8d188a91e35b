package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A FOREIGN KEY constraint as the stores enforce it (see {@link ReferentialChange}): the referencing columns of
 * one table, the referenced columns of another (or the same) table together with the name of the unique key over
 * them that lookups probe, MATCH FULL or SIMPLE, the ON DELETE and ON UPDATE actions (with PostgreSQL 15's column
 * list for ON DELETE SET NULL / SET DEFAULT), the rules a cascaded change to a referencing row must respect, and
 * whether it is DEFERRABLE / INITIALLY DEFERRED (see {@link DeferredChecks}). Registered on both tables' stores.
 *
 * @param deleteSetColumns for ON DELETE SET NULL / SET DEFAULT, the referencing table's columns to set; null
 *                         means every referencing column
 */
public record ForeignKey(String name, Side referencing, Side referenced, String referencedKey, boolean matchFull,
                         ReferentialAction onDelete, ReferentialAction onUpdate, int[] deleteSetColumns,
                         RowRules referencingRows, boolean deferrable, boolean initiallyDeferred) {
    /**
     * One end of the constraint: the table's name (as messages show it), its store, the key columns (indexes in
     * the table, in the constraint's order), their names and types.
     */
    public record Side(String table, TableStore store, int[] columns, List<String> columnNames,
                       List<LogicalType> columnTypes) {
        public Side {
            requireNonNull(table, "table is null");
            requireNonNull(store, "store is null");
            columns = columns.clone();
            columnNames = List.copyOf(columnNames);
            columnTypes = List.copyOf(columnTypes);
        }
    }

    /**
     * What a new version of a referencing row (made by CASCADE, SET NULL or SET DEFAULT) must satisfy, as an UPDATE
     * would: the referencing table's column names, NOT NULL flags and CHECK constraints, and each column's DEFAULT
     * (null entry: none, i.e. NULL) for SET DEFAULT. Defaults take no columns; they are evaluated over an empty row.
     */
    public record RowRules(List<String> columnNames, boolean[] notNull, List<CheckConstraint> checks,
                           List<PhysicalExpression> defaults) {
        public RowRules {
            columnNames = List.copyOf(columnNames);
            notNull = notNull.clone();
            checks = List.copyOf(checks);
            defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
        }
    }

    public ForeignKey {
        requireNonNull(name, "name is null");
        requireNonNull(referencing, "referencing is null");
        requireNonNull(referenced, "referenced is null");
        requireNonNull(referencedKey, "referencedKey is null");
        requireNonNull(onDelete, "onDelete is null");
        requireNonNull(onUpdate, "onUpdate is null");
        deleteSetColumns = deleteSetColumns == null ? null : deleteSetColumns.clone();
        requireNonNull(referencingRows, "referencingRows is null");
    }

    /** Whether {@code store} is the referencing table (its rows are checked). */
    boolean isReferencingTable(TableStore store) {
        return ReferentialChange.base(referencing.store()) == ReferentialChange.base(store);
    }

    /** Whether {@code store} is the referenced table (its deletions and key changes act on referencing rows). */
    boolean isReferencedTable(TableStore store) {
        return ReferentialChange.base(referenced.store()) == ReferentialChange.base(store);
    }

    @Override
    public String toString() {
        return name + " on " + referencing.table();
    }
}
