package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/** {@code lower(text)} / {@code upper(text)}, with the C locale's rules (ASCII letters only change). */
final class CaseMappingFunction implements ScalarFunction {
    private final boolean upper;

    CaseMappingFunction(boolean upper) {
        this.upper = upper;
    }

    @Override
    public String name() {
        return upper ? "upper" : "lower";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector in = (VarCharVector) arguments[0];
        VarCharVector out = (VarCharVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            byte[] bytes = in.get(i);
            // In the C locale only ASCII letters change case; multi-byte UTF-8 sequences pass through.
            for (int k = 0; k < bytes.length; k++) {
                byte b = bytes[k];
                if (upper && b >= 'a' && b <= 'z') {
                    bytes[k] = (byte) (b - 32);
                } else if (!upper && b >= 'A' && b <= 'Z') {
                    bytes[k] = (byte) (b + 32);
                }
            }
            out.setSafe(i, bytes);
        }
        return out;
    }
}
