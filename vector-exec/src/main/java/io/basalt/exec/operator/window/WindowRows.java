package io.basalt.exec.operator.window;

import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * A window operator's whole input, materialized and sorted by partition and order keys: one vector per
 * column holding every row in visiting order, where each partition begins ({@code partitionStarts}, with
 * the row count as a last entry), and for every row the bounds of its peer group ({@code peerStart}
 * inclusive, {@code peerEnd} exclusive). Without ORDER BY every row of a partition is a peer of every other.
 * Owns its vectors.
 */
final class WindowRows implements AutoCloseable {
    final int rowCount;
    final FieldVector[] columns;
    final int[] partitionStarts;
    final int partitionCount;
    final int[] peerStart;
    final int[] peerEnd;

    private WindowRows(int rowCount, FieldVector[] columns, int[] partitionStarts, int partitionCount,
                       int[] peerStart, int[] peerEnd) {
        this.rowCount = rowCount;
        this.columns = columns;
        this.partitionStarts = partitionStarts;
        this.partitionCount = partitionCount;
        this.peerStart = peerStart;
        this.peerEnd = peerEnd;
    }

    /**
     * Concatenates {@code batches} (each a list of column vectors, not taken over), sorts the rows and finds
     * the partitions and peer groups.
     */
    static WindowRows build(List<List<FieldVector>> batches, int rowCount, List<LogicalType> types,
                            int[] partitionColumns, List<SortKey> orderKeys, BufferAllocator allocator) {
        FieldVector[] input = new FieldVector[types.size()];
        try {
            for (int c = 0; c < input.length; c++) {
                input[c] = ValueAccess.allocate(types.get(c), "", allocator, rowCount);
                input[c].setValueCount(0);
                VectorAppender appender = new VectorAppender(input[c]);
                for (List<FieldVector> batch : batches) {
                    batch.get(c).accept(appender, null);
                }
                input[c].setValueCount(rowCount);
            }
            RowOrdering ordering = new RowOrdering(input, rowCount, partitionColumns, orderKeys);
            int[] order = ordering.sort(rowCount);
            int[] partitionStarts = new int[Math.max(rowCount, 1) + 1];
            int partitionCount = 0;
            int[] peerStart = new int[rowCount];
            int[] peerEnd = new int[rowCount];
            int groupStart = 0;
            for (int k = 0; k < rowCount; k++) {
                boolean newPartition = k == 0 || !ordering.samePartition(order[k - 1], order[k]);
                if (newPartition) {
                    partitionStarts[partitionCount++] = k;
                }
                if (newPartition || !ordering.peers(order[k - 1], order[k])) {
                    for (int g = groupStart; g < k; g++) {
                        peerEnd[g] = k;
                    }
                    groupStart = k;
                }
                peerStart[k] = groupStart;
            }
            for (int g = groupStart; g < rowCount; g++) {
                peerEnd[g] = rowCount;
            }
            partitionStarts[partitionCount] = rowCount;
            FieldVector[] sorted = gather(input, order, rowCount, types, allocator);
            return new WindowRows(rowCount, sorted, partitionStarts, partitionCount, peerStart, peerEnd);
        } finally {
            for (FieldVector vector : input) {
                if (vector != null) {
                    vector.close();
                }
            }
        }
    }

    private static FieldVector[] gather(FieldVector[] input, int[] order, int rowCount, List<LogicalType> types,
                                        BufferAllocator allocator) {
        FieldVector[] sorted = new FieldVector[input.length];
        try {
            for (int c = 0; c < input.length; c++) {
                sorted[c] = ValueAccess.allocate(types.get(c), "", allocator, rowCount);
                VectorGather.gather(input[c], order, rowCount, sorted[c]);
            }
            return sorted;
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : sorted) {
                if (vector != null) {
                    vector.close();
                }
            }
            throw failure;
        }
    }

    /** The first row of the partition after the one starting at {@code partitionStarts[p]}. */
    int partitionEnd(int p) {
        return partitionStarts[p + 1];
    }

    @Override
    public void close() {
        for (FieldVector column : columns) {
            column.close();
        }
    }
}
