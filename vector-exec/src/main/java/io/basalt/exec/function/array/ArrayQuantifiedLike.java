package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.scalar.LikePattern;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code x [NOT] LIKE|ILIKE ANY|ALL (patterns)} (the operators {@code ~~}, {@code !~~}, {@code ~~*},
 * {@code !~~*} over a text array), with the three-valued logic of {@link ArrayQuantifiedComparison}: ANY is
 * true when some pattern matches, else NULL when the value or a pattern is NULL, else false; ALL is false when
 * some pattern fails, else NULL when a NULL was met, else true; an empty array gives false (ANY) or true (ALL).
 * Patterns use the default escape, backslash; the last compiled pattern is kept for the next element.
 */
public record ArrayQuantifiedLike(boolean negated, boolean caseInsensitive, boolean all) implements ScalarFunction {
    @Override
    public String name() {
        return (negated ? "!" : "") + (caseInsensitive ? "~~*" : "~~") + (all ? " ALL" : " ANY");
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector value = (VarCharVector) arguments[0];
        FieldVector array = arguments[1];
        VarCharVector patterns = (VarCharVector) ArrayVectors.elements(array);
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        String lastText = null;
        LikePattern pattern = null;
        for (int i = 0; i < rows; i++) {
            if (array.isNull(i)) {
                continue;
            }
            int start = ArrayVectors.start(array, i);
            int end = ArrayVectors.end(array, i);
            if (start == end) {
                out.set(i, all ? 1 : 0);
                continue;
            }
            if (value.isNull(i)) {
                continue;
            }
            byte[] bytes = value.get(i);
            boolean sawNull = false;
            boolean decided = false;
            for (int k = start; k < end && !decided; k++) {
                if (patterns.isNull(k)) {
                    sawNull = true;
                    continue;
                }
                String text = new String(patterns.get(k), StandardCharsets.UTF_8);
                if (!text.equals(lastText)) {
                    pattern = LikePattern.compile(text, "\\", caseInsensitive);
                    lastText = text;
                }
                boolean matches = pattern.matches(bytes, bytes.length) != negated;
                if (matches != all) {
                    decided = true;
                }
            }
            if (decided) {
                out.set(i, all ? 0 : 1);
            } else if (!sawNull) {
                out.set(i, all ? 1 : 0);
            }
        }
        return out;
    }
}
