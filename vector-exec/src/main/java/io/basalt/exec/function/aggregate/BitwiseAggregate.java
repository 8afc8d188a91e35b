package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * {@code bit_and} / {@code bit_or} over smallint, integer or bigint: the bitwise AND (OR) of the non-null
 * inputs, of the argument's type; NULL when there is none. Every width runs in a long per group.
 */
public record BitwiseAggregate(boolean conjunction, LogicalType argumentType) implements AggregateFunction {
    public BitwiseAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return conjunction ? "bit_and" : "bit_or";
    }

    @Override
    public LogicalType resultType() {
        return argumentType;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        private boolean[] seen = new boolean[16];
        private long[] results = new long[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > seen.length) {
                int size = Math.max(groupCount, seen.length * 2);
                seen = Arrays.copyOf(seen, size);
                results = Arrays.copyOf(results, size);
            }
        }

        private void offer(int g, long value) {
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
        public void update(FieldVector argument, int[] groupIds, int rows) {
            switch (argument) {
                case SmallIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case IntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                case BigIntVector v -> {
                    for (int i = 0; i < rows; i++) {
                        if (!v.isNull(i)) {
                            offer(groupIds[i], v.get(i));
                        }
                    }
                }
                default -> throw BasaltException.internal(name() + " over " + argument.getClass().getSimpleName());
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
            for (int g = 0; g < groupCount; g++) {
                if (!seen[g]) {
                    out.setNull(g);
                    continue;
                }
                switch (out) {
                    case SmallIntVector v -> v.setSafe(g, (short) results[g]);
                    case IntVector v -> v.setSafe(g, (int) results[g]);
                    case BigIntVector v -> v.setSafe(g, results[g]);
                    default -> throw BasaltException.internal(name() + " into " + out.getClass().getSimpleName());
                }
            }
        }
    }
}
