package io.basalt.exec.function.aggregate;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ArrayVectors;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code array_agg(x)}: the group's values, NULLs included, in the order they arrive, as an array of the
 * argument's type; NULL for a group without rows. Values are copied into one Arrow vector of the argument
 * type as they come (no boxing), each group's values chained through an index list, and laid out group by
 * group when the results are written. array_agg of arrays stacks them into an array of one more dimension
 * (PostgreSQL's array_agg(anyarray)): NULL and empty arrays and arrays of differing shapes fail.
 */
public record ArrayAggregate(LogicalType argumentType) implements AggregateFunction {
    @Override
    public String name() {
        return "array_agg";
    }

    @Override
    public LogicalType resultType() {
        return argumentType.isArray() ? argumentType : LogicalType.arrayOf(argumentType);
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
            if (ArrayVectors.isArray(source)) {
                checkSubarray(source, row, first[group] == NONE);
            }
            VectorGather.copyValue(source, row, values, index);
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

        /** array_agg(anyarray) accepts neither NULL nor empty arrays (worded as PostgreSQL 15 words each case). */
        private static void checkSubarray(FieldVector source, int row, boolean firstOfGroup) {
            if (source.isNull(row)) {
                throw BasaltException.of(SqlState.NULL_VALUE_NOT_ALLOWED, "cannot accumulate null arrays");
            }
            if (ArrayVectors.dimensionCount(source, row) == 0) {
                throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR, firstOfGroup
                        ? "cannot accumulate empty arrays" : "cannot accumulate arrays of different dimensionality");
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            if (ArrayVectors.isArray(values)) {
                writeStacked(out, groupCount);
                return;
            }
            FieldVector arrays = out;
            FieldVector elements = ArrayVectors.elements(arrays);
            for (int g = 0; g < groupCount; g++) {
                if (first[g] == NONE) {
                    ArrayVectors.setNull(arrays, g);
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

        /** Each group's arrays as the items of one more (first) dimension; they must all have one shape. */
        private void writeStacked(FieldVector out, int groupCount) {
            FieldVector elements = ArrayVectors.elements(out);
            FieldVector sources = ArrayVectors.elements(values);
            for (int g = 0; g < groupCount; g++) {
                if (first[g] == NONE) {
                    ArrayVectors.setNull(out, g);
                    continue;
                }
                int head = first[g];
                int dimensions = ArrayVectors.dimensionCount(values, head);
                int[] lengths = new int[dimensions + 1];
                int[] lowerBounds = new int[dimensions + 1];
                lowerBounds[0] = 1;
                for (int d = 0; d < dimensions; d++) {
                    lengths[d + 1] = ArrayVectors.dimensionLength(values, head, d);
                    lowerBounds[d + 1] = ArrayVectors.lowerBound(values, head, d);
                }
                int start = ArrayVectors.startRow(out, g);
                int count = 0;
                for (int k = first[g]; k != NONE; k = next[k]) {
                    if (!sameShape(values, k, lengths, lowerBounds)) {
                        throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                                "cannot accumulate arrays of different dimensionality");
                    }
                    for (int e = ArrayVectors.start(values, k), end = ArrayVectors.end(values, k); e < end; e++) {
                        elements.copyFromSafe(e, start + count++, sources);
                    }
                    lengths[0]++;
                }
                ArrayVectors.endRow(out, g, count, lengths, lowerBounds);
            }
        }

        private static boolean sameShape(FieldVector arrays, int row, int[] lengths, int[] lowerBounds) {
            int dimensions = ArrayVectors.dimensionCount(arrays, row);
            if (dimensions != lengths.length - 1) {
                return false;
            }
            for (int d = 0; d < dimensions; d++) {
                if (ArrayVectors.dimensionLength(arrays, row, d) != lengths[d + 1]
                        || ArrayVectors.lowerBound(arrays, row, d) != lowerBounds[d + 1]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void close() {
            values.close();
        }
    }
}
