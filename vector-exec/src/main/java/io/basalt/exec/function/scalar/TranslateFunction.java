package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code translate(string, from, to)}: each character of {@code string} found in {@code from} is replaced by
 * the character at the same position in {@code to}, or removed when {@code to} is shorter; the first
 * occurrence in {@code from} wins.
 */
public final class TranslateFunction implements ScalarFunction {
    @Override
    public String name() {
        return "translate";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String text = ValueAccess.text(arguments[0], i);
            String from = ValueAccess.text(arguments[1], i);
            String to = ValueAccess.text(arguments[2], i);
            if (text == null || from == null || to == null) {
                continue;
            }
            ValueAccess.set(out, i, translate(text, from.codePoints().toArray(), to.codePoints().toArray()));
        }
        return out;
    }

    static String translate(String text, int[] from, int[] to) {
        StringBuilder out = new StringBuilder(text.length());
        for (int k = 0; k < text.length(); ) {
            int c = text.codePointAt(k);
            k += Character.charCount(c);
            int index = -1;
            for (int f = 0; f < from.length; f++) {
                if (from[f] == c) {
                    index = f;
                    break;
                }
            }
            if (index < 0) {
                out.appendCodePoint(c);
            } else if (index < to.length) {
                out.appendCodePoint(to[index]);
            }
        }
        return out.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TranslateFunction;
    }

    @Override
    public int hashCode() {
        return TranslateFunction.class.hashCode();
    }
}
