package io.basalt.type.json;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSONB's binary form in place, in an Arrow buffer or a heap array viewed as a {@link MemorySegment},
 * without building objects: the operators that filter and extract ({@code ->>}, {@code @>}, {@code ?}) walk
 * stored values with these calls. A value is addressed by its first byte; its end is known to whoever holds
 * it (the vector's offsets for a stored value, the container's end table for a member).
 *
 * <p>The layout (all integers unsigned 32-bit little-endian, unaligned):
 * <pre>
 *   value   := tag payload
 *   NULL 0, FALSE 1, TRUE 2:  no payload
 *   NUMBER 3:  scale (2 bytes, big-endian) + unscaled value (big-endian two's complement), as DecimalCodec
 *   STRING 4:  the UTF-8 bytes
 *   ARRAY 5:   n, end[n], elements        element i spans [end[i-1], end[i]) of the element area
 *   OBJECT 6:  n, keyEnd[n], valueEnd[n], keys, values
 *              keys are raw UTF-8, ordered by (length, bytes) and unique; the value area follows the keys
 * </pre>
 * so that a member is found by binary search over the keys and an element by index, in constant time per step.
 */
public final class JsonbReader {
    public static final byte NULL = 0;
    public static final byte FALSE = 1;
    public static final byte TRUE = 2;
    public static final byte NUMBER = 3;
    public static final byte STRING = 4;
    public static final byte ARRAY = 5;
    public static final byte OBJECT = 6;

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

    private JsonbReader() {
    }

    public static byte tag(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_BYTE, at);
    }

    public static boolean isContainer(byte tag) {
        return tag == ARRAY || tag == OBJECT;
    }

    /** Elements of an array or members of an object at {@code at}. */
    public static int count(MemorySegment s, long at) {
        return s.get(INT, at + 1);
    }

    private static int entry(MemorySegment s, long table, int i) {
        return i < 0 ? 0 : s.get(INT, table + 4L * i);
    }

    /** Start of element {@code i} of the array at {@code at}. */
    public static long elementStart(MemorySegment s, long at, int i) {
        int n = count(s, at);
        return at + 5 + 4L * n + entry(s, at + 5, i - 1);
    }

    /** End (exclusive) of element {@code i} of the array at {@code at}. */
    public static long elementEnd(MemorySegment s, long at, int i) {
        int n = count(s, at);
        return at + 5 + 4L * n + entry(s, at + 5, i);
    }

    private static long keyArea(long at, int n) {
        return at + 5 + 8L * n;
    }

    public static long keyStart(MemorySegment s, long at, int i) {
        return keyArea(at, count(s, at)) + entry(s, at + 5, i - 1);
    }

    public static long keyEnd(MemorySegment s, long at, int i) {
        return keyArea(at, count(s, at)) + entry(s, at + 5, i);
    }

    private static long valueArea(MemorySegment s, long at, int n) {
        return keyArea(at, n) + entry(s, at + 5, n - 1);
    }

    public static long valueStart(MemorySegment s, long at, int i) {
        int n = count(s, at);
        return valueArea(s, at, n) + entry(s, at + 5 + 4L * n, i - 1);
    }

    public static long valueEnd(MemorySegment s, long at, int i) {
        int n = count(s, at);
        return valueArea(s, at, n) + entry(s, at + 5 + 4L * n, i);
    }

    /**
     * The index of the member named by {@code key[keyFrom, keyTo)} in the object at {@code at}, or -1: a
     * binary search in JSONB's key order.
     */
    public static int findKey(MemorySegment s, long at, MemorySegment key, long keyFrom, long keyTo) {
        int n = count(s, at);
        long keys = keyArea(at, n);
        long table = at + 5;
        long keyLength = keyTo - keyFrom;
        int low = 0;
        int high = n - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            long start = keys + (middle == 0 ? 0 : s.get(INT, table + 4L * (middle - 1)));
            long end = keys + s.get(INT, table + 4L * middle);
            int order = compareKey(s, start, end, key, keyFrom, keyLength);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    private static int compareKey(MemorySegment s, long start, long end, MemorySegment key, long keyFrom,
                                  long keyLength) {
        long length = end - start;
        if (length != keyLength) {
            return Long.compare(length, keyLength);
        }
        long mismatch = mismatch(s, start, key, keyFrom, length);
        if (mismatch < 0) {
            return 0;
        }
        return Integer.compare(s.get(ValueLayout.JAVA_BYTE, start + mismatch) & 0xff,
                key.get(ValueLayout.JAVA_BYTE, keyFrom + mismatch) & 0xff);
    }

    /** The string of a STRING value spanning {@code [at, end)}, or a key's bytes {@code [at, end)} if raw. */
    public static String string(MemorySegment s, long from, long to) {
        byte[] bytes = s.asSlice(from, to - from).toArray(ValueLayout.JAVA_BYTE);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The number of a NUMBER value spanning {@code [at, end)}. */
    public static java.math.BigDecimal number(MemorySegment s, long at, long end) {
        byte[] bytes = s.asSlice(at + 1, end - at - 1).toArray(ValueLayout.JAVA_BYTE);
        return io.basalt.type.DecimalCodec.decode(bytes);
    }

    /** Whether two byte ranges hold the same bytes. */
    public static boolean sameBytes(MemorySegment a, long aFrom, long aTo, MemorySegment b, long bFrom, long bTo) {
        return aTo - aFrom == bTo - bFrom && mismatch(a, aFrom, b, bFrom, aTo - aFrom) < 0;
    }

    /** Ranges up to this many bytes are compared here rather than by {@link MemorySegment#mismatch}. */
    private static final long SHORT_RANGE = 64;

    /**
     * The first offset below {@code length} at which {@code a} from {@code aFrom} and {@code b} from {@code bFrom}
     * differ, or -1 when they do not: keys and short strings eight bytes at a time (a call of
     * {@link MemorySegment#mismatch}, with its checks, costs more than comparing a key's few bytes), longer ranges by
     * that call.
     */
    private static long mismatch(MemorySegment a, long aFrom, MemorySegment b, long bFrom, long length) {
        if (length > SHORT_RANGE) {
            return MemorySegment.mismatch(a, aFrom, aFrom + length, b, bFrom, bFrom + length);
        }
        long i = 0;
        while (i + 8 <= length && a.get(LONG, aFrom + i) == b.get(LONG, bFrom + i)) {
            i += 8;
        }
        for (; i < length; i++) {
            if (a.get(ValueLayout.JAVA_BYTE, aFrom + i) != b.get(ValueLayout.JAVA_BYTE, bFrom + i)) {
                return i;
            }
        }
        return -1;
    }
}
