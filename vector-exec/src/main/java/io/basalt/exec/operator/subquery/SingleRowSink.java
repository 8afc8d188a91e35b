package io.basalt.exec.operator.subquery;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.vector.ValueAccess;

/**
 * Takes an InitPlan's output as a scalar subquery's value: the first row's values, all NULL when there is no row,
 * and PostgreSQL's 21000 at a second row. At {@link #finish()} the values go into {@link InitPlanValues}.
 */
final class SingleRowSink implements SinkState {
    private final InitPlanValues values;
    private Object[] row;

    SingleRowSink(InitPlanValues values) {
        this.values = values;
    }

    @Override
    public void sink(Batch batch) {
        int rows = batch.rowCount();
        if (rows == 0) {
            return;
        }
        if (row != null || rows > 1) {
            throw BasaltException.of(SqlState.CARDINALITY_VIOLATION,
                    "more than one row returned by a subquery used as an expression");
        }
        row = new Object[values.types().size()];
        for (int c = 0; c < row.length; c++) {
            row[c] = ValueAccess.get(batch.column(c), 0);
        }
    }

    @Override
    public boolean isFinished() {
        // a second row is still needed to raise 21000, so the subquery runs to its end
        return false;
    }

    @Override
    public void finish() {
        values.set(row);
    }

    @Override
    public SourceState openResult() {
        throw new UnsupportedOperationException("an InitPlan's row is read through its values");
    }

    @Override
    public void close() {
    }
}
