package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code unistr(text)}: decodes the Unicode escapes backslash XXXX, backslash +XXXXXX, backslash u XXXX and
 * backslash U XXXXXXXX (hex digits) and a doubled backslash; a high surrogate must be followed by an escaped low one,
 * and the pair stands for one character. Errors carry PostgreSQL's SQLSTATEs and wording.
 */
public final class UnicodeEscapeFunction implements ScalarFunction {
    @Override
    public String name() {
        return "unistr";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String text = ValueAccess.text(arguments[0], i);
            if (text != null) {
                ValueAccess.set(out, i, decode(text));
            }
        }
        return out;
    }

    /** {@code text} with its escapes decoded. */
    public static String decode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int pendingHigh = -1;
        int k = 0;
        while (k < text.length()) {
            char c = text.charAt(k);
            if (c != '\\') {
                if (pendingHigh >= 0) {
                    throw surrogatePair();
                }
                out.append(c);
                k++;
                continue;
            }
            if (k + 1 < text.length() && text.charAt(k + 1) == '\\') {
                if (pendingHigh >= 0) {
                    throw surrogatePair();
                }
                out.append('\\');
                k += 2;
                continue;
            }
            int digits;
            int from;
            if (k + 1 < text.length() && text.charAt(k + 1) == '+') {
                digits = 6;
                from = k + 2;
            } else if (k + 1 < text.length() && text.charAt(k + 1) == 'u') {
                digits = 4;
                from = k + 2;
            } else if (k + 1 < text.length() && text.charAt(k + 1) == 'U') {
                digits = 8;
                from = k + 2;
            } else {
                digits = 4;
                from = k + 1;
            }
            if (from + digits > text.length()) {
                throw invalidEscape();
            }
            int codePoint = 0;
            for (int d = from; d < from + digits; d++) {
                int digit = Character.digit(text.charAt(d), 16);
                if (digit < 0) {
                    throw invalidEscape();
                }
                codePoint = codePoint * 16 + digit;
            }
            k = from + digits;
            if (pendingHigh >= 0) {
                if (!Character.isLowSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                    throw surrogatePair();
                }
                out.appendCodePoint(Character.toCodePoint((char) pendingHigh, (char) codePoint));
                pendingHigh = -1;
            } else if (codePoint <= 0xFFFF && Character.isHighSurrogate((char) codePoint)) {
                pendingHigh = codePoint;
            } else if (codePoint <= 0xFFFF && Character.isLowSurrogate((char) codePoint)) {
                throw surrogatePair();
            } else if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid Unicode code point: "
                        + String.format(java.util.Locale.ROOT, "%04X", codePoint));
            } else {
                out.appendCodePoint(codePoint);
            }
        }
        if (pendingHigh >= 0) {
            throw surrogatePair();
        }
        return out.toString();
    }

    private static BasaltException invalidEscape() {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "invalid Unicode escape")
                .withHint("Unicode escapes must be \\XXXX, \\+XXXXXX, \\uXXXX, or \\UXXXXXXXX.");
    }

    private static BasaltException surrogatePair() {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "invalid Unicode surrogate pair");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UnicodeEscapeFunction;
    }

    @Override
    public int hashCode() {
        return UnicodeEscapeFunction.class.hashCode();
    }
}
