package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.pipeline.StatementCancellation;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code pg_sleep(seconds)}: waits that long for each row, then yields an empty value (PostgreSQL's void, which
 * prints as an empty string). NULL, zero or negative seconds do not wait. Cancelling the statement (or its timeout)
 * ends the wait at once with 57014; an interrupt ends it early and stays set.
 */
public final class SleepFunction implements ScalarFunction {
    public static final SleepFunction INSTANCE = new SleepFunction();
    private static final byte[] EMPTY = new byte[0];

    private SleepFunction() {
    }

    @Override
    public String name() {
        return "pg_sleep";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        Float8Vector seconds = (Float8Vector) arguments[0];
        VarCharVector out = (VarCharVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (!seconds.isNull(i) && seconds.get(i) > 0) {
                long nanos = (long) Math.min(seconds.get(i) * 1e9, Long.MAX_VALUE);
                StatementCancellation statement = StatementCancellation.executing();
                if (statement != null) {
                    statement.sleep(nanos);
                } else {
                    try {
                        Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            out.setSafe(i, EMPTY);
        }
        out.setValueCount(rows);
        return out;
    }
}
