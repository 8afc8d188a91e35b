package io.basalt.sequence;

import static java.util.Objects.requireNonNull;

import io.basalt.catalog.SequenceEntry;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * One column of {@code SELECT * FROM sequence}: last_value, log_cnt or is_called, read when the query runs (not
 * when it is bound). Each column reads the state on its own, so a nextval of another session between two columns
 * of the same row can show in one and not the other.
 */
public record SequenceStateFunction(SequenceEntry sequence, Field field) implements VolatileFunction {
    /** The columns of a sequence relation, in PostgreSQL's order. */
    public enum Field {
        LAST_VALUE, LOG_CNT, IS_CALLED
    }

    public SequenceStateFunction {
        requireNonNull(sequence, "sequence is null");
        requireNonNull(field, "field is null");
    }

    @Override
    public String name() {
        return sequence.name() + "." + field.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int r = 0; r < rows; r++) {
            SequenceEntry.State state = sequence.state();
            switch (field) {
                case LAST_VALUE -> ((BigIntVector) out).set(r, state.lastValue());
                case LOG_CNT -> ((BigIntVector) out).set(r, state.logCount());
                case IS_CALLED -> ((BitVector) out).set(r, state.isCalled() ? 1 : 0);
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
