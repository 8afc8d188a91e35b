package io.basalt.storage.column.encoding;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable little-endian byte buffer that encoders append to, with a running description of the encodings chosen
 * (for EXPLAIN-like reports and the compression figures; not part of the bytes).
 */
public final class ByteSink {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;
    private final StringBuilder description = new StringBuilder();

    public ByteSink() {
        this(256);
    }

    /** A sink with room for {@code capacity} bytes before it grows (a large chunk would otherwise be copied a dozen times). */
    public ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    public void putByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void putInt(int value) {
        ensure(Integer.BYTES);
        INT.set(bytes, size, value);
        size += Integer.BYTES;
    }

    public void putLong(long value) {
        ensure(Long.BYTES);
        LONG.set(bytes, size, value);
        size += Long.BYTES;
    }

    /** Appends {@code count} longs of {@code values}. */
    public void putLongs(long[] values, int count) {
        ensure((long) count * Long.BYTES);
        for (int i = 0; i < count; i++) {
            LONG.set(bytes, size, values[i]);
            size += Long.BYTES;
        }
    }

    public void putBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Overwrites the int at {@code position}, written earlier. */
    public void setInt(int position, int value) {
        INT.set(bytes, position, value);
    }

    /** Appends to the description of the encodings written. */
    public ByteSink describe(String text) {
        description.append(text);
        return this;
    }

    /** Drops what the description gained after it was {@code length} characters long (nested detail). */
    public void truncateDescription(int length) {
        description.setLength(length);
    }

    public String description() {
        return description.toString();
    }

    /** A copy of the bytes written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    /** The bytes written so far, shared: valid until the next append. */
    public byte[] buffer() {
        return bytes;
    }

    private void ensure(long more) {
        long needed = size + more;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("column chunk larger than 2 GB");
        }
        if (needed > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 16, Math.max(needed, 2L * bytes.length)));
        }
    }
}
