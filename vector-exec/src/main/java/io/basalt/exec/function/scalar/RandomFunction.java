package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * {@code random()}: a double precision value in [0, 1), a new one for every row (the function is volatile), as
 * PostgreSQL's. Each thread draws from its own generator, so parallel pipelines do not contend; there is no
 * {@code setseed} yet, so sequences are not reproducible.
 */
public final class RandomFunction implements ScalarFunction {
    @Override
    public String name() {
        return "random";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        Float8Vector out = (Float8Vector) context.newVector(resultType, rows);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < rows; i++) {
            out.set(i, random.nextDouble());
        }
        out.setValueCount(rows);
        return out;
    }

    /** Equality stays identity, so two calls in one query are never taken for one expression. */
    @Override
    public String toString() {
        return name();
    }
}
