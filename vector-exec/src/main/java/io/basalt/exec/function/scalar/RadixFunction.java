package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code to_hex}, {@code to_oct} and {@code to_bin} of an integer or bigint: the two's-complement digits of
 * the value at its own width, so a negative integer shows 32 bits' worth and a negative bigint 64.
 */
public final class RadixFunction implements ScalarFunction {
    private final int radix;
    private final boolean wide;

    public RadixFunction(int radix, boolean wide) {
        this.radix = radix;
        this.wide = wide;
    }

    @Override
    public String name() {
        return radix == 16 ? "to_hex" : radix == 8 ? "to_oct" : "to_bin";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            Object value = ValueAccess.get(arguments[0], i);
            if (value == null) {
                continue;
            }
            long number = (Long) value;
            String digits = wide ? Long.toUnsignedString(number, radix)
                    : Long.toString(Integer.toUnsignedLong((int) number), radix);
            ValueAccess.set(out, i, digits);
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RadixFunction that && radix == that.radix && wide == that.wide;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), radix, wide);
    }
}
