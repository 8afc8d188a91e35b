package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code chr(integer)} and {@code ascii(text)}: between a character and its Unicode code point (the
 * database encoding is UTF-8, so chr takes any valid code point but 0, as PostgreSQL's does).
 */
public final class CodePointFunction implements ScalarFunction {
    private final boolean toCharacter;

    public CodePointFunction(boolean toCharacter) {
        this.toCharacter = toCharacter;
    }

    @Override
    public String name() {
        return toCharacter ? "chr" : "ascii";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            Object value = ValueAccess.get(arguments[0], i);
            if (value == null) {
                continue;
            }
            if (toCharacter) {
                ValueAccess.set(out, i, character((Long) value));
            } else {
                String text = (String) value;
                ValueAccess.set(out, i, text.isEmpty() ? 0L : (long) text.codePointAt(0));
            }
        }
        return out;
    }

    private static String character(long codePoint) {
        if (codePoint == 0) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "null character not permitted");
        }
        if (codePoint < 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "character number must be positive");
        }
        if (codePoint >= 0xD800 && codePoint <= 0xDFFF) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "requested character not valid for encoding: " + codePoint);
        }
        if (codePoint > Character.MAX_CODE_POINT) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED,
                    "requested character too large for encoding: " + codePoint);
        }
        return Character.toString((int) codePoint);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CodePointFunction that && toCharacter == that.toCharacter;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), toCharacter);
    }
}
