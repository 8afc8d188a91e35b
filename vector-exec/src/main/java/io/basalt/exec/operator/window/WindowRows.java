package io.basalt.exec.operator.window;

import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * A window operator's input (all of it, or a piece of whole partitions), materialized and sorted by
 * partition and order keys: one vector per column holding every row in visiting order, where each partition
 * begins ({@code partitionStarts}, with the row count as a last entry), and for every row the bounds of its
 * peer group ({@code peerStart} inclusive, {@code peerEnd} exclusive). Without ORDER BY every row of a partition is a peer of every other.
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
     * The rows {@code order[0..count)} of {@code input} (positions, already in visiting order, whole
     * partitions only) copied into vectors of their own, with their partitions and peer groups.
     */
    static WindowRows of(FieldVector[] input, RowOrdering ordering, int[] order, int count, List<LogicalType> types,
                         BufferAllocator allocator) {
        return of(input, ordering, order, count, types, allocator, false);
    }

    /**
     * Like {@link #of}, but when {@code takeOver} is set the rows must be {@code input}'s first {@code count}
     * rows in place ({@code order[k] == k}, {@code input} holding exactly {@code count} rows), and the vectors
     * are taken over instead of copied: the caller no longer owns {@code input}.
     */
    static WindowRows of(FieldVector[] input, RowOrdering ordering, int[] order, int count, List<LogicalType> types,
                         BufferAllocator allocator, boolean takeOver) {
        int[] partitionStarts = new int[Math.max(count, 1) + 1];
        int partitionCount = 0;
        int[] peerStart = new int[count];
        int[] peerEnd = new int[count];
        int groupStart = 0;
        for (int k = 0; k < count; k++) {
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
        for (int g = groupStart; g < count; g++) {
            peerEnd[g] = count;
        }
        partitionStarts[partitionCount] = count;
        FieldVector[] sorted = takeOver ? input : gather(input, order, count, types, allocator);
        return new WindowRows(count, sorted, partitionStarts, partitionCount, peerStart, peerEnd);
    }

    static void close(FieldVector[] vectors) {
        BatchConcatenation.close(vectors);
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
            close(sorted);
            throw failure;
        }
    }

    /** The first row of the partition after the one starting at {@code partitionStarts[p]}. */
    int partitionEnd(int p) {
        return partitionStarts[p + 1];
    }

    @Override
    public void close() {
        close(columns);
    }
}
