package io.basalt.storage.table;

import io.basalt.exec.expression.PhysicalExpression;
import java.util.List;

/**
 * The DO UPDATE action of INSERT ... ON CONFLICT, as the write operator runs it: {@code newRow}, one expression
 * per table column giving the new version of a conflicting stored row, and {@code condition}, its WHERE (null:
 * always). Both read a row made of the stored row's columns (0 .. n-1) followed by the proposed row's, EXCLUDED
 * (n .. 2n-1), in the table's column order and types. {@code keyColumns} are the arbiter constraint's columns
 * (several arbiters share one column list), {@code nullsNotDistinct} its NULL rule, and {@code arbiterCondition}
 * the predicate of a partial unique index arbiter (null: none): only rows it holds for have the key.
 * {@code computedKeys} (null: none) computes the key parts of an arbiter over expressions, element k for the key
 * part whose column is -1. {@code computed} (null: none) replaces {@code newRow} and {@code condition} when SET or
 * WHERE holds subqueries: a plan that computes the new versions (see {@link ConflictUpdatePlan}).
 *
 * <p>In a partition that INSERT routed rows to, {@code newRow}, {@code condition} and {@code computed} read and
 * write rows in the partitioned table's column order: {@code rowOrder[i]} (null: the same order) is the table column
 * that holds its column i. {@code partitionConstraint} (null: none), over the table's columns, must hold for every
 * new version, else the statement fails as PostgreSQL's does for a version that would move to another partition.
 */
public record ConflictUpdate(List<PhysicalExpression> newRow, PhysicalExpression condition, int[] keyColumns,
                             boolean nullsNotDistinct, RowCondition arbiterCondition,
                             PhysicalExpression[] computedKeys, ConflictUpdatePlan computed, int[] rowOrder,
                             PhysicalExpression partitionConstraint) {
    public ConflictUpdate {
        newRow = List.copyOf(newRow);
        keyColumns = keyColumns.clone();
        computedKeys = computedKeys == null ? null : computedKeys.clone();
        rowOrder = rowOrder == null ? null : rowOrder.clone();
    }

    /** An action on a table that is not a routed partition. */
    public ConflictUpdate(List<PhysicalExpression> newRow, PhysicalExpression condition, int[] keyColumns,
                          boolean nullsNotDistinct, RowCondition arbiterCondition,
                          PhysicalExpression[] computedKeys, ConflictUpdatePlan computed) {
        this(newRow, condition, keyColumns, nullsNotDistinct, arbiterCondition, computedKeys, computed, null, null);
    }

    /** An action whose arbiter's key parts are all columns. */
    public ConflictUpdate(List<PhysicalExpression> newRow, PhysicalExpression condition, int[] keyColumns,
                          boolean nullsNotDistinct, RowCondition arbiterCondition) {
        this(newRow, condition, keyColumns, nullsNotDistinct, arbiterCondition, null, null);
    }

    /** An action computed by expressions alone. */
    public ConflictUpdate(List<PhysicalExpression> newRow, PhysicalExpression condition, int[] keyColumns,
                          boolean nullsNotDistinct, RowCondition arbiterCondition, PhysicalExpression[] computedKeys) {
        this(newRow, condition, keyColumns, nullsNotDistinct, arbiterCondition, computedKeys, null);
    }
}
