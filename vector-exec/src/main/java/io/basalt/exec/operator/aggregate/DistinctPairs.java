package io.basalt.exec.operator.aggregate;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The distinct (group id, value) pairs a DISTINCT aggregate has seen, kept in a group-key table whose two
 * key columns are the group id and the value.
 */
public final class DistinctPairs implements AutoCloseable {
    private final GroupKeyTable table;
    private final BufferAllocator allocator;
    private int[] pairIds = new int[0];

    public DistinctPairs(LogicalType valueType, BufferAllocator allocator) {
        this.allocator = allocator;
        this.table = new GenericGroupKeyTable(List.of(LogicalType.BIGINT, valueType), allocator);
    }

    /** The rows (ascending) whose pair is new; rows with a NULL value are never new. */
    public int[] firstOccurrences(int[] groupIds, FieldVector values, int rows) {
        if (pairIds.length < rows) {
            pairIds = new int[Math.max(rows, 16)];
        }
        int before = table.groupCount();
        try (BigIntVector groups = (BigIntVector) ValueAccess.allocate(LogicalType.BIGINT, "", allocator, rows)) {
            for (int i = 0; i < rows; i++) {
                groups.set(i, groupIds[i]);
            }
            groups.setValueCount(rows);
            table.findOrInsert(new FieldVector[] {groups, values}, rows, pairIds);
        }
        // New pairs get consecutive ids in order of first appearance.
        int next = before;
        int[] fresh = new int[table.groupCount() - before];
        int count = 0;
        for (int i = 0; i < rows; i++) {
            if (pairIds[i] == next) {
                next++;
                if (!values.isNull(i)) {
                    fresh[count++] = i;
                }
            }
        }
        return count == fresh.length ? fresh : java.util.Arrays.copyOf(fresh, count);
    }

    public int size() {
        return table.groupCount();
    }

    public BigIntVector groupColumn() {
        return (BigIntVector) table.keyVector(0);
    }

    public FieldVector valueColumn() {
        return table.keyVector(1);
    }

    @Override
    public void close() {
        table.close();
    }
}
