package io.basalt.format.parquet.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The decoded dictionary page of a column chunk, as a primitive array of the column's physical type (or byte
 * ranges into the page for byte arrays), which dictionary-encoded data pages index ({@link DictionaryValues}).
 */
public final class ColumnDictionary {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    final int size;
    final int[] ints;
    final long[] longs;
    final float[] floats;
    final double[] doubles;
    final byte[] bytes;
    final int[] starts;
    final int[] lengths;
    /** The longest byte-array entry (0 for other types). */
    final int maxLength;
    /**
     * Byte-array entries of at most {@link #SHORT_ENTRY} bytes as little-endian words, {@link #stride} per entry
     * (entry e from {@code e * stride}, zero-padded), which {@link DictionaryValues#gatherShortBinaries} stores
     * word by word; null when some entry is longer.
     */
    final long[] words;
    /** Words per entry in {@link #words}: enough for the longest entry, and at least two. */
    final int stride;
    /** The longest entry that {@link #words} holds. */
    static final int SHORT_ENTRY = 32;

    private ColumnDictionary(int size, int[] ints, long[] longs, float[] floats, double[] doubles, byte[] bytes,
            int[] starts, int[] lengths) {
        this.size = size;
        this.ints = ints;
        this.longs = longs;
        this.floats = floats;
        this.doubles = doubles;
        this.bytes = bytes;
        this.starts = starts;
        this.lengths = lengths;
        int longest = 0;
        if (lengths != null) {
            for (int length : lengths) {
                longest = Math.max(longest, length);
            }
        }
        this.maxLength = longest;
        this.stride = Math.max(2, (longest + Long.BYTES - 1) / Long.BYTES);
        this.words = lengths != null && longest <= SHORT_ENTRY ? words(size, bytes, starts, lengths, stride) : null;
    }

    private static long[] words(int size, byte[] bytes, int[] starts, int[] lengths, int stride) {
        long[] words = new long[stride * size];
        byte[] entry = new byte[stride * Long.BYTES];
        for (int e = 0; e < size; e++) {
            java.util.Arrays.fill(entry, (byte) 0);
            System.arraycopy(bytes, starts[e], entry, 0, lengths[e]);
            for (int k = 0; k < stride; k++) {
                words[stride * e + k] = (long) LONG.get(entry, k * Long.BYTES);
            }
        }
        return words;
    }

    /**
     * Checks a dictionary page's entry count against its bytes before anything is sized by it: every PLAIN entry
     * takes at least its width (4 bytes of length for byte arrays), so a page of {@code pageBytes} bytes holds at
     * most that many entries, and a corrupt count must not allocate arrays for more.
     *
     * @param fixedLength the length of FIXED_LEN_BYTE_ARRAY values, -1 otherwise
     * @throws IllegalStateException when the count is negative or more than the page can hold
     */
    public static void checkSize(int size, long pageBytes, PrimitiveTypeName type, int fixedLength) {
        if (size < 0) {
            throw new IllegalStateException("negative dictionary size");
        }
        long entryBytes = switch (type) {
            case INT32, FLOAT, BINARY -> 4;
            case INT64, DOUBLE -> 8;
            case INT96 -> 12;
            case FIXED_LEN_BYTE_ARRAY -> Math.max(fixedLength, 1);
            case BOOLEAN -> 1;
        };
        if (size * entryBytes > pageBytes) {
            throw new IllegalStateException("a dictionary page of " + pageBytes + " bytes cannot hold " + size
                    + " entries");
        }
    }

    /**
     * Decodes a PLAIN dictionary page of {@code size} entries.
     *
     * @param fixedLength the length of FIXED_LEN_BYTE_ARRAY values, -1 otherwise
     */
    public static ColumnDictionary decode(byte[] page, int size, PrimitiveTypeName type, int fixedLength) {
        checkSize(size, page.length, type, fixedLength);
        PlainValues plain = new PlainValues(page, 0, page.length, fixedLength);
        return switch (type) {
            case INT32 -> {
                int[] values = new int[size];
                plain.readInts(values, size);
                yield new ColumnDictionary(size, values, null, null, null, null, null, null);
            }
            case INT64 -> {
                long[] values = new long[size];
                plain.readLongs(values, size);
                yield new ColumnDictionary(size, null, values, null, null, null, null, null);
            }
            case FLOAT -> {
                float[] values = new float[size];
                plain.readFloats(values, size);
                yield new ColumnDictionary(size, null, null, values, null, null, null, null);
            }
            case DOUBLE -> {
                double[] values = new double[size];
                plain.readDoubles(values, size);
                yield new ColumnDictionary(size, null, null, null, values, null, null, null);
            }
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                int[] starts = new int[size];
                int[] lengths = new int[size];
                byte[] data = plain.readBinaries(starts, lengths, size);
                yield new ColumnDictionary(size, null, null, null, null, data, starts, lengths);
            }
            case BOOLEAN, INT96 -> throw new IllegalStateException("no dictionary of " + type + " values");
        };
    }
}
