package io.basalt.exec.operator.aggregate;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The distinct (group id, value) pairs a DISTINCT aggregate has seen, kept in a group-key table whose key columns
 * are the group id and the value; an aggregate of several arguments ({@code string_agg(DISTINCT v, d)}) keeps
 * (group id, argument 1, ..., argument k) tuples the same way. One integer-like value goes to the primitive
 * {@link IntegerDistinctPairs} instead.
 */
public final class DistinctPairs implements AutoCloseable {
    /** The pairs of one value of another type, or of several values; null when {@link #integerPairs} serves. */
    private final GroupKeyTable table;
    private final IntegerDistinctPairs integerPairs;
    private final BufferAllocator allocator;
    private int[] pairIds = new int[0];

    public DistinctPairs(LogicalType valueType, BufferAllocator allocator) {
        this(List.of(valueType), allocator);
    }

    /** Tuples of the group id and values of {@code valueTypes}. */
    public DistinctPairs(List<LogicalType> valueTypes, BufferAllocator allocator) {
        this.allocator = allocator;
        if (valueTypes.size() == 1 && IntegerDistinctPairs.serves(valueTypes.getFirst())) {
            this.integerPairs = new IntegerDistinctPairs(valueTypes.getFirst(), allocator);
            this.table = null;
            return;
        }
        this.integerPairs = null;
        List<LogicalType> keys = new java.util.ArrayList<>();
        keys.add(LogicalType.BIGINT);
        keys.addAll(valueTypes);
        this.table = new GenericGroupKeyTable(keys, allocator);
    }

    /** The rows (ascending) whose pair is new; rows with a NULL value are never new. */
    public int[] firstOccurrences(int[] groupIds, FieldVector values, int rows) {
        return firstOccurrences(groupIds, new FieldVector[] {values}, rows, true);
    }

    /**
     * The rows (ascending) whose tuple of {@code values} is new in their group; with {@code skipNulls}, a row with a
     * NULL in its first value is never new (an aggregate of several arguments decides about NULLs itself).
     */
    public int[] firstOccurrences(int[] groupIds, FieldVector[] values, int rows, boolean skipNulls) {
        if (pairIds.length < rows) {
            pairIds = new int[Math.max(rows, 16)];
        }
        if (integerPairs != null) {
            int count = integerPairs.firstOccurrences(groupIds, values[0], rows, skipNulls, pairIds);
            return java.util.Arrays.copyOf(pairIds, count);
        }
        int before = table.groupCount();
        try (BigIntVector groups = (BigIntVector) ValueAccess.allocate(LogicalType.BIGINT, "", allocator, rows)) {
            for (int i = 0; i < rows; i++) {
                groups.set(i, groupIds[i]);
            }
            groups.setValueCount(rows);
            FieldVector[] keys = new FieldVector[values.length + 1];
            keys[0] = groups;
            System.arraycopy(values, 0, keys, 1, values.length);
            table.findOrInsert(keys, rows, pairIds);
        }
        // New pairs get consecutive ids in order of first appearance.
        int next = before;
        int[] fresh = new int[table.groupCount() - before];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (pairIds[i] == next) {
                next++;
                if (!skipNulls || !values[0].isNull(i)) {
                    fresh[count++] = i;
                }
            }
        }
        return count == fresh.length ? fresh : java.util.Arrays.copyOf(fresh, count);
    }

    public int size() {
        return integerPairs != null ? integerPairs.size() : table.groupCount();
    }

    public BigIntVector groupColumn() {
        return integerPairs != null ? integerPairs.groupColumn() : (BigIntVector) table.keyVector(0);
    }

    public FieldVector valueColumn() {
        return valueColumn(0);
    }

    /** The k-th value column (0-based) of the tuples seen. */
    public FieldVector valueColumn(int k) {
        return integerPairs != null ? integerPairs.valueColumn() : table.keyVector(1 + k);
    }

    @Override
    public void close() {
        if (integerPairs != null) {
            integerPairs.close();
        } else {
            table.close();
        }
    }
}
