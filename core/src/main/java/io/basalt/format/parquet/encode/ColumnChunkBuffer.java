package io.basalt.format.parquet.encode;

import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * The values and levels of one column chunk while its row group fills, before {@link ColumnChunkEncoder} turns
 * them into pages: non-null values packed by physical type (BOOLEAN, INT32 and FLOAT's bits in an int array,
 * INT64 and DOUBLE's bits in a long array, byte arrays in one arena with offsets), and one definition (and, for
 * lists, repetition) level per level entry. A flat column keeps no definition levels until its first NULL: until
 * then every level is the maximum. Appending copies, so the caller's Arrow vectors may be reused at once. Not
 * thread-safe; one buffer is filled by one thread, then handed whole to the encoder.
 */
public final class ColumnChunkBuffer {
    private final PrimitiveTypeName physical;
    private final int maxDefinition;
    private final int maxRepetition;
    private int[] ints;
    private long[] longs;
    private byte[] arena;
    private int arenaSize;
    /** Value {@code v}'s bytes are {@code arena[offsets[v] .. offsets[v + 1])}. */
    private int[] offsets;
    private byte[] definitions;
    private byte[] repetitions;
    private int valueCount;
    private int levelCount;
    private int rowCount;

    public ColumnChunkBuffer(PrimitiveTypeName physical, int maxDefinition, int maxRepetition) {
        this.physical = physical;
        this.maxDefinition = maxDefinition;
        this.maxRepetition = maxRepetition;
        switch (physical) {
            case BOOLEAN, INT32, FLOAT -> ints = new int[1024];
            case INT64, DOUBLE -> longs = new long[1024];
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                arena = new byte[16 * 1024];
                offsets = new int[1025];
            }
            case INT96 -> throw new IllegalArgumentException("INT96 is never written");
        }
        if (maxRepetition > 0) {
            definitions = new byte[1024];
            repetitions = new byte[1024];
        }
    }

    // ---- values (no levels) -------------------------------------------------------------------------

    public void appendInt(int value) {
        if (valueCount == ints.length) {
            ints = Arrays.copyOf(ints, grown(ints.length, 1));
        }
        ints[valueCount++] = value;
    }

    public void appendLong(long value) {
        if (valueCount == longs.length) {
            longs = Arrays.copyOf(longs, grown(longs.length, 1));
        }
        longs[valueCount++] = value;
    }

    public void appendBytes(byte[] source, int offset, int length) {
        int at = reserveBytes(length);
        System.arraycopy(source, offset, arena, at, length);
    }

    /** Appends {@code length} bytes of an Arrow buffer from {@code index} as one value. */
    public void appendBytes(ArrowBuf source, long index, int length) {
        int at = reserveBytes(length);
        source.getBytes(index, arena, at, length);
    }

    /** Appends 4-byte values {@code [from, to)} of an Arrow data buffer. */
    public void appendInts(ArrowBuf data, int from, int to) {
        int count = to - from;
        if (valueCount + count > ints.length) {
            ints = Arrays.copyOf(ints, grown(ints.length, valueCount + count - ints.length));
        }
        int at = valueCount;
        for (int row = from; row < to; row++) {
            ints[at++] = data.getInt((long) row * 4);
        }
        valueCount = at;
    }

    /** Appends 8-byte values {@code [from, to)} of an Arrow data buffer. */
    public void appendLongs(ArrowBuf data, int from, int to) {
        int count = to - from;
        if (valueCount + count > longs.length) {
            longs = Arrays.copyOf(longs, grown(longs.length, valueCount + count - longs.length));
        }
        int at = valueCount;
        for (int row = from; row < to; row++) {
            longs[at++] = data.getLong((long) row * 8);
        }
        valueCount = at;
    }

    /** Appends values {@code [from, to)} of an Arrow variable-width vector (its offset and data buffers). */
    public void appendVariableWidth(ArrowBuf offsetBuffer, ArrowBuf data, int from, int to) {
        int count = to - from;
        int first = offsetBuffer.getInt((long) from * 4);
        int last = offsetBuffer.getInt((long) to * 4);
        int length = last - first;
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, grown(arena.length, arenaSize + length - arena.length));
        }
        if (valueCount + count + 1 > offsets.length) {
            offsets = Arrays.copyOf(offsets, grown(offsets.length, valueCount + count + 1 - offsets.length));
        }
        data.getBytes(first, arena, arenaSize, length);
        int shift = arenaSize - first;
        int at = valueCount;
        for (int row = from + 1; row <= to; row++) {
            offsets[++at] = offsetBuffer.getInt((long) row * 4) + shift;
        }
        valueCount = at;
        arenaSize += length;
    }

    private int reserveBytes(int length) {
        if (arenaSize + length > arena.length) {
            arena = Arrays.copyOf(arena, grown(arena.length, arenaSize + length - arena.length));
        }
        if (valueCount + 2 > offsets.length) {
            offsets = Arrays.copyOf(offsets, grown(offsets.length, 1));
        }
        int at = arenaSize;
        arenaSize += length;
        offsets[++valueCount] = arenaSize;
        return at;
    }

    // ---- levels -------------------------------------------------------------------------------------

    /** Records {@code count} rows of a flat column whose values were appended. */
    public void defined(int count) {
        if (definitions != null) {
            ensureLevels(count);
            Arrays.fill(definitions, levelCount, levelCount + count, (byte) maxDefinition);
        }
        levelCount += count;
        rowCount += count;
    }

    /** Records one NULL row of a flat column. */
    public void nullRow() {
        if (definitions == null) {
            definitions = new byte[Math.max(1024, levelCount + 1024)];
            Arrays.fill(definitions, 0, levelCount, (byte) maxDefinition);
        }
        ensureLevels(1);
        definitions[levelCount++] = 0;
        rowCount++;
    }

    /**
     * Records one level entry of a repeated column: repetition 0 starts a row. A value was appended for it
     * exactly when {@code definition} is the maximum.
     */
    public void level(int repetition, int definition) {
        ensureLevels(1);
        definitions[levelCount] = (byte) definition;
        repetitions[levelCount] = (byte) repetition;
        levelCount++;
        if (repetition == 0) {
            rowCount++;
        }
    }

    private void ensureLevels(int more) {
        if (levelCount + more > definitions.length) {
            definitions = Arrays.copyOf(definitions, grown(definitions.length, levelCount + more - definitions.length));
            if (repetitions != null) {
                repetitions = Arrays.copyOf(repetitions, definitions.length);
            }
        }
    }

    private static int grown(int length, int more) {
        long wanted = Math.max((long) length + more, (long) length * 2);
        if (wanted > Integer.MAX_VALUE - 16) {
            if ((long) length + more > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("a Parquet column chunk cannot exceed 2 GB");
            }
            return Integer.MAX_VALUE - 16;
        }
        return (int) wanted;
    }

    // ---- reading back (the encoder) -----------------------------------------------------------------

    public PrimitiveTypeName physical() {
        return physical;
    }

    public int maxDefinition() {
        return maxDefinition;
    }

    public int maxRepetition() {
        return maxRepetition;
    }

    /** Non-null values. */
    public int valueCount() {
        return valueCount;
    }

    /** Level entries: one per flat row; per element, NULL array or empty array of a list. */
    public int levelCount() {
        return levelCount;
    }

    public int rowCount() {
        return rowCount;
    }

    int[] ints() {
        return ints;
    }

    long[] longs() {
        return longs;
    }

    byte[] arena() {
        return arena;
    }

    int[] offsets() {
        return offsets;
    }

    /** The definition levels, or null when every level is the maximum. */
    byte[] definitions() {
        return definitions;
    }

    /** The repetition levels, or null for a flat column (all 0). */
    byte[] repetitions() {
        return repetitions;
    }

    /** Heap bytes held by the values and levels. */
    public long bufferedBytes() {
        long bytes = 0;
        bytes += ints == null ? 0 : 4L * valueCount;
        bytes += longs == null ? 0 : 8L * valueCount;
        bytes += arena == null ? 0 : arenaSize + 4L * valueCount;
        bytes += definitions == null ? 0 : levelCount;
        bytes += repetitions == null ? 0 : levelCount;
        return bytes;
    }
}
