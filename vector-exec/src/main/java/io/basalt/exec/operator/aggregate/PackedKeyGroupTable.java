package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Group ids for keys that include text, alone or with integer-like keys (smallint, integer, bigint, date,
 * scaled NUMERIC), such as H2O's {@code GROUP BY id3} or {@code GROUP BY id1, id2}. Each batch's keys are
 * packed, column by column, into one byte array as a row of bytes per input row (integers at their width,
 * text as its UTF-8 bytes, preceded by its length unless it is the last key); a lone text key is packed by
 * one bulk copy of the Arrow data buffer. Rows are hashed over their bytes and looked up in an
 * open-addressing table whose slots hold the group id beside 32 bits of its hash; the distinct packed keys
 * live one after another in a byte arena. Text keys compare by their bytes, which is text equality in
 * Basalt (the C collation). NULL keys are a per-group bit mask, so NULLs group together as GROUP BY
 * requires. The output key vectors are decoded from the arena once, when asked
 * ({@link PackedKeyColumns}).
 */
final class PackedKeyGroupTable implements GroupKeyTable {
    /** The most keys the NULL bit mask can describe. */
    static final int MAX_KEYS = 31;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final long MULTIPLIER = 0x9E3779B97F4A7C15L;

    private final PackedKeyColumns layout;
    private final int keyCount;
    /** Per key: its width in bytes for an integer-like key, 0 for text. */
    private final int[] widths;

    // The current batch, packed.
    private byte[] rowBytes = new byte[0];
    private int[] rowStarts = new int[1];
    private int[] rowNulls = new int[0];
    private long[] rowHashes = new long[0];
    /** A text key's bytes for the current batch, copied out of its Arrow buffer at once. */
    private byte[] textScratch = new byte[0];

    // The groups.
    /** Per slot: 0 when empty, else the high 32 bits of the group's hash, then its group id + 1. */
    private long[] slots = new long[64];
    private byte[] arena = new byte[1024];
    /**
     * Per group g, side by side so that one cache line serves a comparison: {@code [2g]} where its packed key
     * starts in the arena (it ends where the next one starts, {@code [2g + 2]}), {@code [2g + 1]} its NULL mask.
     */
    private int[] groupEntries = new int[66];
    private long[] groupHashes = new long[32];
    private int groupCount;

    PackedKeyGroupTable(List<LogicalType> keyTypes, BufferAllocator allocator) {
        assert serves(keyTypes);
        this.keyCount = keyTypes.size();
        this.widths = new int[keyCount];
        for (int k = 0; k < keyCount; k++) {
            widths[k] = switch (keyTypes.get(k).physical()) {
                case INT16 -> 2;
                case INT32 -> 4;
                case INT64 -> 8;
                default -> 0;
            };
        }
        this.layout = new PackedKeyColumns(keyTypes, widths, allocator);
    }

    /** Whether this table serves keys of {@code keyTypes}: text among integer-like keys, at most {@link #MAX_KEYS}. */
    static boolean serves(List<LogicalType> keyTypes) {
        if (keyTypes.isEmpty() || keyTypes.size() > MAX_KEYS) {
            return false;
        }
        boolean text = false;
        for (LogicalType type : keyTypes) {
            switch (type.physical()) {
                case INT16, INT32, INT64 -> {
                }
                case STRING -> text = true;
                default -> {
                    return false;
                }
            }
        }
        return text;
    }

