package io.basalt.exec.function.scalar;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * {@code substring(text, start [, count])} on the bytes of values that are pure ASCII, where characters and
 * bytes coincide: the slice is copied from the Arrow buffer without decoding the value into a String. Other
 * values (non-ASCII, or a negative count, which raises PostgreSQL's error) take {@link TextFunction}'s
 * general path row by row, so results and errors are the same.
 */
final class AsciiSubstring {
    private AsciiSubstring() {
    }

    static boolean applies(FieldVector[] arguments, FieldVector out) {
        return out instanceof VarCharVector && arguments[0] instanceof VarCharVector
                && arguments[1] instanceof BigIntVector && (arguments.length == 2 || arguments[2] instanceof BigIntVector);
    }

    static void apply(FieldVector[] arguments, int rows, FieldVector out, TextFunction general) {
        VarCharVector text = (VarCharVector) arguments[0];
        BigIntVector starts = (BigIntVector) arguments[1];
        BigIntVector counts = arguments.length > 2 ? (BigIntVector) arguments[2] : null;
        VarCharVector target = (VarCharVector) out;
        ArrowBuf offsets = text.getOffsetBuffer();
        ArrowBuf data = text.getDataBuffer();
        byte[] scratch = new byte[64];
        for (int i = 0; i < rows; i++) {
            if (text.isNull(i) || starts.isNull(i) || counts != null && counts.isNull(i)) {
                continue;
            }
            int begin = offsets.getInt((long) i * 4);
            int length = offsets.getInt((long) (i + 1) * 4) - begin;
            long count = counts == null ? 0 : counts.get(i);
            if (count < 0 || !ascii(data, begin, length)) {
                general.applyOne(arguments, i, out);
                continue;
            }
            long start = starts.get(i);
            long end = counts == null ? length + 1L : start + count;
            long from = Math.max(start, 1);
            long to = Math.min(end, length + 1L);
            int size = to <= from ? 0 : (int) (to - from);
            if (scratch.length < size) {
                scratch = new byte[Math.max(size, scratch.length * 2)];
            }
            if (size > 0) {
                data.getBytes(begin + from - 1, scratch, 0, size);
            }
            target.setSafe(i, scratch, 0, size);
        }
    }

    private static boolean ascii(ArrowBuf data, int begin, int length) {
        for (int k = 0; k < length; k++) {
            if (data.getByte(begin + k) < 0) {
                return false;
            }
        }
        return true;
    }
}
