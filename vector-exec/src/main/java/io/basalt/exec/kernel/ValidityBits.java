package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Reads Arrow validity bitmaps (bit i of byte i/8 set = row i is not null) one bit or one run of bits
 * at a time, never past the end of the bitmap's segment: Arrow pads its buffers, but a caller's plain
 * segment may hold exactly {@code ceil(count / 8)} bytes.
 */
final class ValidityBits {
    private ValidityBits() {
    }

    /** 1 when row {@code index} is not null, else 0. */
    static int bit(MemorySegment validity, int index) {
        return (validity.get(ValueLayout.JAVA_BYTE, index >>> 3) >>> (index & 7)) & 1;
    }

    /**
     * The validity bits of rows [from, from + width) as the low {@code width} bits of a long (row
     * {@code from} in bit 0). Precondition: {@code 1 <= width <= 64} and {@code (from & 7) + width <= 64},
     * which holds whenever {@code from} is a multiple of 8 or {@code width <= 56}.
     */
    static long bits(MemorySegment validity, int from, int width) {
        assert width >= 1 && width <= 64 && (from & 7) + width <= 64 : "bad bit run " + from + "+" + width;
        long byteIndex = from >>> 3;
        int shift = from & 7;
        long word;
        if (byteIndex + Long.BYTES <= validity.byteSize()) {
            word = validity.get(ArrowSegments.LONG, byteIndex);
        } else {
            // Near the end of the bitmap: assemble only the bytes that exist.
            int bytes = (int) Math.min((shift + width + 7) >>> 3, validity.byteSize() - byteIndex);
            word = 0;
            for (int k = 0; k < bytes; k++) {
                word |= (validity.get(ValueLayout.JAVA_BYTE, byteIndex + k) & 0xFFL) << (8 * k);
            }
        }
        word >>>= shift;
        return width == 64 ? word : word & ((1L << width) - 1);
    }

    /** The number of set bits among the first {@code count}; a null bitmap means all {@code count} are set. */
    static int countSet(MemorySegment validity, int count) {
        if (validity == null) {
            return count;
        }
        int words = count >>> 6;
        int total = 0;
        for (int w = 0; w < words; w++) {
            total += Long.bitCount(validity.get(ArrowSegments.LONG, (long) w * Long.BYTES));
        }
        int rest = count & 63;
        if (rest > 0) {
            total += Long.bitCount(bits(validity, words << 6, rest));
        }
        return total;
    }
}