    @Override
    public void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (rows == 0) {
            return;
        }
        pack(keyColumns, rows);
        for (int row = 0; row < rows; row++) {
            long hash = rowHashes[row];
            int mask = slots.length - 1;
            int slot = (int) hash & mask;
            long tag = hash & 0xFFFF_FFFF_0000_0000L;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    int group = newGroup(row, hash);
                    slots[slot] = tag | (group + 1L);
                    groupIds[row] = group;
                    if (groupCount * 2 > slots.length) {
                        grow();
                    }
                    break;
                }
                int group = (int) entry - 1;
                if ((entry & 0xFFFF_FFFF_0000_0000L) == tag && sameKey(row, group)) {
                    groupIds[row] = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (rows == 0) {
            return;
        }
        pack(keyColumns, rows);
        int mask = slots.length - 1;
        for (int row = 0; row < rows; row++) {
            long hash = rowHashes[row];
            int slot = (int) hash & mask;
            long tag = hash & 0xFFFF_FFFF_0000_0000L;
            int found = -1;
            while (true) {
                long entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                int group = (int) entry - 1;
                if ((entry & 0xFFFF_FFFF_0000_0000L) == tag && sameKey(row, group)) {
                    found = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[row] = found;
        }
    }

    private boolean sameKey(int row, int group) {
        int[] entries = groupEntries;
        if (entries[2 * group + 1] != rowNulls[row]) {
            return false;
        }
        return Arrays.equals(rowBytes, rowStarts[row], rowStarts[row + 1], arena, entries[2 * group],
                entries[2 * group + 2]);
    }

    // ---- packing ----------------------------------------------------------------------------------

    /** Packs rows {@code [0, rows)} of {@code keyColumns} into {@link #rowBytes} and hashes them. */
    private void pack(FieldVector[] keyColumns, int rows) {
        if (rowNulls.length < rows) {
            int size = Math.max(rows, 16);
            rowNulls = new int[size];
            rowHashes = new long[size];
            rowStarts = new int[size + 1];
        }
        Arrays.fill(rowNulls, 0, rows, 0);
        // Which key columns hold NULLs is found once here (Arrow's own count goes byte by byte, and packRows asked
        // for it twice per column), and their rows are marked from the validity bitmaps without a call per row.
        int nullColumns = 0;
        for (int k = 0; k < keyCount; k++) {
            FieldVector column = keyColumns[k];
            if (ArrowSegments.nullCount(column) > 0) {
                nullColumns |= 1 << k;
                markNulls(ArrowSegments.of(column.getValidityBuffer()), rows, 1 << k, rowNulls);
            }
        }
        if (keyCount == 1 && nullColumns == 0) {
            packLoneText(keyColumns[0], rows);
        } else {
            packRows(keyColumns, rows, nullColumns);
        }
        for (int row = 0; row < rows; row++) {
            rowHashes[row] = hash(rowBytes, rowStarts[row], rowStarts[row + 1], rowNulls[row]);
        }
    }

    /** Sets {@code bit} in {@code rowNulls} for each of rows {@code [0, rows)} that {@code validity} marks NULL. */
    private static void markNulls(MemorySegment validity, int rows, int bit, int[] rowNulls) {
        for (int row = 0; row < rows; row++) {
            int valid = (validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1;
            rowNulls[row] |= bit & (valid - 1);
        }
    }

    /** One text key: the rows are the Arrow data buffer's bytes as they are, copied in one piece. */
    private void packLoneText(FieldVector column, int rows) {
        MemorySegment offsets = ArrowSegments.of(column.getOffsetBuffer());
        int first = offsets.get(ArrowSegments.INT, 0);
        int last = offsets.get(ArrowSegments.INT, (long) rows * Integer.BYTES);
        ensureRowBytes(last - first);
        MemorySegment.copy(ArrowSegments.of(column.getDataBuffer()), ValueLayout.JAVA_BYTE, first, rowBytes, 0,
                last - first);
        MemorySegment.copy(offsets, ArrowSegments.INT, 0, rowStarts, 0, rows + 1);
        if (first != 0) {
            for (int row = 0; row <= rows; row++) {
                rowStarts[row] -= first;
            }
        }
    }

    /**
     * Any keys: row lengths first, then each column written at every row's cursor. A NULL packs as zeros
     * (integers) or as no bytes (text), whatever its slot in the Arrow buffers holds. {@code nullColumns} has bit k
     * set when key column k holds NULLs.
     */
    private void packRows(FieldVector[] keyColumns, int rows, int nullColumns) {
        int fixed = 0;
        for (int k = 0; k < keyCount; k++) {
            fixed += widths[k] == 0 && k < keyCount - 1 ? Integer.BYTES : widths[k];
        }
        for (int row = 0; row < rows; row++) {
            rowStarts[row + 1] = fixed;
        }
        for (int k = 0; k < keyCount; k++) {
            if (widths[k] == 0) {
                MemorySegment offsets = ArrowSegments.of(keyColumns[k].getOffsetBuffer());
                int bit = 1 << k;
                boolean nulls = (nullColumns & bit) != 0;
                for (int row = 0; row < rows; row++) {
                    if (!nulls || (rowNulls[row] & bit) == 0) {
                        rowStarts[row + 1] += offsets.get(ArrowSegments.INT, (long) (row + 1) * Integer.BYTES)
                                - offsets.get(ArrowSegments.INT, (long) row * Integer.BYTES);
                    }
                }
            }
        }
        rowStarts[0] = 0;
        for (int row = 0; row < rows; row++) {
            rowStarts[row + 1] += rowStarts[row];
        }
        ensureRowBytes(rowStarts[rows]);
        // rowHashes serves as the per-row write cursor until the hashes are computed.
        long[] cursors = rowHashes;
        for (int row = 0; row < rows; row++) {
            cursors[row] = rowStarts[row];
        }
        byte[] bytes = rowBytes;
        for (int k = 0; k < keyCount; k++) {
            FieldVector column = keyColumns[k];
            // A loop per width, the NULL test hoisted out by the JIT when the column has none.
            int bit = 1 << k;
            boolean nulls = (nullColumns & bit) != 0;
            switch (widths[k]) {
                case 8 -> {
                    MemorySegment values = ArrowSegments.values(column);
                    for (int row = 0; row < rows; row++) {
                        long value = nulls && (rowNulls[row] & bit) != 0 ? 0
                                : values.get(ArrowSegments.LONG, (long) row << 3);
                        LONGS.set(bytes, (int) cursors[row], value);
                        cursors[row] += 8;
                    }
                }
                case 4 -> {
                    MemorySegment values = ArrowSegments.values(column);
                    for (int row = 0; row < rows; row++) {
                        int value = nulls && (rowNulls[row] & bit) != 0 ? 0
                                : values.get(ArrowSegments.INT, (long) row << 2);
                        INTS.set(bytes, (int) cursors[row], value);
                        cursors[row] += 4;
                    }
                }
                case 2 -> {
                    MemorySegment values = ArrowSegments.values(column);
                    for (int row = 0; row < rows; row++) {
                        short value = nulls && (rowNulls[row] & bit) != 0 ? 0 : values.get(SHORT, (long) row << 1);
                        bytes[(int) cursors[row]] = (byte) value;
                        bytes[(int) cursors[row] + 1] = (byte) (value >> 8);
                        cursors[row] += 2;
                    }
                }
                default -> {
                    // The batch's text bytes come to the heap in one copy; each row's then moves by arraycopy, which
                    // costs far less per short string than a copy out of the Arrow buffer.
                    boolean prefixed = k < keyCount - 1;
                    MemorySegment offsets = ArrowSegments.of(column.getOffsetBuffer());
                    int first = offsets.get(ArrowSegments.INT, 0);
                    int last = offsets.get(ArrowSegments.INT, (long) rows * Integer.BYTES);
                    if (textScratch.length < last - first) {
                        textScratch = new byte[Math.max(last - first, textScratch.length * 2)];
                    }
                    byte[] text = textScratch;
                    MemorySegment.copy(ArrowSegments.of(column.getDataBuffer()), ValueLayout.JAVA_BYTE, first, text, 0,
                            last - first);
                    int start = first;
                    for (int row = 0; row < rows; row++) {
                        int end = offsets.get(ArrowSegments.INT, (long) (row + 1) * Integer.BYTES);
                        int length = nulls && (rowNulls[row] & bit) != 0 ? 0 : end - start;
                        int at = (int) cursors[row];
                        if (prefixed) {
                            INTS.set(bytes, at, length);
                            at += Integer.BYTES;
                        }
                        System.arraycopy(text, start - first, bytes, at, length);
                        cursors[row] = at + length;
                        start = end;
                    }
                }
            }
        }
    }

    private void ensureRowBytes(int size) {
        if (rowBytes.length < size) {
            rowBytes = new byte[Math.max(size, rowBytes.length * 2)];
        }
    }

    /**
     * A hash of a packed row {@code bytes[start, end)} and its NULL mask, eight bytes at a time. Equal keys
     * pack to equal bytes (a NULL packs as zeros or nothing); the mask tells a NULL from a zero or an empty
     * string.
     */
    static long hash(byte[] bytes, int start, int end, int nulls) {
        long hash = MULTIPLIER * (end - start + 1) ^ nulls;
        int at = start;
        for (; at + Long.BYTES <= end; at += Long.BYTES) {
            hash = Long.rotateLeft((hash ^ (long) LONGS.get(bytes, at)) * MULTIPLIER, 29);
        }
        long tail = 0;
        for (int shift = 0; at < end; at++, shift += 8) {
            tail |= (bytes[at] & 0xFFL) << shift;
        }
        hash = (hash ^ tail) * MULTIPLIER;
        hash ^= hash >>> 32;
        hash *= 0xBF58476D1CE4E5B9L;
        return hash ^ (hash >>> 29);
    }

    // ---- groups -----------------------------------------------------------------------------------

    private int newGroup(int row, long hash) {
        int group = groupCount;
        if (group == groupHashes.length) {
            int size = group * 2;
            groupHashes = Arrays.copyOf(groupHashes, size);
            groupEntries = Arrays.copyOf(groupEntries, 2 * size + 2);
        }
        int start = rowStarts[row];
        int length = rowStarts[row + 1] - start;
        int at = groupEntries[2 * group];
        if (at + length > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(at + length, arena.length * 2));
        }
        System.arraycopy(rowBytes, start, arena, at, length);
        groupEntries[2 * group + 1] = rowNulls[row];
        groupEntries[2 * group + 2] = at + length;
        groupHashes[group] = hash;
        groupCount++;
        return group;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        int mask = bigger.length - 1;
        for (int group = 0; group < groupCount; group++) {
            long hash = groupHashes[group];
            int slot = (int) hash & mask;
            while (bigger[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = (hash & 0xFFFF_FFFF_0000_0000L) | (group + 1L);
        }
        slots = bigger;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public FieldVector keyVector(int k) {
        return layout.decode(k, arena, groupEntries, groupCount);
    }

    @Override
    public void close() {
        layout.close();
    }
}
