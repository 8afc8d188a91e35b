package io.basalt.exec.operator.join;

import io.basalt.exec.batch.Batch;
import org.apache.arrow.vector.FieldVector;

/**
 * The left row a LATERAL join's right side is being computed for: {@link LateralJoinOperator} points it at a row
 * before it runs the right side's plan, whose parameter expressions read the row's columns through it. One
 * instance belongs to one join of one plan; a plan runs one LATERAL join's right side at a time, and the worker
 * threads of a parallel right side see the row set before their tasks were submitted.
 */
public final class LateralRow {
    private Batch batch;
    private int row;

    /** Points at row {@code row} of {@code batch}, which stays valid until the next call. */
    void set(Batch batch, int row) {
        this.batch = batch;
        this.row = row;
    }

    /** The vector holding column {@code column} of the current row. */
    public FieldVector column(int column) {
        if (batch == null) {
            throw new IllegalStateException("a LATERAL parameter was read outside its join");
        }
        return batch.column(column);
    }

    /** The current row's index in {@link #column}'s vector. */
    public int row() {
        return row;
    }
}
