package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * Group ids for two or more keys that are all integer-like (smallint, integer, bigint, date, scaled
 * NUMERIC), such as {@code GROUP BY l_partkey, l_suppkey}: each row's keys are read straight from the Arrow
 * buffers into longs, hashed together, and looked up in an open-addressing table of group ids whose keys
 * live in one primitive array per key column, so the loop makes no per-row call and boxes nothing. NULL
 * keys are kept as a per-group bit mask (NULLs group together, as GROUP BY requires). The output key
 * vectors are built once, when asked.
 */
final class IntegerTupleGroupKeyTable implements GroupKeyTable {
    /** The most keys the NULL bit mask can describe. */
    static final int MAX_KEYS = 31;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    private final List<LogicalType> keyTypes;
    private final BufferAllocator allocator;
    private final int keyCount;
    private final int[] widths;
    private long[][] groupKeys;
    private int[] groupNulls = new int[32];
    private long[] groupHashes = new long[32];
    private int[] slots = new int[64];
    private int groupCount;
    private final long[] rowKeys;
    /** The NULL mask of the row {@link #hashRow} read last. */
    private int rowNulls;
    private final MemorySegment[] values;
    private final MemorySegment[] validities;
    private final FieldVector[] outputs;

    IntegerTupleGroupKeyTable(List<LogicalType> keyTypes, BufferAllocator allocator) {
        assert keyTypes.size() >= 2 && keyTypes.size() <= MAX_KEYS;
        this.keyTypes = List.copyOf(keyTypes);
        this.allocator = allocator;
        this.keyCount = keyTypes.size();
        this.widths = new int[keyCount];
        this.groupKeys = new long[keyCount][32];
        for (int k = 0; k < keyCount; k++) {
            widths[k] = switch (keyTypes.get(k).physical()) {
                case INT16 -> 2;
                case INT32 -> 4;
                default -> 8;
            };
        }
        this.rowKeys = new long[keyCount];
        this.values = new MemorySegment[keyCount];
        this.validities = new MemorySegment[keyCount];
        this.outputs = new FieldVector[keyCount];
        Arrays.fill(slots, -1);
    }

    /** Whether this table serves keys of {@code keyTypes}. */
    static boolean serves(List<LogicalType> keyTypes) {
        if (keyTypes.size() < 2 || keyTypes.size() > MAX_KEYS) {
            return false;
        }
        for (LogicalType type : keyTypes) {
            switch (type.physical()) {
                case INT16, INT32, INT64 -> {
                }
                default -> {
                    return false;
                }
            }
        }
        return true;
    }

    @Override
    public void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (rows == 0) {
            return;
        }
        readColumns(keyColumns);
        for (int row = 0; row < rows; row++) {
            long hash = hashRow(row);
            groupIds[row] = find(hash, rowNulls);
        }
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (rows == 0) {
            return;
        }
        readColumns(keyColumns);
        int mask = slots.length - 1;
        for (int row = 0; row < rows; row++) {
            long hash = hashRow(row);
            int slot = (int) hash & mask;
            int found = -1;
            while (slots[slot] >= 0) {
                int group = slots[slot];
                if (groupHashes[group] == hash && groupNulls[group] == rowNulls && sameKeys(group)) {
                    found = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[row] = found;
        }
    }

    private void readColumns(FieldVector[] keyColumns) {
        for (int k = 0; k < keyCount; k++) {
            values[k] = ArrowSegments.values(keyColumns[k]);
            validities[k] = ArrowSegments.validity(keyColumns[k]);
        }
    }

    /** Reads row {@code row}'s keys into {@link #rowKeys} and its NULL mask into {@link #rowNulls}; its hash. */
    private long hashRow(int row) {
        long hash = KeyHashing.SEED;
        int nulls = 0;
        for (int k = 0; k < keyCount; k++) {
            MemorySegment validity = validities[k];
            long key;
            if (validity != null && ((validity.get(ValueLayout.JAVA_BYTE, row >>> 3) >>> (row & 7)) & 1) == 0) {
                nulls |= 1 << k;
                key = 0;
            } else {
                key = switch (widths[k]) {
                    case 8 -> values[k].get(ArrowSegments.LONG, (long) row << 3);
                    case 4 -> values[k].get(ArrowSegments.INT, (long) row << 2);
                    default -> values[k].get(SHORT, (long) row << 1);
                };
            }
            rowKeys[k] = key;
            hash = KeyHashing.mix(hash * 31 + key);
        }
        rowNulls = nulls;
        return hash ^ nulls;
    }

    private int find(long hash, int nulls) {
        int mask = slots.length - 1;
        int slot = (int) hash & mask;
        while (true) {
            int group = slots[slot];
            if (group < 0) {
                group = newGroup(hash, nulls);
                slots[slot] = group;
                if (groupCount * 2 > slots.length) {
                    grow();
                }
                return group;
            }
            if (groupHashes[group] == hash && groupNulls[group] == nulls && sameKeys(group)) {
                return group;
            }
            slot = (slot + 1) & mask;
        }
    }

    private boolean sameKeys(int group) {
        for (int k = 0; k < keyCount; k++) {
            if (groupKeys[k][group] != rowKeys[k]) {
                return false;
            }
        }
        return true;
    }

    private int newGroup(long hash, int nulls) {
        int group = groupCount;
        if (group == groupHashes.length) {
            int size = group * 2;
            groupHashes = Arrays.copyOf(groupHashes, size);
            groupNulls = Arrays.copyOf(groupNulls, size);
            for (int k = 0; k < keyCount; k++) {
                groupKeys[k] = Arrays.copyOf(groupKeys[k], size);
            }
        }
        groupHashes[group] = hash;
        groupNulls[group] = nulls;
        for (int k = 0; k < keyCount; k++) {
            groupKeys[k][group] = rowKeys[k];
        }
        groupCount++;
        return group;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) groupHashes[group] & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public FieldVector keyVector(int k) {
        FieldVector output = outputs[k];
        if (output != null && output.getValueCount() == groupCount) {
            return output;
        }
        if (output != null) {
            output.close();
        }
        output = ValueAccess.allocate(keyTypes.get(k), "", allocator, groupCount);
        outputs[k] = output;
        long[] keys = groupKeys[k];
        int bit = 1 << k;
        for (int g = 0; g < groupCount; g++) {
            if ((groupNulls[g] & bit) != 0) {
                ValueAccess.set(output, g, null);
                continue;
            }
            switch (output) {
                case BigIntVector v -> v.setSafe(g, keys[g]);
                case IntVector v -> v.setSafe(g, (int) keys[g]);
                case DateDayVector v -> v.setSafe(g, (int) keys[g]);
                case SmallIntVector v -> v.setSafe(g, (short) keys[g]);
                default -> ValueAccess.set(output, g, keys[g]);
            }
        }
        output.setValueCount(groupCount);
        return output;
    }

    @Override
    public void close() {
        for (FieldVector output : outputs) {
            if (output != null) {
                output.close();
            }
        }
    }
}
