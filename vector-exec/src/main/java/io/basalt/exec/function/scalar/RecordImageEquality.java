package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordValue;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's record image operators {@code *=} and {@code *<>}: two rows are image-equal when their fields
 * hold the same stored representation, which is stricter than {@code =}: 1.0 and 1.00 are equal numerics but
 * different images, as are 0 and -0 in double precision. A NULL field equals only a NULL field; a NULL row gives
 * NULL. Values compare by their canonical Java forms, with numerics compared scale and all.
 */
public final class RecordImageEquality implements ScalarFunction {
    private final boolean negated;

    public RecordImageEquality(boolean negated) {
        this.negated = negated;
    }

    @Override
    public String name() {
        return negated ? "*<>" : "*=";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        BitVector out = (BitVector) context.newVector(LogicalType.BOOLEAN, rows);
        for (int i = 0; i < rows; i++) {
            Object left = ValueAccess.get(arguments[0], i);
            Object right = ValueAccess.get(arguments[1], i);
            if (left == null || right == null) {
                continue;
            }
            out.set(i, sameImage(left, right) != negated ? 1 : 0);
        }
        out.setValueCount(rows);
        return out;
    }

    private static boolean sameImage(Object left, Object right) {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof RecordValue a && right instanceof RecordValue b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameImage(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof ArrayValue a && right instanceof ArrayValue b) {
            if (a.length() != b.length() || !Arrays.equals(a.lengths(), b.lengths())
                    || !Arrays.equals(a.lowerBounds(), b.lowerBounds())) {
                return false;
            }
            for (int i = 0; i < a.length(); i++) {
                if (!sameImage(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (left instanceof BigDecimal a && right instanceof BigDecimal b) {
            // BigDecimal.equals compares scale too: the stored digits, as the image does
            return a.getClass() == b.getClass() && a.equals(b);
        }
        return left.equals(right);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordImageEquality that && negated == that.negated;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), negated);
    }
}
