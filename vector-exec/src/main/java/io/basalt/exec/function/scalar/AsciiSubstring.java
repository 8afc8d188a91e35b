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
        return out instanceof VarCharVector && arguments[0] instanceof VarCharVector && integers(arguments[1])
                && (arguments.length == 2 || integers(arguments[2]));
    }

    /** bigint or integer positions and counts ({@code substring(c_phone from 1 for 2)} has integer constants). */
    private static boolean integers(FieldVector vector) {
        return vector instanceof BigIntVector || vector instanceof org.apache.arrow.vector.IntVector;
    }

    /** The values of an integer vector widened to longs, read once per batch (0 in NULL rows). */
    private static long[] longs(FieldVector vector, int rows) {
        long[] values = new long[rows];
        if (vector instanceof BigIntVector longs) {
            for (int i = 0; i < rows; i++) {
                values[i] = longs.isNull(i) ? 0 : longs.get(i);
            }
        } else {
            org.apache.arrow.vector.IntVector ints = (org.apache.arrow.vector.IntVector) vector;
            for (int i = 0; i < rows; i++) {
                values[i] = ints.isNull(i) ? 0 : ints.get(i);
            }
        }
        return values;
    }

    static void apply(FieldVector[] arguments, int rows, FieldVector out, TextFunction general) {
        VarCharVector text = (VarCharVector) arguments[0];
        FieldVector starts = arguments[1];
        FieldVector counts = arguments.length > 2 ? arguments[2] : null;
        long[] startValues = longs(starts, rows);
        long[] countValues = counts == null ? null : longs(counts, rows);
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
            long count = counts == null ? 0 : countValues[i];
            if (count < 0 || !ascii(data, begin, length)) {
                general.applyOne(arguments, i, out);
                continue;
            }
            long start = startValues[i];
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
