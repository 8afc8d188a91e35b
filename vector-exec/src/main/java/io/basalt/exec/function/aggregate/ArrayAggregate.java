package io.basalt.exec.function.aggregate;

import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * {@code array_agg(x)}: the group's values, NULLs included, in the order they arrive, as an array of the
 * argument's type; NULL for a group without rows. Values are copied into one Arrow vector of the argument
 * type as they come (no boxing), each group's values chained through an index list, and laid out group by
 * group when the results are written.
 */
public record ArrayAggregate(LogicalType argumentType) implements AggregateFunction {
    @Override
    public String name() {
        return "array_agg";
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.arrayOf(argumentType);
    }

    @Override
    public GroupedAggregateState newState() {
        throw new UnsupportedOperationException("array_agg keeps its values in Arrow memory: use newState(allocator)");
    }

    @Override
    public GroupedAggregateState newState(BufferAllocator allocator) {
        return new State(ValueAccess.allocate(argumentType, "array_agg", allocator, 64));
    }

    private static final class State implements GroupedAggregateState {
        private static final int NONE = -1;
        private final FieldVector values;
        private int valueCount;
        /** The value after each value in its group, or NONE. */
        private int[] next = new int[64];
        private int[] first = new int[16];
        private int[] last = new int[16];

        State(FieldVector values) {
            this.values = values;
            Arrays.fill(first, NONE);
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > first.length) {
                int size = Math.max(groupCount, first.length * 2);
                int old = first.length;
                first = Arrays.copyOf(first, size);
                last = Arrays.copyOf(last, size);
                Arrays.fill(first, old, size, NONE);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            for (int i = 0; i < rows; i++) {
                add(argument, i, groupIds[i]);
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            for (int i = 0; i < rows; i++) {
                add(argument, i, 0);
            }
        }

        private void add(FieldVector source, int row, int group) {
            int index = valueCount++;
            if (index == next.length) {
                next = Arrays.copyOf(next, next.length * 2);
            }
            values.copyFromSafe(row, index, source);
            next[index] = NONE;
            if (first[group] == NONE) {
                first[group] = index;
            } else {
                next[last[group]] = index;
            }
            last[group] = index;
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                for (int k = theirs.first[g]; k != NONE; k = theirs.next[k]) {
                    add(theirs.values, k, mapping[g]);
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            ListVector arrays = (ListVector) out;
            FieldVector elements = ArrayVectors.elements(arrays);
            for (int g = 0; g < groupCount; g++) {
                if (first[g] == NONE) {
                    arrays.setNull(g);
                    continue;
                }
                int start = ArrayVectors.startRow(arrays, g);
                int count = 0;
                for (int k = first[g]; k != NONE; k = next[k]) {
                    elements.copyFromSafe(k, start + count++, values);
                }
                ArrayVectors.endRow(arrays, g, count);
            }
        }

        @Override
        public void close() {
            values.close();
        }
    }
}
