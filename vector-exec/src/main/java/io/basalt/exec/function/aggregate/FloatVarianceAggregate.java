package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * Variance and standard deviation of real/double precision inputs, double precision, computed as
 * PostgreSQL does so that results agree to the last digit: each group keeps N, Sx = sum(x) and
 * Sxx = sum((x - mean)^2) updated by the Youngs-Cramer recurrence, and partial states combine with the
 * matching pairwise formula. An infinite or NaN input makes the result NaN; a sum that overflows from
 * finite inputs is an error.
 */
public record FloatVarianceAggregate(String name, VarianceKind kind) implements AggregateFunction {
    public FloatVarianceAggregate {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
    }

    @Override
    public LogicalType argumentType() {
        return LogicalType.DOUBLE;
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.DOUBLE;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    static BasaltException overflow() {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
    }

    private final class State implements GroupedAggregateState {
        private double[] counts = new double[16];
        private double[] sums = new double[16];
        private double[] squares = new double[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > counts.length) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                sums = Arrays.copyOf(sums, size);
                squares = Arrays.copyOf(squares, size);
            }
        }

        /** One Youngs-Cramer step, in PostgreSQL's order of operations. */
        private void add(int g, double value) {
            double previousCount = counts[g];
            double previousSum = sums[g];
            double n = previousCount + 1.0;
            double sx = previousSum + value;
            double sxx = squares[g];
            if (previousCount > 0.0) {
                double difference = value * n - sx;
                sxx += difference * difference / (n * previousCount);
                if (Double.isInfinite(sx) || Double.isInfinite(sxx)) {
                    if (!Double.isInfinite(previousSum) && !Double.isInfinite(value)) {
                        throw overflow();
                    }
                    sxx = Double.NaN;
                }
            } else if (Double.isNaN(value) || Double.isInfinite(value)) {
                sxx = Double.NaN;
            }
            counts[g] = n;
            sums[g] = sx;
            squares[g] = sxx;
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            Float8Vector values = (Float8Vector) argument;
            if (values.getNullCount() == 0) {
                for (int i = 0; i < rows; i++) {
                    add(groupIds[i], values.get(i));
                }
            } else {
                for (int i = 0; i < rows; i++) {
                    if (!values.isNull(i)) {
                        add(groupIds[i], values.get(i));
                    }
                }
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
                double n2 = theirs.counts[g];
                if (n2 == 0.0) {
                    continue;
                }
                int target = mapping[g];
                double n1 = counts[target];
                if (n1 == 0.0) {
                    counts[target] = n2;
                    sums[target] = theirs.sums[g];
                    squares[target] = theirs.squares[g];
                    continue;
                }
                double sx1 = sums[target];
                double sx2 = theirs.sums[g];
                double n = n1 + n2;
                double sx = sx1 + sx2;
                if (Double.isInfinite(sx) && !Double.isInfinite(sx1) && !Double.isInfinite(sx2)) {
                    throw overflow();
                }
                double difference = sx1 / n1 - sx2 / n2;
                double sxx1 = squares[target];
                double sxx2 = theirs.squares[g];
                double sxx = sxx1 + sxx2 + n1 * n2 * difference * difference / n;
                if (Double.isInfinite(sxx) && !Double.isInfinite(sxx1) && !Double.isInfinite(sxx2)) {
                    throw overflow();
                }
                counts[target] = n;
                sums[target] = sx;
                squares[target] = sxx;
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            Float8Vector vector = (Float8Vector) out;
            for (int g = 0; g < groupCount; g++) {
                double n = counts[g];
                if (kind.sample() ? n <= 1.0 : n == 0.0) {
                    vector.setNull(g);
                    continue;
                }
                double variance = squares[g] / (kind.sample() ? n - 1.0 : n);
                vector.setSafe(g, kind.root() ? Math.sqrt(variance) : variance);
            }
        }
    }
}
