package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/** {@code length(text)}: the number of characters (code points), counted on the UTF-8 bytes in place. */
final class LengthFunction implements ScalarFunction {
    @Override
    public String name() {
        return "length";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector in = (VarCharVector) arguments[0];
        IntVector out = (IntVector) context.newVector(resultType, rows);
        ArrowBuf offsets = in.getOffsetBuffer();
        ArrowBuf data = in.getDataBuffer();
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            long start = offsets.getInt((long) i * 4);
            long end = offsets.getInt((long) (i + 1) * 4);
            int characters = 0;
            for (long p = start; p < end; p++) {
                // Count every byte that does not continue a multi-byte sequence (10xxxxxx).
                if ((data.getByte(p) & 0xC0) != 0x80) {
                    characters++;
                }
            }
            out.set(i, characters);
        }
        return out;
    }

    /** Value equality: two calls of the same function with the same settings are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof LengthFunction that && true;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass());
    }
}
