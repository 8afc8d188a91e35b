package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.function.UnaryOperator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code format(formatstr, args...)}: PostgreSQL's {@code %[n$][-][width]type} specifiers with types
 * {@code s} (text, NULL as empty), {@code I} (an identifier, quoted as needed) and {@code L} (a literal,
 * NULL as {@code NULL}), a width that may come from an argument ({@code *} or {@code *n$}; negative means
 * left-aligned), and {@code %%}. The arguments arrive as text; identifier quoting is handed in by the binder.
 */
public final class FormatFunction implements ScalarFunction {
    private final UnaryOperator<String> identifierQuoting;

    public FormatFunction(UnaryOperator<String> identifierQuoting) {
        this.identifierQuoting = identifierQuoting;
    }

    @Override
    public String name() {
        return "format";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        String[] values = new String[arguments.length - 1];
        for (int i = 0; i < rows; i++) {
            String format = ValueAccess.text(arguments[0], i);
            if (format == null) {
                continue;
            }
            for (int a = 1; a < arguments.length; a++) {
                values[a - 1] = ValueAccess.text(arguments[a], i);
            }
            ValueAccess.set(out, i, format(format, values));
        }
        return out;
    }

    private String format(String format, String[] values) {
        StringBuilder out = new StringBuilder(format.length() + 16);
        int next = 0;
        int k = 0;
        while (k < format.length()) {
            char c = format.charAt(k++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (k >= format.length()) {
                throw unterminated();
            }
            if (format.charAt(k) == '%') {
                out.append('%');
                k++;
                continue;
            }
            // [n$]
            int[] cursor = {k};
            int position = number(format, cursor);
            if (position >= 0 && cursor[0] < format.length() && format.charAt(cursor[0]) == '$') {
                k = cursor[0] + 1;
                checkPosition(position);
            } else {
                position = -1;
            }
            boolean left = false;
            while (k < format.length() && format.charAt(k) == '-') {
                left = true;
                k++;
            }
            int width = 0;
            if (k < format.length() && format.charAt(k) == '*') {
                k++;
                cursor[0] = k;
                int widthPosition = number(format, cursor);
                int index;
                if (widthPosition >= 0 && cursor[0] < format.length() && format.charAt(cursor[0]) == '$') {
                    checkPosition(widthPosition);
                    index = widthPosition - 1;
                    k = cursor[0] + 1;
                } else {
                    index = next;
                }
                if (index >= values.length) {
                    throw tooFew();
                }
                next = index + 1;
                String widthText = values[index];
                int widthValue = widthText == null ? 0 : Integer.parseInt(widthText.trim());
                if (widthValue < 0) {
                    left = true;
                    widthValue = -widthValue;
                }
                width = widthValue;
            } else {
                cursor[0] = k;
                int digits = number(format, cursor);
                if (digits >= 0) {
                    width = digits;
                    k = cursor[0];
                }
            }
            if (k >= format.length()) {
                throw unterminated();
            }
            char type = format.charAt(k++);
            int index = position > 0 ? position - 1 : next;
            if (type != 's' && type != 'I' && type != 'L') {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "unrecognized format() type specifier \"" + type + "\"")
                        .withHint("For a single \"%\" use \"%%\".");
            }
            if (index >= values.length) {
                throw tooFew();
            }
            next = index + 1;
            String value = values[index];
            String text = switch (type) {
                case 's' -> value == null ? "" : value;
                case 'I' -> {
                    if (value == null) {
                        throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED,
                                "null values cannot be formatted as an SQL identifier");
                    }
                    yield identifierQuoting.apply(value);
                }
                default -> value == null ? "NULL" : QuoteFunction.literal(value);
            };
            int pad = width - text.codePointCount(0, text.length());
            if (pad > 0 && !left) {
                out.repeat(' ', pad);
            }
            out.append(text);
            if (pad > 0 && left) {
                out.repeat(' ', pad);
            }
        }
        return out.toString();
    }

    /** A run of digits at {@code cursor[0]}, advancing it; -1 when there is none. */
    private static int number(String format, int[] cursor) {
        int k = cursor[0];
        long value = 0;
        while (k < format.length() && Character.isDigit(format.charAt(k))) {
            value = Math.min(value * 10 + format.charAt(k) - '0', Integer.MAX_VALUE);
            k++;
        }
        if (k == cursor[0]) {
            return -1;
        }
        cursor[0] = k;
        return (int) value;
    }

    private static void checkPosition(int position) {
        if (position == 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "format specifies argument 0, but arguments are numbered from 1");
        }
    }

    private static BasaltException unterminated() {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "unterminated format() type specifier")
                .withHint("For a single \"%\" use \"%%\".");
    }

    private static BasaltException tooFew() {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "too few arguments for format()");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormatFunction;
    }

    @Override
    public int hashCode() {
        return FormatFunction.class.hashCode();
    }
}
