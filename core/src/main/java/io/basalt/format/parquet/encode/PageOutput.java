package io.basalt.format.parquet.encode;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A growable byte array that pages are encoded into: little-endian fixed-width values, ULEB128 varints and raw
 * bytes, as Parquet's PLAIN encoding and the RLE / bit-packing hybrid lay them out. One output is reused for
 * every page of a column chunk ({@link #reset}); {@link #array()} exposes the bytes written so far without a copy.
 * Not thread-safe.
 */
public final class PageOutput {
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    public PageOutput(int initialCapacity) {
        this.bytes = new byte[Math.max(16, initialCapacity)];
    }

    /** The bytes written since the last {@link #reset}: {@code array()[0 .. size())}. */
    public byte[] array() {
        return bytes;
    }

    public int size() {
        return size;
    }

    public void reset() {
        size = 0;
    }

    /** Makes room for {@code more} bytes after the current end. */
    public void ensure(int more) {
        long needed = (long) size + more;
        if (needed > bytes.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a Parquet page cannot exceed 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
        }
    }

    public void writeByte(int value) {
        ensure(1);
        bytes[size++] = (byte) value;
    }

    public void writeIntLittleEndian(int value) {
        ensure(4);
        INT.set(bytes, size, value);
        size += 4;
    }

    public void writeLongLittleEndian(long value) {
        ensure(8);
        LONG.set(bytes, size, value);
        size += 8;
    }

    /** Overwrites the four bytes at {@code at} (a length prefix reserved earlier). */
    public void setIntLittleEndian(int at, int value) {
        INT.set(bytes, at, value);
    }

    /** Writes {@code value} as an unsigned LEB128 varint. */
    public void writeUnsignedVarInt(int value) {
        ensure(5);
        int rest = value;
        while ((rest & ~0x7f) != 0) {
            bytes[size++] = (byte) ((rest & 0x7f) | 0x80);
            rest >>>= 7;
        }
        bytes[size++] = (byte) rest;
    }

    public void writeBytes(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    /** Writes {@code count} ints from {@code values[from ..]}, four little-endian bytes each. */
    public void writeInts(int[] values, int from, int count) {
        ensure(4 * count);
        int at = size;
        for (int i = from; i < from + count; i++) {
            INT.set(bytes, at, values[i]);
            at += 4;
        }
        size = at;
    }

    /** Writes {@code count} longs from {@code values[from ..]}, eight little-endian bytes each. */
    public void writeLongs(long[] values, int from, int count) {
        ensure(8 * count);
        int at = size;
        for (int i = from; i < from + count; i++) {
            LONG.set(bytes, at, values[i]);
            at += 8;
        }
        size = at;
    }

    /** Advances the end by {@code length} bytes the caller filled in {@link #array()} after {@link #ensure}. */
    public void skip(int length) {
        size += length;
    }
}
