package io.basalt.exec.function.aggregate;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code bool_and} (alias {@code every}) and {@code bool_or} over boolean: true when every (some) non-null
 * input is true, NULL when there is none. A group keeps whether it has seen a value and the running result.
 */
public record BooleanAggregate(String name, boolean conjunction) implements AggregateFunction {
    public static BooleanAggregate of(String name) {
        return new BooleanAggregate(name, !name.equals("bool_or"));
    }

    @Override
    public LogicalType argumentType() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.BOOLEAN;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        private boolean[] seen = new boolean[16];
        private boolean[] results = new boolean[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > seen.length) {
                int size = Math.max(groupCount, seen.length * 2);
                seen = Arrays.copyOf(seen, size);
                results = Arrays.copyOf(results, size);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            BitVector values = (BitVector) argument;
            for (int i = 0; i < rows; i++) {
                if (!values.isNull(i)) {
                    offer(groupIds[i], values.get(i) != 0);
                }
            }
        }

        private void offer(int g, boolean value) {
            if (!seen[g]) {
                seen[g] = true;
                results[g] = value;
            } else if (conjunction) {
                results[g] &= value;
            } else {
                results[g] |= value;
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (theirs.seen[g]) {
                    offer(mapping[g], theirs.results[g]);
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            if (!(out instanceof BitVector vector)) {
                throw BasaltException.internal(name + " into " + out.getClass().getSimpleName());
            }
            for (int g = 0; g < groupCount; g++) {
                if (seen[g]) {
                    vector.setSafe(g, results[g] ? 1 : 0);
                } else {
                    vector.setNull(g);
                }
            }
        }
    }
}
