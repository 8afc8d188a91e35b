package io.basalt.sequence;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.plan.expression.VolatileFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code lastval()}: the value nextval last returned in the session, read per row (a nextval earlier in the same
 * row changes it), so never folded to a constant.
 */
public record LastvalFunction(SessionSequences session) implements VolatileFunction {
    public LastvalFunction {
        requireNonNull(session, "session is null");
    }

    @Override
    public String name() {
        return "lastval";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BigIntVector out = (BigIntVector) context.newVector(LogicalType.BIGINT, rows);
        for (int r = 0; r < rows; r++) {
            out.set(r, session.lastval());
        }
        out.setValueCount(rows);
        return out;
    }
}
