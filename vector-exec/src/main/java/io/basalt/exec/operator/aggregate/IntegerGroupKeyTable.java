package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * Group ids for one key of an integer-like type (smallint, integer, bigint, date, scaled NUMERIC): an
 * open-addressing table of primitive longs probed straight from the Arrow buffer, no per-row dispatch.
 * Keys in {@code [0, 65536)}, the common case of small codes (H2O's ids, TPC-H's flags, micro's k17 and
 * k1000), and larger keys while they are dense, skip the hash: a direct array indexed by the key holds their
 * group ids, grown to the largest such key seen. The distinct keys are kept in a long array and turned into the
 * output vector once, when asked.
 */
final class IntegerGroupKeyTable implements GroupKeyTable {
    private static final ValueLayout.OfLong LONG = ArrowSegments.LONG;
    private static final ValueLayout.OfInt INT = ArrowSegments.INT;
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    private final LogicalType keyType;
    private final BufferAllocator allocator;
    private final int width;
    /**
     * The hashed keys' slots, interleaved so that a probe touches one cache line: slot s holds its key at
     * {@code 2s} and its group id at {@code 2s + 1} ({@link #EMPTY} while free).
     */
    private long[] slots = emptySlots(64);
    private int slotCount = 64;
    /** How many keys the slots hold (the others are in {@link #direct}). */
    private int hashedCount;
    /** The last hashed key looked up and its group: rows of one key often arrive together (TPC-H's orders). */
    private long lastKey;
    private int lastGroup = -1;
    private long[] groupKeys = new long[32];
    private int groupCount;
    private int nullGroup = -1;
    private FieldVector output;
    /** Keys below this are looked up in {@link #direct}. */
    static final int DIRECT_LIMIT = 1 << 16;
    /**
     * Larger non-negative keys also go to {@link #direct} while they are dense: while the array, grown to the next
     * power of two above the key, has at most {@code DENSE_FACTOR} entries per group (TPC-H's order keys, a quarter
     * of the numbers up to the largest, grouped in Q18): at most 64 bytes per group, about what the hash table
     * spends on one.
     */
    static final long DENSE_LIMIT = 1L << 23;
    static final long DENSE_FACTOR = 16;
    /** Per key value in {@code [0, direct.length)}: its group id + 1, or 0 while it has none. */
    private int[] direct = new int[0];

    IntegerGroupKeyTable(LogicalType keyType, BufferAllocator allocator) {
        this.keyType = keyType;
        this.allocator = allocator;
        this.width = switch (keyType.physical()) {
            case INT16 -> 2;
            case INT32 -> 4;
            default -> 8;
        };
    }

    private static final long EMPTY = -1;

    private static long[] emptySlots(int count) {
        long[] slots = new long[count * 2];
        Arrays.fill(slots, EMPTY); // the key words too: only the group word tells a free slot
        return slots;
    }

