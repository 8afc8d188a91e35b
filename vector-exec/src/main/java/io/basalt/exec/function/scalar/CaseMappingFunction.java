package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code lower(text)} / {@code upper(text)} as PostgreSQL does in a UTF-8 database: every letter with a
 * single-character case mapping changes (so 'ß' stays, as with the C library); ASCII text takes a byte loop.
 */
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
            if (isAscii(bytes)) {
                for (int k = 0; k < bytes.length; k++) {
                    byte b = bytes[k];
                    if (upper && b >= 'a' && b <= 'z') {
                        bytes[k] = (byte) (b - 32);
                    } else if (!upper && b >= 'A' && b <= 'Z') {
                        bytes[k] = (byte) (b + 32);
                    }
                }
            } else {
                bytes = mapCodePoints(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            out.setSafe(i, bytes);
        }
        return out;
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private String mapCodePoints(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(upper ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CaseMappingFunction that && java.util.Objects.equals(upper, that.upper);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), upper);
    }
}
