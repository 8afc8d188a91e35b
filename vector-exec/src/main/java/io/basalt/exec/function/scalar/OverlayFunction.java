package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code overlay(string placing replacement from start [for count])}: the characters of {@code string} from
 * {@code start} for {@code count} (by default the replacement's length) replaced by {@code replacement},
 * defined as PostgreSQL defines it through substring and concatenation (so its errors are substring's).
 */
public final class OverlayFunction implements ScalarFunction {
    @Override
    public String name() {
        return "overlay";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        rows:
        for (int i = 0; i < rows; i++) {
            Object[] values = new Object[arguments.length];
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                if (values[a] == null) {
                    continue rows;
                }
            }
            String text = (String) values[0];
            String replacement = (String) values[1];
            long start = (Long) values[2];
            long count = arguments.length > 3 ? (Long) values[3] : replacement.codePointCount(0, replacement.length());
            if (start < 1 || count < 0) {
                throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.SUBSTRING_ERROR,
                        "negative substring length not allowed");
            }
            String head = TextFunction.substring(text, 1, start - 1);
            String tail = TextFunction.substring(text, start + count, null);
            ValueAccess.set(out, i, head + replacement + tail);
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OverlayFunction;
    }

    @Override
    public int hashCode() {
        return OverlayFunction.class.hashCode();
    }
}
