package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.operator.aggregate.DistinctPairs;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code agg(DISTINCT x)}: the inner aggregate sees each value once per group. A table of distinct
 * (group, value) pairs lets through only a pair's first row; NULLs never reach the inner aggregate,
 * which ignores them anyway.
 */
public record DistinctAggregate(AggregateFunction inner) implements AggregateFunction {
    public DistinctAggregate {
        requireNonNull(inner, "inner is null");
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
        throw new IllegalStateException("a DISTINCT aggregate needs an allocator");
    }

    @Override
    public GroupedAggregateState newState(BufferAllocator allocator) {
        return new State(inner.newState(allocator), allocator);
    }

    private final class State implements GroupedAggregateState {
        private final GroupedAggregateState delegate;
        private final BufferAllocator allocator;
        private final DistinctPairs pairs;

        State(GroupedAggregateState delegate, BufferAllocator allocator) {
            this.delegate = delegate;
            this.allocator = allocator;
            this.pairs = new DistinctPairs(inner.argumentType(), allocator);
        }

        @Override
        public void ensureGroups(int groupCount) {
            delegate.ensureGroups(groupCount);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            forwardNew(argument, groupIds, rows);
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            forwardNew(argument, new int[rows], rows);
        }

        /** Feeds the inner aggregate the rows whose (group, value) pair has not been seen before. */
        private void forwardNew(FieldVector argument, int[] groupIds, int rows) {
            int[] fresh = pairs.firstOccurrences(groupIds, argument, rows);
            int count = fresh.length;
            if (count == 0) {
                return;
            }
            int[] groups = new int[count];
            for (int k = 0; k < count; k++) {
                groups[k] = groupIds[fresh[k]];
            }
            try (FieldVector values = ValueAccess.allocate(LogicalType.of(argument.getField()), "", allocator, count)) {
                VectorGather.gather(argument, fresh, count, values);
                delegate.update(values, groups, count);
            }
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            BigIntVector theirGroups = theirs.pairs.groupColumn();
            FieldVector theirValues = theirs.pairs.valueColumn();
            int n = theirs.pairs.size();
            int[] groupIds = new int[n];
            for (int k = 0; k < n; k++) {
                groupIds[k] = mapping[(int) theirGroups.get(k)];
            }
            forwardNew(theirValues, groupIds, n);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            delegate.writeResults(out, groupCount);
        }

        @Override
        public void close() {
            pairs.close();
            delegate.close();
        }
    }
}
