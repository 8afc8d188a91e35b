package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code GREATEST(...)} / {@code LEAST(...)} over arguments of one type: NULLs are ignored, the result is
 * NULL only when every argument is.
 */
public final class ExtremumFunction implements ScalarFunction {
    private final boolean greatest;

    public ExtremumFunction(boolean greatest) {
        this.greatest = greatest;
    }

    @Override
    public String name() {
        return greatest ? "greatest" : "least";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            int best = -1;
            for (int a = 0; a < arguments.length; a++) {
                if (arguments[a].isNull(i)) {
                    continue;
                }
                if (best < 0) {
                    best = a;
                    continue;
                }
                int order = ValueComparison.compare(arguments[a], i, arguments[best], i);
                if (greatest ? order > 0 : order < 0) {
                    best = a;
                }
            }
            if (best >= 0) {
                VectorGather.copyValue(arguments[best], i, out, i);
            }
        }
        return out;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ExtremumFunction that && java.util.Objects.equals(greatest, that.greatest);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), greatest);
    }
}
