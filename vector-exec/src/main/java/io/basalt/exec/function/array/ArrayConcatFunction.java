package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code array_cat} / {@code array || array}, {@code array_append} / {@code array || element} and
 * {@code array_prepend} / {@code element || array}. A NULL array counts as empty unless both sides are NULL
 * arrays (then the result is NULL); a NULL element is appended or prepended as a NULL element.
 */
public record ArrayConcatFunction(ArrayConcatFunction.Kind kind) implements ScalarFunction {
    /** Which sides are arrays. */
    public enum Kind {
        CAT("array_cat"), APPEND("array_append"), PREPEND("array_prepend");

        private final String functionName;

        Kind(String functionName) {
            this.functionName = functionName;
        }
    }

    @Override
    public String name() {
        return kind.functionName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        ListVector out = (ListVector) context.newVector(resultType, rows);
        FieldVector target = ArrayVectors.elements(out);
        FieldVector first = arguments[0];
        FieldVector second = arguments[1];
        for (int i = 0; i < rows; i++) {
            if (kind == Kind.CAT && first.isNull(i) && second.isNull(i)) {
                out.setNull(i);
                continue;
            }
            int start = ArrayVectors.startRow(out, i);
            int count = kind == Kind.PREPEND ? copyElement(first, i, target, start)
                    : copyArray((ListVector) first, i, target, start);
            count += kind == Kind.APPEND ? copyElement(second, i, target, start + count)
                    : copyArray((ListVector) second, i, target, start + count);
            ArrayVectors.endRow(out, i, count);
        }
        return out;
    }

    private static int copyArray(ListVector array, int row, FieldVector target, int at) {
        if (array.isNull(row)) {
            return 0;
        }
        FieldVector elements = ArrayVectors.elements(array);
        int start = ArrayVectors.start(array, row);
        int end = ArrayVectors.end(array, row);
        for (int k = start; k < end; k++) {
            target.copyFromSafe(k, at + k - start, elements);
        }
        return end - start;
    }

    private static int copyElement(FieldVector values, int row, FieldVector target, int at) {
        target.copyFromSafe(row, at, values);
        return 1;
    }
}
