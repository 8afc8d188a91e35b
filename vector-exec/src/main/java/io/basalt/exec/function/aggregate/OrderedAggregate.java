package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.sort.SortKey;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code agg(args ORDER BY keys)}: the inner aggregate sees each group's rows in the order of the sort keys
 * (ties in input order). Its arguments are the inner aggregate's {@code innerArity} arguments followed by
 * one per sort key ({@link SortKey#column} counts from the first sort key). Rows are kept (copied batch by
 * batch) until the results are written; then they are sorted by (group, keys) and fed to the inner
 * aggregate in that order. Merging a worker's state adopts its copied batches.
 */
public record OrderedAggregate(AggregateFunction inner, int innerArity, List<SortKey> keys)
        implements AggregateFunction {
    public OrderedAggregate {
        requireNonNull(inner, "inner is null");
        keys = List.copyOf(keys);
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public LogicalType argumentType() {
        return inner.argumentType();
    }

    @Override
    public LogicalType resultType() {
        return inner.resultType();
    }

    @Override
    public GroupedAggregateState newState() {
        throw new IllegalStateException("an aggregate with ORDER BY needs an allocator");
    }

    @Override
    public GroupedAggregateState newState(BufferAllocator allocator) {
        return new State(inner.newState(allocator), allocator);
    }

    private final class State implements GroupedAggregateState {
        private final GroupedAggregateState delegate;
        private final BufferAllocator allocator;
        private final List<FieldVector[]> chunks = new ArrayList<>();
        private final List<int[]> chunkGroups = new ArrayList<>();
        private int rowCount;

        State(GroupedAggregateState delegate, BufferAllocator allocator) {
            this.delegate = delegate;
            this.allocator = allocator;
        }

        @Override
        public void ensureGroups(int groupCount) {
            delegate.ensureGroups(groupCount);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            if (rows == 0) {
                return;
            }
            FieldVector[] copies = new FieldVector[arguments.length];
            for (int k = 0; k < arguments.length; k++) {
                copies[k] = VectorCopies.copy(arguments[k], allocator);
            }
            chunks.add(copies);
            chunkGroups.add(java.util.Arrays.copyOf(groupIds, rows));
            rowCount += rows;
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            updateArguments(new FieldVector[] {argument}, groupIds, rows);
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int c = 0; c < theirs.chunks.size(); c++) {
                int[] groups = theirs.chunkGroups.get(c);
                int[] mapped = new int[groups.length];
                for (int i = 0; i < groups.length; i++) {
                    mapped[i] = mapping[groups[i]];
                }
                // Copied, not taken over: a grouping-sets aggregation merges one state into several coarser ones.
                FieldVector[] theirChunk = theirs.chunks.get(c);
                FieldVector[] copies = new FieldVector[theirChunk.length];
                try {
                    for (int k = 0; k < copies.length; k++) {
                        copies[k] = VectorCopies.copy(theirChunk[k], allocator);
                    }
                } catch (RuntimeException | Error failure) {
                    for (FieldVector copy : copies) {
                        if (copy != null) {
                            copy.close();
                        }
                    }
                    throw failure;
                }
                chunks.add(copies);
                chunkGroups.add(mapped);
                rowCount += groups.length;
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            delegate.ensureGroups(groupCount);
            if (rowCount > 0) {
                feedSorted();
            }
            delegate.writeResults(out, groupCount);
        }

        /** Sorts the kept rows by (group, keys) and passes them to the inner aggregate in that order. */
        private void feedSorted() {
            long[] order = new long[rowCount];
            int n = 0;
            for (int c = 0; c < chunks.size(); c++) {
                int rows = chunkGroups.get(c).length;
                for (int r = 0; r < rows; r++) {
                    order[n++] = ((long) c << 32) | r;
                }
            }
            io.basalt.exec.operator.sort.LongMergeSort.sort(order, new long[n], 0, n, this::compare);
            FieldVector[] sorted = new FieldVector[innerArity];
            int[] groups = new int[n];
            try {
                for (int k = 0; k < innerArity; k++) {
                    FieldVector first = chunks.getFirst()[k];
                    sorted[k] = ValueAccess.allocate(LogicalType.of(first.getField()), "", allocator, Math.max(n, 1));
                }
                for (int i = 0; i < n; i++) {
                    int c = (int) (order[i] >>> 32);
                    int r = (int) order[i];
                    groups[i] = chunkGroups.get(c)[r];
                    FieldVector[] chunk = chunks.get(c);
                    for (int k = 0; k < innerArity; k++) {
                        sorted[k].copyFromSafe(r, i, chunk[k]);
                    }
                }
                for (FieldVector vector : sorted) {
                    vector.setValueCount(n);
                }
                if (innerArity == 1) {
                    delegate.update(sorted[0], groups, n);
                } else {
                    delegate.updateArguments(sorted, groups, n);
                }
            } finally {
                for (FieldVector vector : sorted) {
                    if (vector != null) {
                        vector.close();
                    }
                }
            }
        }

        /** Orders row references by group, then by the sort keys. */
        private int compare(long x, long y) {
            int cx = (int) (x >>> 32);
            int cy = (int) (y >>> 32);
            int rx = (int) x;
            int ry = (int) y;
            int byGroup = Integer.compare(chunkGroups.get(cx)[rx], chunkGroups.get(cy)[ry]);
            if (byGroup != 0) {
                return byGroup;
            }
            FieldVector[] bx = chunks.get(cx);
            FieldVector[] by = chunks.get(cy);
            for (SortKey key : keys) {
                FieldVector vx = bx[innerArity + key.column()];
                FieldVector vy = by[innerArity + key.column()];
                boolean nx = vx.isNull(rx);
                boolean ny = vy.isNull(ry);
                int result;
                if (nx || ny) {
                    result = nx == ny ? 0 : (nx == key.nullsFirst() ? -1 : 1);
                } else {
                    result = ValueComparison.compare(vx, rx, vy, ry);
                    if (key.descending()) {
                        result = -result;
                    }
                }
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public void close() {
            for (FieldVector[] chunk : chunks) {
                for (FieldVector vector : chunk) {
                    vector.close();
                }
            }
            chunks.clear();
            delegate.close();
        }
    }
}
