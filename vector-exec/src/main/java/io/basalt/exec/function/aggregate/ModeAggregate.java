package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code mode() WITHIN GROUP (ORDER BY x)}: the most frequent non-null value of x, of x's type; among
 * equally frequent values the first in the sort order ({@code descending} is {@code ORDER BY x DESC});
 * NULL for a group without values.
 */
public record ModeAggregate(boolean descending, LogicalType argumentType) implements AggregateFunction {
    public ModeAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return "mode";
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
        private final GroupedValues values = new GroupedValues(GroupedValues.formOf(argumentType));

        @Override
        public void ensureGroups(int groupCount) {
            values.ensure(groupCount);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            values.add(argument, groupIds, rows);
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            values.merge(((State) other).values, mapping, otherGroups);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                int count = values.size(g);
                if (count == 0) {
                    out.setNull(g);
                    continue;
                }
                values.sort(g);
                int best = -1;
                int bestRun = 0;
                int k = 0;
                while (k < count) {
                    int start = descending ? count - 1 - k : k;
                    int run = 1;
                    while (k + run < count && values.sameAt(g, start, descending ? count - 1 - k - run : k + run)) {
                        run++;
                    }
                    if (run > bestRun) {
                        best = start;
                        bestRun = run;
                    }
                    k += run;
                }
                values.write(out, g, g, best);
            }
        }
    }
}
