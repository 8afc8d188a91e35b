package io.basalt.exec.kernel;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * {@link TextKernels} in plain Java, eight bytes at a time: a byte is ASCII when its high bit is clear, and
 * continues a multi-byte UTF-8 sequence when its two high bits are {@code 10}; both tests are done on all eight
 * bytes of a 64-bit word at once, the counts taken with {@link Long#bitCount}. The reference implementation; its
 * static range methods are also the vector kernels' scalar tails.
 */
public final class PlainTextKernels implements TextKernels {
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    @Override
    public boolean isAscii(MemorySegment data, long from, long to) {
        return asciiRange(data, from, to);
    }

    @Override
    public void lengthsFromOffsets(MemorySegment offsets, int count, MemorySegment out) {
        lengthsRange(offsets, 0, count, out);
    }

    @Override
    public long countCharacters(MemorySegment data, long from, long to) {
        return charactersRange(data, from, to);
    }

    static long charactersRange(MemorySegment data, long from, long to) {
        long continuations = 0;
        long at = from;
        for (; at + 8 <= to; at += 8) {
            long word = data.get(LONG, at);
            // bit 7 set and bit 6 clear in the same byte: (word & ~(word << 1)) keeps bit 7 when bit 6 is clear
            continuations += Long.bitCount(word & ~(word << 1) & HIGH_BITS);
        }
        for (; at < to; at++) {
            continuations += (data.get(ValueLayout.JAVA_BYTE, at) & 0xC0) == 0x80 ? 1 : 0;
        }
        return (to - from) - continuations;
    }

    static boolean asciiRange(MemorySegment data, long from, long to) {
        long seen = 0;
        long at = from;
        for (; at + 8 <= to; at += 8) {
            seen |= data.get(LONG, at);
        }
        for (; at < to; at++) {
            seen |= data.get(ValueLayout.JAVA_BYTE, at);
        }
        return (seen & HIGH_BITS) == 0;
    }

    static void lengthsRange(MemorySegment offsets, int from, int to, MemorySegment out) {
        for (int i = from; i < to; i++) {
            out.setAtIndex(INT, i, offsets.getAtIndex(INT, i + 1) - offsets.getAtIndex(INT, i));
        }
    }
}
