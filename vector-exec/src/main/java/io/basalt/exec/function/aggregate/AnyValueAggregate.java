package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code any_value(x)} (PostgreSQL 16): an arbitrary non-NULL value of the group, NULL when it has none. Basalt
 * keeps the first one it meets, so a sequential run gives the group's first non-NULL value in input order. A group
 * stops looking at its rows once it holds a value: only that one value is ever read out of the vector.
 */
public record AnyValueAggregate(LogicalType type) implements AggregateFunction {
    public AnyValueAggregate {
        requireNonNull(type, "type is null");
    }

    @Override
    public String name() {
        return "any_value";
    }

    @Override
    public LogicalType argumentType() {
        return type;
    }

    @Override
    public LogicalType resultType() {
        return type;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private static final class State implements GroupedAggregateState {
        private Object[] values = new Object[0];
        private boolean[] found = new boolean[0];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > found.length) {
                int size = Math.max(groupCount, found.length * 2);
                values = Arrays.copyOf(values, size);
                found = Arrays.copyOf(found, size);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            for (int row = 0; row < rows; row++) {
                int group = groupIds[row];
                if (!found[group] && !argument.isNull(row)) {
                    found[group] = true;
                    values[group] = ValueAccess.get(argument, row);
                }
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            ensureGroups(1);
            for (int row = 0; row < rows && !found[0]; row++) {
                if (!argument.isNull(row)) {
                    found[0] = true;
                    values[0] = ValueAccess.get(argument, row);
                }
            }
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int group = 0; group < otherGroups; group++) {
                int mine = mapping[group];
                if (!found[mine] && theirs.found[group]) {
                    found[mine] = true;
                    values[mine] = theirs.values[group];
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int group = 0; group < groupCount; group++) {
                ValueAccess.set(out, group, group < found.length && found[group] ? values[group] : null);
            }
        }
    }
}
