package io.basalt.exec.function.aggregate;

import java.util.List;

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
 * (group, value) pairs lets through only a pair's first row; a NULL is let through once too, and the inner
 * aggregate applies its own NULL rule ({@code array_agg(DISTINCT x)} keeps one NULL, {@code count} skips it). With further arguments ({@code string_agg(DISTINCT v, d)}, of types
 * {@code extraTypes}) a row is let through once per distinct tuple of all its arguments, NULLs included, and the
 * inner aggregate applies its own NULL rule, as PostgreSQL's de-duplicating sort of the whole argument list does.
 */
public record DistinctAggregate(AggregateFunction inner, List<LogicalType> extraTypes) implements AggregateFunction {
    public DistinctAggregate {
        requireNonNull(inner, "inner is null");
        extraTypes = List.copyOf(extraTypes);
    }

    public DistinctAggregate(AggregateFunction inner) {
        this(inner, List.of());
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
            List<LogicalType> types = new java.util.ArrayList<>();
            types.add(inner.argumentType());
            types.addAll(extraTypes);
            this.pairs = new DistinctPairs(types, allocator);
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

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            if (extraTypes.isEmpty()) {
                forwardNew(arguments[0], groupIds, rows);
            } else {
                forwardNewTuples(arguments, groupIds, rows);
            }
        }

        @Override
        public void updateArgumentsSingleGroup(FieldVector[] arguments, int rows) {
            updateArguments(arguments, new int[rows], rows);
        }

        /** Feeds the inner aggregate the rows whose (group, arguments...) tuple has not been seen before. */
        private void forwardNewTuples(FieldVector[] arguments, int[] groupIds, int rows) {
            int[] fresh = pairs.firstOccurrences(groupIds, arguments, rows, false);
            int count = fresh.length;
            if (count == 0) {
                return;
            }
            int[] groups = new int[count];
            for (int k = 0; k < count; k++) {
                groups[k] = groupIds[fresh[k]];
            }
            FieldVector[] values = new FieldVector[arguments.length];
            try {
                for (int a = 0; a < arguments.length; a++) {
                    values[a] = ValueAccess.allocate(LogicalType.of(arguments[a].getField()), "", allocator, count);
                    VectorGather.gather(arguments[a], fresh, count, values[a]);
                }
                delegate.updateArguments(values, groups, count);
            } finally {
                for (FieldVector value : values) {
                    if (value != null) {
                        value.close();
                    }
                }
            }
        }

        /** Feeds the inner aggregate the rows whose (group, value) pair has not been seen before. */
        private void forwardNew(FieldVector argument, int[] groupIds, int rows) {
            int[] fresh = pairs.firstOccurrences(groupIds, new FieldVector[] {argument}, rows, false);
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
            int n = theirs.pairs.size();
            int[] groupIds = new int[n];
            for (int k = 0; k < n; k++) {
                groupIds[k] = mapping[(int) theirGroups.get(k)];
            }
            if (extraTypes.isEmpty()) {
                forwardNew(theirs.pairs.valueColumn(), groupIds, n);
            } else {
                FieldVector[] theirValues = new FieldVector[1 + extraTypes.size()];
                for (int a = 0; a < theirValues.length; a++) {
                    theirValues[a] = theirs.pairs.valueColumn(a);
                }
                forwardNewTuples(theirValues, groupIds, n);
            }
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
