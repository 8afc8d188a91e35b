package io.basalt.exec.function.array;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code x op ANY (array)} and {@code x op ALL (array)} with SQL's three-valued logic: ANY is true when
 * some element satisfies the comparison, else NULL when the value or some element is NULL, else false; ALL
 * is false when some element fails, else NULL when a NULL was met, else true. Over an empty array ANY is
 * false and ALL true, whatever the value. Arguments: the value and the array, of one element type.
 */
public record ArrayQuantifiedComparison(CompareOp operator, boolean all) implements ScalarFunction {
    @Override
    public String name() {
        return operator.symbol() + (all ? " ALL" : " ANY");
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector value = arguments[0];
        FieldVector array = arguments[1];
        FieldVector elements = ArrayVectors.elements(array);
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
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
            boolean sawNull = false;
            boolean decided = false;
            for (int k = start; k < end && !decided; k++) {
                if (elements.isNull(k)) {
                    sawNull = true;
                } else if (operator.test(ValueComparison.compare(value, i, elements, k)) != all) {
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
