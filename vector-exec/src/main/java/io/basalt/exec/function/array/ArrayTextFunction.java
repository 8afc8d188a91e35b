package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code array_to_string(a, delimiter [, null_string])}: the elements' text forms joined by the delimiter,
 * NULL elements left out or written as {@code null_string}; and {@code string_to_array(s, delimiter
 * [, null_string])}: the text split at each occurrence of the delimiter (into single characters when the
 * delimiter is NULL, not at all when it is empty; an empty string gives an empty array), pieces equal to
 * {@code null_string} becoming NULL elements. Both go through text, value by value.
 */
public record ArrayTextFunction(boolean joins) implements ScalarFunction {
    public static ArrayTextFunction arrayToString() {
        return new ArrayTextFunction(true);
    }

    public static ArrayTextFunction stringToArray() {
        return new ArrayTextFunction(false);
    }

    @Override
    public String name() {
        return joins ? "array_to_string" : "string_to_array";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            String delimiter = text(arguments[1], i);
            String nullString = arguments.length > 2 ? text(arguments[2], i) : null;
            if (joins) {
                if (arguments[0].isNull(i) || delimiter == null) {
                    continue;
                }
                ((VarCharVector) out).setSafe(i, join(arguments[0], i, delimiter, nullString)
                        .getBytes(StandardCharsets.UTF_8));
            } else {
                split(text(arguments[0], i), delimiter, nullString, out, i);
            }
        }
        return out;
    }

    private static String text(FieldVector vector, int row) {
        return vector.isNull(row) ? null : new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
    }

    private static String join(FieldVector array, int row, String delimiter, String nullString) {
        FieldVector elements = ArrayVectors.elements(array);
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (int k = ArrayVectors.start(array, row), end = ArrayVectors.end(array, row); k < end; k++) {
            String element = ValueAccess.text(elements, k);
            if (element == null) {
                if (nullString == null) {
                    continue;
                }
                element = nullString;
            }
            if (!first) {
                joined.append(delimiter);
            }
            joined.append(element);
            first = false;
        }
        return joined.toString();
    }

    private static void split(String input, String delimiter, String nullString, FieldVector out, int row) {
        if (input == null) {
            ArrayVectors.setNull(out, row);
            return;
        }
        VarCharVector elements = (VarCharVector) ArrayVectors.elements(out);
        int at = ArrayVectors.startRow(out, row);
        int count = 0;
        if (!input.isEmpty()) {
            if (delimiter == null) {
                for (int p = 0; p < input.length(); p = input.offsetByCodePoints(p, 1)) {
                    piece(input.substring(p, input.offsetByCodePoints(p, 1)), nullString, elements, at + count++);
                }
            } else if (delimiter.isEmpty()) {
                piece(input, nullString, elements, at + count++);
            } else {
                int from = 0;
                while (true) {
                    int next = input.indexOf(delimiter, from);
                    piece(input.substring(from, next < 0 ? input.length() : next), nullString, elements, at + count++);
                    if (next < 0) {
                        break;
                    }
                    from = next + delimiter.length();
                }
            }
        }
        ArrayVectors.endRow(out, row, count);
    }

    private static void piece(String piece, String nullString, VarCharVector elements, int index) {
        if (piece.equals(nullString)) {
            elements.setNull(index);
        } else {
            elements.setSafe(index, piece.getBytes(StandardCharsets.UTF_8));
        }
    }
}
