package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.TextKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code length(text)}: the number of characters (code points), counted on the UTF-8 bytes in place. When all the
 * batch's text is ASCII (one pass over its bytes, {@link TextKernels#isAscii}), the lengths are the differences of
 * the offsets; otherwise each row's bytes that do not continue a multi-byte sequence are counted. The result's
 * validity is the argument's, copied as a bitmap.
 */
final class LengthFunction implements ScalarFunction {
    private static final TextKernels KERNELS = TextKernels.kernels();

    @Override
    public String name() {
        return "length";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        VarCharVector in = (VarCharVector) arguments[0];
        IntVector out = (IntVector) context.newVector(resultType, rows);
        if (rows == 0) {
            return out;
        }
        MemorySegment offsets = ArrowSegments.of(in.getOffsetBuffer());
        MemorySegment data = ArrowSegments.of(in.getDataBuffer());
        MemorySegment lengths = ArrowSegments.of(out.getDataBuffer());
        long first = offsets.getAtIndex(ArrowSegments.INT, 0);
        long last = offsets.getAtIndex(ArrowSegments.INT, rows);
        if (KERNELS.isAscii(data, first, last)) {
            KERNELS.lengthsFromOffsets(offsets, rows, lengths);
        } else {
            for (int i = 0; i < rows; i++) {
                long start = offsets.getAtIndex(ArrowSegments.INT, i);
                long end = offsets.getAtIndex(ArrowSegments.INT, i + 1);
                lengths.setAtIndex(ArrowSegments.INT, i, (int) KERNELS.countCharacters(data, start, end));
            }
        }
        copyValidity(in, out, rows);
        return out;
    }

    /** Sets {@code out}'s validity bits of rows {@code [0, rows)} to {@code in}'s, whole bytes at a time. */
    private static void copyValidity(VarCharVector in, IntVector out, int rows) {
        ArrowBuf target = out.getValidityBuffer();
        int wholeBytes = rows >>> 3;
        if (in.getNullCount() == 0) {
            target.setOne(0, wholeBytes);
        } else {
            target.setBytes(0, in.getValidityBuffer(), 0, wholeBytes);
        }
        for (int row = wholeBytes << 3; row < rows; row++) {
            if (!in.isNull(row)) {
                out.getValidityBuffer().setByte(row >>> 3, target.getByte(row >>> 3) | (1 << (row & 7)));
            }
        }
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
