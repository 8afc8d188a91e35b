package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * The {@code ||} operator on two text vectors, byte for byte: the result's size is summed first, the target is
 * allocated once, and each row's two values are copied from the arguments' data buffers. UTF-8 concatenates as
 * bytes, so the result equals the general path's string concatenation; a NULL argument gives NULL.
 */
final class TextConcatenation {
    private TextConcatenation() {
    }

    static boolean applies(FieldVector[] arguments, FieldVector out) {
        return arguments.length == 2 && arguments[0] instanceof VarCharVector
                && arguments[1] instanceof VarCharVector && out instanceof VarCharVector;
    }

    static void apply(FieldVector[] arguments, int rows, FieldVector out) {
        VarCharVector left = (VarCharVector) arguments[0];
        VarCharVector right = (VarCharVector) arguments[1];
        VarCharVector target = (VarCharVector) out;
        boolean nulls = left.getNullCount() > 0 || right.getNullCount() > 0;
        ArrowBuf leftOffsets = left.getOffsetBuffer();
        ArrowBuf rightOffsets = right.getOffsetBuffer();
        long total = 0;
        for (int i = 0; i < rows; i++) {
            if (!nulls || !left.isNull(i) && !right.isNull(i)) {
                total += length(leftOffsets, i) + length(rightOffsets, i);
            }
        }
        if (total > Integer.MAX_VALUE) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "requested length too large");
        }
        target.allocateNew(Math.max(total, 1), rows);
        ArrowBuf leftData = left.getDataBuffer();
        ArrowBuf rightData = right.getDataBuffer();
        ArrowBuf data = target.getDataBuffer();
        ArrowBuf offsets = target.getOffsetBuffer();
        ArrowBuf validity = target.getValidityBuffer();
        int end = 0;
        offsets.setInt(0, 0);
        for (int i = 0; i < rows; i++) {
            if (!nulls || !left.isNull(i) && !right.isNull(i)) {
                int leftLength = length(leftOffsets, i);
                int rightLength = length(rightOffsets, i);
                data.setBytes(end, leftData, leftOffsets.getInt((long) i * 4), leftLength);
                data.setBytes(end + leftLength, rightData, rightOffsets.getInt((long) i * 4), rightLength);
                end += leftLength + rightLength;
                BitVectorHelper.setBit(validity, i);
            }
            offsets.setInt((long) (i + 1) * 4, end);
        }
        target.setLastSet(rows - 1);
        target.setValueCount(rows);
    }

    private static int length(ArrowBuf offsets, int i) {
        return offsets.getInt((long) (i + 1) * 4) - offsets.getInt((long) i * 4);
    }
}
