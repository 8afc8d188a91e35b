package io.basalt.storage.column.encoding;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Reads what a {@link ByteSink} wrote from a {@link MemorySegment}, checking every read against the end of the chunk:
 * reading past it is a {@link ChunkCorruption}, never an IndexOutOfBoundsException.
 */
public final class ByteSource {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final MemorySegment segment;
    private final long limit;
    private long position;

    /** Reads {@code [0, limit)} of {@code segment}. */
    public ByteSource(MemorySegment segment, long limit) {
        this.segment = segment;
        this.limit = limit;
    }

    public long position() {
        return position;
    }

    public long remaining() {
        return limit - position;
    }

    public int getByte() {
        require(1);
        return segment.get(ValueLayout.JAVA_BYTE, position++) & 0xff;
    }

    public int getInt() {
        require(Integer.BYTES);
        int value = segment.get(INT, position);
        position += Integer.BYTES;
        return value;
    }

    /** An int in {@code [0, max]}, else the chunk is corrupt. */
    public int getCount(long max, String what) {
        int value = getInt();
        if (value < 0 || value > max) {
            throw ChunkCorruption.of("bad " + what + " " + value);
        }
        return value;
    }

    public long getLong() {
        require(Long.BYTES);
        long value = segment.get(LONG, position);
        position += Long.BYTES;
        return value;
    }

    /** Reads {@code count} longs into {@code target[0, count)}. */
    public void getLongs(long[] target, int count) {
        require((long) count * Long.BYTES);
        MemorySegment.copy(segment, LONG, position, target, 0, count);
        position += (long) count * Long.BYTES;
    }

    /** The next {@code length} bytes as a slice of the chunk, skipped over. */
    public MemorySegment slice(long length) {
        require(length);
        MemorySegment slice = segment.asSlice(position, length);
        position += length;
        return slice;
    }

    /** Reads {@code length} bytes into a new array. */
    public byte[] getBytes(int length) {
        require(length);
        byte[] target = new byte[length];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, position, target, 0, length);
        position += length;
        return target;
    }

    private void require(long length) {
        if (length < 0 || length > limit - position) {
            throw ChunkCorruption.of("truncated at byte " + position);
        }
    }
}
