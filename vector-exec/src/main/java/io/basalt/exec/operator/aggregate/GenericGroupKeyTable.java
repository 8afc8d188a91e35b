package io.basalt.exec.operator.aggregate;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * Group keys of any types and number. Distinct keys are kept column by column in Arrow vectors (which
 * become the aggregation's key output as they are); an open-addressing table of group ids, probed with
 * a hash computed column by column for the whole batch, finds a row's group. NULLs form one group, as
 * GROUP BY requires (NULL keys are "not distinct").
 */
final class GenericGroupKeyTable implements GroupKeyTable {
    private static final long NULL_HASH = 0x5bd1e995L;

    private final FieldVector[] keys;
    private int groupCount;
    private int[] slots = new int[64];
    private long[] groupHashes = new long[32];
    private long[] rowHashes = new long[0];

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
        java.util.Arrays.fill(rowHashes, 0, rows, 0x9E3779B97F4A7C15L);
        for (FieldVector column : keyColumns) {
            hashColumn(column, rows);
        }
        for (int row = 0; row < rows; row++) {
            long hash = rowHashes[row];
            int mask = slots.length - 1;
            int slot = (int) mix(hash) & mask;
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

    private int insert(FieldVector[] keyColumns, int row, long hash) {
        int group = groupCount++;
        if (group == groupHashes.length) {
            groupHashes = java.util.Arrays.copyOf(groupHashes, group * 2);
        }
        groupHashes[group] = hash;
        for (int k = 0; k < keys.length; k++) {
            keys[k].copyFromSafe(row, group, keyColumns[k]);
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
            if (ValueComparison.compare(keyColumns[k], row, keys[k], group) != 0) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        int[] bigger = new int[slots.length * 2];
        java.util.Arrays.fill(bigger, -1);
        int mask = bigger.length - 1;
        for (int group = 0; group < groupCount; group++) {
            int slot = (int) mix(groupHashes[group]) & mask;
            while (bigger[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            bigger[slot] = group;
        }
        slots = bigger;
    }

    /** Folds one key column into the running row hashes; one typed loop per column. */
    private void hashColumn(FieldVector column, int rows) {
        switch (column) {
            case BigIntVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(v.get(i)));
                }
            }
            case IntVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(v.get(i)));
                }
            }
            case DateDayVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(v.get(i)));
                }
            }
            case SmallIntVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(v.get(i)));
                }
            }
            case BitVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(v.get(i)));
                }
            }
            case Float8Vector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : mix(canonicalBits(v.get(i))));
                }
            }
            case org.apache.arrow.vector.DecimalVector v -> {
                ArrowBuf data = v.getDataBuffer();
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH
                            : mix(data.getLong((long) i * 16) ^ mix(data.getLong((long) i * 16 + 8))));
                }
            }
            case org.apache.arrow.vector.FixedSizeBinaryVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH
                            : mix(io.basalt.type.Interval.fromBytes(v.get(i)).normalizedHash()));
                }
            }
            case BaseVariableWidthVector v -> {
                for (int i = 0; i < rows; i++) {
                    rowHashes[i] = combine(rowHashes[i], v.isNull(i) ? NULL_HASH : hashBytes(v, i));
                }
            }
            default -> throw new IllegalStateException("cannot hash " + column.getClass().getSimpleName());
        }
    }

    /** Equal doubles in PostgreSQL's sense (-0 = 0, NaN = NaN) hash alike. */
    private static long canonicalBits(double value) {
        if (value == 0.0) {
            return 0L;
        }
        return Double.isNaN(value) ? 0x7ff8000000000000L : Double.doubleToRawLongBits(value);
    }

    private static long hashBytes(BaseVariableWidthVector vector, int row) {
        ArrowBuf offsets = vector.getOffsetBuffer();
        long start = offsets.getInt((long) row * 4);
        long end = offsets.getInt((long) (row + 1) * 4);
        ArrowBuf data = vector.getDataBuffer();
        long hash = 0xcbf29ce484222325L;
        for (long p = start; p < end; p++) {
            hash = (hash ^ (data.getByte(p) & 0xff)) * 0x100000001b3L;
        }
        return mix(hash);
    }

    private static long combine(long seed, long value) {
        return (seed ^ value) * 0x9E3779B97F4A7C15L + (seed >>> 29);
    }

    /** A 64-bit finaliser (splitmix64's) so that sequential integers spread over the table. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        for (FieldVector key : keys) {
            key.close();
        }
    }
}
