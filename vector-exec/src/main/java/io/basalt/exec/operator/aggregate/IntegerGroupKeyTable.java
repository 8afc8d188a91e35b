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
 * k1000), skip the hash: a direct array indexed by the key holds their group ids, grown to the largest such
 * key seen. The distinct keys are kept in a long array and turned into the output vector once, when asked.
 */
final class IntegerGroupKeyTable implements GroupKeyTable {
    private static final ValueLayout.OfLong LONG = ArrowSegments.LONG;
    private static final ValueLayout.OfInt INT = ArrowSegments.INT;
    private static final ValueLayout.OfShort SHORT =
            ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN);

    private final LogicalType keyType;
    private final BufferAllocator allocator;
    private final int width;
    private long[] slotKeys = new long[64];
    private int[] slotGroups = new int[64];
    private long[] groupKeys = new long[32];
    private int groupCount;
    private int nullGroup = -1;
    private FieldVector output;
    /** Keys below this are looked up in {@link #direct}. */
    static final int DIRECT_LIMIT = 1 << 16;
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
        Arrays.fill(slotGroups, -1);
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
        return find(key);
    }

    private int find(long key) {
        int mask = slotGroups.length - 1;
        int slot = (int) KeyHashing.mix(key) & mask;
        while (true) {
            int group = slotGroups[slot];
            if (group < 0) {
                group = newGroup(key);
                slotKeys[slot] = key;
                slotGroups[slot] = group;
                if (groupCount * 2 > slotGroups.length) {
                    grow();
                }
                return group;
            }
            if (slotKeys[slot] == key) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        FieldVector column = keyColumns[0];
        MemorySegment values = ArrowSegments.values(column);
        boolean hasNulls = column.getNullCount() > 0;
        int mask = slotGroups.length - 1;
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
            while (slotGroups[slot] >= 0) {
                if (slotKeys[slot] == key) {
                    found = slotGroups[slot];
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
        long[] keys = new long[slotKeys.length * 2];
        int[] groups = new int[slotGroups.length * 2];
        Arrays.fill(groups, -1);
        int mask = groups.length - 1;
        for (int old = 0; old < slotGroups.length; old++) {
            if (slotGroups[old] >= 0) {
                int slot = (int) KeyHashing.mix(slotKeys[old]) & mask;
                while (groups[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = slotKeys[old];
                groups[slot] = slotGroups[old];
            }
        }
        slotKeys = keys;
        slotGroups = groups;
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
            for (int g = 0; g < groupCount; g++) {
                ValueAccess.set(output, g, g == nullGroup ? null : groupKeys[g]);
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
