package io.basalt.exec.operator.aggregate;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * The layout of {@link PackedKeyGroupTable}'s packed keys, and the output key vectors decoded from them:
 * per key in order, an integer-like key as its little-endian bytes at its width, a text key as its UTF-8
 * bytes preceded by a 4-byte length unless it is the last key. A vector is built once per group count and
 * owned (closed) here.
 */
final class PackedKeyColumns implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final List<LogicalType> keyTypes;
    private final int[] widths;
    private final BufferAllocator allocator;
    private final FieldVector[] outputs;
    /** Per group, where key {@link #cursorKey} starts in the packed keys {@link #cursorArena} of the last decode. */
    private int[] cursors = new int[0];
    private int cursorKey = -1;
    private byte[] cursorArena;
    private int[] cursorEntries;
    private int cursorGroups;

    PackedKeyColumns(List<LogicalType> keyTypes, int[] widths, BufferAllocator allocator) {
        this.keyTypes = List.copyOf(keyTypes);
        this.widths = widths.clone();
        this.allocator = allocator;
        this.outputs = new FieldVector[widths.length];
    }

    /**
     * Key {@code k} of groups {@code [0, groupCount)}, whose packed keys are
     * {@code arena[entries[2g], entries[2g + 2])} and NULL masks {@code entries[2g + 1]}; valid until the next
     * call for a larger group count, or close.
     */
    FieldVector decode(int k, byte[] arena, int[] entries, int groupCount) {
        FieldVector output = outputs[k];
        if (output != null && output.getValueCount() == groupCount) {
            return output;
        }
        if (output != null) {
            output.close();
        }
        output = ValueAccess.allocate(keyTypes.get(k), "", allocator, groupCount);
        outputs[k] = output;
        int bit = 1 << k;
        // Keys are decoded in order: where key k starts in each group is where key k - 1 ended.
        boolean chained = cursorKey == k && cursorArena == arena && cursorEntries == entries
                && cursorGroups == groupCount;
        if (cursors.length < groupCount) {
            cursors = java.util.Arrays.copyOf(cursors, Math.max(groupCount, 2 * cursors.length));
        }
        boolean prefixed = k < widths.length - 1;
        for (int g = 0; g < groupCount; g++) {
            int at = chained ? cursors[g] : offsetOf(k, arena, entries[2 * g]);
            cursors[g] = at + (widths[k] != 0 ? widths[k] : prefixed ? Integer.BYTES + (int) INTS.get(arena, at) : 0);
            if ((entries[2 * g + 1] & bit) != 0) {
                ValueAccess.set(output, g, null);
                continue;
            }
            switch (output) {
                case BigIntVector v -> v.setSafe(g, (long) LONGS.get(arena, at));
                case IntVector v -> v.setSafe(g, (int) INTS.get(arena, at));
                case DateDayVector v -> v.setSafe(g, (int) INTS.get(arena, at));
                case SmallIntVector v -> v.setSafe(g, (short) ((arena[at] & 0xFF) | (arena[at + 1] << 8)));
                case BaseVariableWidthVector v -> {
                    int length;
                    if (k < widths.length - 1) {
                        length = (int) INTS.get(arena, at);
                        at += Integer.BYTES;
                    } else {
                        length = entries[2 * g + 2] - at;
                    }
                    v.setSafe(g, arena, at, length);
                }
                default -> ValueAccess.set(output, g, switch (widths[k]) {
                    case 8 -> (long) LONGS.get(arena, at);
                    case 4 -> (long) (int) INTS.get(arena, at);
                    default -> (long) (short) ((arena[at] & 0xFF) | (arena[at + 1] << 8));
                });
            }
        }
        output.setValueCount(groupCount);
        cursorKey = k + 1;
        cursorArena = arena;
        cursorEntries = entries;
        cursorGroups = groupCount;
        return output;
    }

    /** Where key {@code k} starts in the packed key that starts at {@code start}. */
    private int offsetOf(int k, byte[] arena, int start) {
        int at = start;
        for (int key = 0; key < k; key++) {
            at += widths[key] != 0 ? widths[key] : Integer.BYTES + (int) INTS.get(arena, at);
        }
        return at;
    }

    @Override
    public void close() {
        cursorArena = null;
        cursorEntries = null;
        cursorKey = -1;
        for (FieldVector output : outputs) {
            if (output != null) {
                output.close();
            }
        }
    }
}