    @Override
    public void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds) {
        FieldVector column = keyColumns[0];
        MemorySegment values = ArrowSegments.values(column);
        if (column.getNullCount() > 0) {
            for (int row = 0; row < rows; row++) {
                if (column.isNull(row)) {
                    if (nullGroup < 0) {
                        nullGroup = newGroup(0);
                    }
                    groupIds[row] = nullGroup;
                    continue;
                }
                groupIds[row] = groupOf(switch (width) {
                    case 8 -> values.get(LONG, (long) row << 3);
                    case 4 -> values.get(INT, (long) row << 2);
                    default -> values.get(SHORT, (long) row << 1);
                });
            }
            return;
        }
        // One loop per width: no per-row dispatch on the common NULL-free path.
        switch (width) {
            case 8 -> {
                for (int row = 0; row < rows; row++) {
                    groupIds[row] = groupOf(values.get(LONG, (long) row << 3));
                }
            }
            case 4 -> {
                for (int row = 0; row < rows; row++) {
                    groupIds[row] = groupOf(values.get(INT, (long) row << 2));
                }
            }
            default -> {
                for (int row = 0; row < rows; row++) {
                    groupIds[row] = groupOf(values.get(SHORT, (long) row << 1));
                }
            }
        }
    }

    @Override
    public boolean findOrInsertAt(FieldVector[] keyColumns, int[] positions, int count, int[] groupIds) {
        FieldVector column = keyColumns[0];
        MemorySegment values = ArrowSegments.values(column);
        boolean nulls = ArrowSegments.nullCount(column) > 0;
        for (int k = 0; k < count; k++) {
            int row = positions[k];
            if (nulls && column.isNull(row)) {
                if (nullGroup < 0) {
                    nullGroup = newGroup(0);
                }
                groupIds[k] = nullGroup;
                continue;
            }
            groupIds[k] = groupOf(switch (width) {
                case 8 -> values.get(LONG, (long) row << 3);
                case 4 -> values.get(INT, (long) row << 2);
                default -> values.get(SHORT, (long) row << 1);
            });
        }
        return true;
    }

    /** The group of a non-null key, added when new. */
    private int groupOf(long key) {
        if (key >= 0 && key < direct.length) {
            int group = direct[(int) key] - 1;
            if (group < 0) {
                group = newGroup(key);
                direct[(int) key] = group + 1;
            }
            return group;
        }
        if (key >= 0 && key < DIRECT_LIMIT) {
            direct = Arrays.copyOf(direct, Math.max(256, Integer.highestOneBit((int) key) << 1));
            return groupOf(key);
        }
        if (key >= 0 && key < DENSE_LIMIT && (Long.highestOneBit(key) << 1) <= DENSE_FACTOR * (groupCount + 1L)) {
            widenDirect((int) (Long.highestOneBit(key) << 1));
            return groupOf(key);
        }
        return find(key);
    }

    /**
     * Grows {@link #direct} to {@code length} entries and moves the hashed keys below that into it, so that each key
     * still has exactly one place (the direct array for keys below its length, the hash table for the others).
     */
    private void widenDirect(int length) {
        direct = Arrays.copyOf(direct, length);
        long[] old = slots;
        int oldCount = slotCount;
        int remaining = 0;
        for (int s = 0; s < oldCount; s++) {
            remaining += old[2 * s + 1] >= 0 && (old[2 * s] < 0 || old[2 * s] >= length) ? 1 : 0;
        }
        // the keys left hashed fit a table at most half full, as grow() keeps it
        slotCount = Math.max(64, Integer.highestOneBit(Math.max(1, remaining)) << 2);
        hashedCount = remaining;
        slots = emptySlots(slotCount);
        lastGroup = -1;
        int mask = slotCount - 1;
        for (int s = 0; s < oldCount; s++) {
            long group = old[2 * s + 1];
            if (group < 0) {
                continue;
            }
            long key = old[2 * s];
            if (key >= 0 && key < length) {
                direct[(int) key] = (int) group + 1;
                continue;
            }
            int slot = (int) KeyHashing.mix(key) & mask;
            while (slots[2 * slot + 1] >= 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = key;
            slots[2 * slot + 1] = group;
        }
    }

    private int find(long key) {
        if (key == lastKey && lastGroup >= 0) {
            return lastGroup;
        }
        long[] table = slots;
        int mask = slotCount - 1;
        int slot = (int) KeyHashing.mix(key) & mask;
        int group;
        while (true) {
            group = (int) table[2 * slot + 1];
            if (group < 0) {
                group = newGroup(key);
                table[2 * slot] = key;
                table[2 * slot + 1] = group;
                if (++hashedCount * 2 > slotCount) {
                    grow();
                }
                break;
            }
            if (table[2 * slot] == key) {
                break;
            }
            slot = (slot + 1) & mask;
        }
        lastKey = key;
        lastGroup = group;
        return group;
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        FieldVector column = keyColumns[0];
        MemorySegment values = ArrowSegments.values(column);
        boolean hasNulls = column.getNullCount() > 0;
        int mask = slotCount - 1;
        for (int row = 0; row < rows; row++) {
            if (hasNulls && column.isNull(row)) {
                groupIds[row] = nullGroup;
                continue;
            }
            long key = switch (width) {
                case 8 -> values.get(LONG, (long) row << 3);
                case 4 -> values.get(INT, (long) row << 2);
                default -> values.get(SHORT, (long) row << 1);
            };
            if (key >= 0 && key < direct.length) {
                groupIds[row] = direct[(int) key] - 1;
                continue;
            }
            int slot = (int) KeyHashing.mix(key) & mask;
            int found = -1;
            while (slots[2 * slot + 1] >= 0) {
                if (slots[2 * slot] == key) {
                    found = (int) slots[2 * slot + 1];
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[row] = found;
        }
    }

    private int newGroup(long key) {
        if (groupCount == groupKeys.length) {
            groupKeys = Arrays.copyOf(groupKeys, groupCount * 2);
        }
        groupKeys[groupCount] = key;
        return groupCount++;
    }

    private void grow() {
        int count = slotCount * 2;
        long[] table = emptySlots(count);
        int mask = count - 1;
        for (int old = 0; old < slotCount; old++) {
            long group = slots[2 * old + 1];
            if (group >= 0) {
                long key = slots[2 * old];
                int slot = (int) KeyHashing.mix(key) & mask;
                while (table[2 * slot + 1] >= 0) {
                    slot = (slot + 1) & mask;
                }
                table[2 * slot] = key;
                table[2 * slot + 1] = group;
            }
        }
        slots = table;
        slotCount = count;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public FieldVector keyVector(int k) {
        if (output == null || output.getValueCount() != groupCount) {
            if (output != null) {
                output.close();
            }
            output = ValueAccess.allocate(keyType, "", allocator, groupCount);
            if (output instanceof org.apache.arrow.vector.BaseFixedWidthVector fixed
                    && fixed.getTypeWidth() == width && output.getValueCapacity() >= groupCount) {
                // the keys were read raw from such buffers: write them back the same way, no boxing per group
                MemorySegment values = ArrowSegments.values(output);
                for (int g = 0; g < groupCount; g++) {
                    long key = groupKeys[g];
                    switch (width) {
                        case 8 -> values.set(LONG, (long) g << 3, key);
                        case 4 -> values.set(INT, (long) g << 2, (int) key);
                        default -> values.set(SHORT, (long) g << 1, (short) key);
                    }
                }
                org.apache.arrow.memory.ArrowBuf validity = output.getValidityBuffer();
                for (int g = 0; g < groupCount; g++) {
                    org.apache.arrow.vector.BitVectorHelper.setValidityBit(validity, g, g == nullGroup ? 0 : 1);
                }
            } else {
                for (int g = 0; g < groupCount; g++) {
                    ValueAccess.set(output, g, g == nullGroup ? null : groupKeys[g]);
                }
            }
            output.setValueCount(groupCount);
        }
        return output;
    }

    @Override
    public void close() {
        if (output != null) {
            output.close();
        }
    }
}
