package io.basalt.exec.function.aggregate;

import io.basalt.exec.kernel.ArrowSegments;
import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.Kernels;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/** {@code count(*)} (no argument: counts rows) and {@code count(x)} (counts non-null values); bigint. */
public record CountAggregate(LogicalType argumentType) implements AggregateFunction {
    public static CountAggregate star() {
        return new CountAggregate(null);
    }

    @Override
    public String name() {
        return "count";
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.BIGINT;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private static final Kernels KERNELS = KernelProvider.kernels();

    private static final class State implements PositionedAggregateState, GroupedPositionedState, SummedValuesState {
        private long[] counts = new long[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > counts.length) {
                counts = Arrays.copyOf(counts, Math.max(groupCount, counts.length * 2));
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            if (argument == null || argument.getNullCount() == 0) {
                for (int i = 0; i < rows; i++) {
                    counts[groupIds[i]]++;
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    if (!argument.isNull(i)) {
                        counts[groupIds[i]]++;
                    }
                }
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            counts[0] += argument == null ? rows : rows - argument.getNullCount();
        }

        @Override
        public boolean takesSums() {
            return true;
        }

        @Override
        public int summedNeeds() {
            return 0;
        }

        @Override
        public void addSummed(long low, long high, long valid, long min, long max) {
            counts[0] += valid;
        }

        @Override
        public boolean updatesAtPositions(FieldVector argument) {
            return true;
        }

        @Override
        public void updateSingleGroupAt(FieldVector argument, int[] positions, int count) {
            counts[0] += argument == null ? count
                    : KERNELS.countValidAt(ArrowSegments.validity(argument), positions, count);
        }

        @Override
        public boolean updatesGroupedAt(FieldVector argument) {
            return true;
        }

        @Override
        public void updateAt(FieldVector argument, int[] positions, int[] groupIds, int count) {
            if (argument == null || ArrowSegments.nullCount(argument) == 0) {
                for (int k = 0; k < count; k++) {
                    counts[groupIds[k]]++;
                }
            } else {
                for (int k = 0; k < count; k++) {
                    if (!argument.isNull(positions[k])) {
                        counts[groupIds[k]]++;
                    }
                }
            }
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            long[] theirs = ((State) other).counts;
            for (int g = 0; g < otherGroups; g++) {
                counts[mapping[g]] += theirs[g];
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            BigIntVector vector = (BigIntVector) out;
            for (int g = 0; g < groupCount; g++) {
                vector.setSafe(g, counts[g]);
            }
        }
    }
}
