package io.basalt.exec.operator.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.vector.KeyHashing;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Group keys of any types and number. Distinct keys are kept column by column in Arrow vectors (which
 * become the aggregation's key output as they are); an open-addressing table of group ids, probed with
 * a hash computed column by column for the whole batch, finds a row's group. NULLs form one group, as
 * GROUP BY requires (NULL keys are "not distinct").
 */
final class GenericGroupKeyTable implements GroupKeyTable {
    private final FieldVector[] keys;
    private int groupCount;
    private int[] slots = new int[64];
    private long[] groupHashes = new long[32];
    private long[] rowHashes = new long[0];
    private long[] scratch = new long[0];

    GenericGroupKeyTable(List<LogicalType> keyTypes, BufferAllocator allocator) {
        keys = new FieldVector[keyTypes.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = ValueAccess.allocate(keyTypes.get(k), "", allocator, 64);
        }
        java.util.Arrays.fill(slots, -1);
    }

    @Override
    public int groupCount() {
        return groupCount;
    }

    @Override
    public FieldVector keyVector(int k) {
        return keys[k];
    }

    @Override
    public void findOrInsert(FieldVector[] keyColumns, int rows, int[] groupIds) {
        if (rowHashes.length < rows) {
            rowHashes = new long[Math.max(rows, 16)];
        }
        if (scratch.length < rows) {
            scratch = new long[rowHashes.length];
        }
        java.util.Arrays.fill(rowHashes, 0, rows, KeyHashing.SEED);
        for (FieldVector column : keyColumns) {
            KeyHashing.hashColumn(column, rows, rowHashes, scratch);
        }
        for (int row = 0; row < rows; row++) {
            long hash = rowHashes[row];
            int mask = slots.length - 1;
            int slot = (int) KeyHashing.mix(hash) & mask;
            while (true) {
                int group = slots[slot];
                if (group < 0) {
                    group = insert(keyColumns, row, hash);
                    slots[slot] = group;
                    groupIds[row] = group;
                    if (groupCount * 2 > slots.length) {
                        grow();
                    }
                    break;
                }
                if (groupHashes[group] == hash && keysEqual(keyColumns, row, group)) {
                    groupIds[row] = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    @Override
    public void find(FieldVector[] keyColumns, int rows, int[] groupIds) {
        long[] hashes = new long[rows];
        long[] columnScratch = new long[rows];
        java.util.Arrays.fill(hashes, KeyHashing.SEED);
        for (FieldVector column : keyColumns) {
            KeyHashing.hashColumn(column, rows, hashes, columnScratch);
        }
        int mask = slots.length - 1;
        for (int row = 0; row < rows; row++) {
            long hash = hashes[row];
            int slot = (int) KeyHashing.mix(hash) & mask;
            int found = -1;
            while (true) {
                int group = slots[slot];
                if (group < 0) {
                    break;
                }
                if (groupHashes[group] == hash && keysEqual(keyColumns, row, group)) {
                    found = group;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            groupIds[row] = found;
        }
    }

    private int insert(FieldVector[] keyColumns, int row, long hash) {
        int group = groupCount++;
        if (group == groupHashes.length) {
            groupHashes = java.util.Arrays.copyOf(groupHashes, group * 2);
        }
        groupHashes[group] = hash;
        for (int k = 0; k < keys.length; k++) {
            io.basalt.exec.vector.VectorGather.copyValue(keyColumns[k], row, keys[k], group);
            keys[k].setValueCount(group + 1);
        }
        return group;
    }

    private boolean keysEqual(FieldVector[] keyColumns, int row, int group) {
        for (int k = 0; k < keys.length; k++) {
            boolean rowNull = keyColumns[k].isNull(row);
            boolean groupNull = keys[k].isNull(group);
            if (rowNull || groupNull) {
                if (rowNull != groupNull) {
                    return false;
                }
                continue;
            }
            if (keyColumns[k] instanceof BaseVariableWidthVector column && keys[k] instanceof BaseVariableWidthVector kept
                    && column.getClass() == kept.getClass() && sameBytes(column, row, kept, group)) {
                // the same bytes are the same value (a NUMERIC's too, which is decoded to be compared otherwise)
                continue;
            }
            if (ValueComparison.compare(keyColumns[k], row, keys[k], group) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether value {@code row} of {@code a} and value {@code other} of {@code b} have the same bytes. */
    private static boolean sameBytes(BaseVariableWidthVector a, int row, BaseVariableWidthVector b, int other) {
        ArrowBuf aOffsets = a.getOffsetBuffer();
        ArrowBuf bOffsets = b.getOffsetBuffer();
        long aStart = aOffsets.getInt((long) row * 4);
        long length = aOffsets.getInt((long) (row + 1) * 4) - aStart;
        long bStart = bOffsets.getInt((long) other * 4);
        if (bOffsets.getInt((long) (other + 1) * 4) - bStart != length) {
            return false;
        }
        MemorySegment aBytes = ArrowSegments.of(a.getDataBuffer());
        MemorySegment bBytes = ArrowSegments.of(b.getDataBuffer());
        return MemorySegment.mismatch(aBytes, aStart, aStart + length, bBytes, bStart, bStart + length) < 0;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        java.util.Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) KeyHashing.mix(groupHashes[group]) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
    }

    @Override
    public void close() {
        for (FieldVector key : keys) {
            key.close();
        }
    }
}
