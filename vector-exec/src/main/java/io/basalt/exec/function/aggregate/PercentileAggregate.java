package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.Arrays;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;

/**
 * The ordered-set aggregates {@code percentile_cont(f) WITHIN GROUP (ORDER BY x)} (x double precision or
 * interval; the value at fraction f of the sorted group, interpolated linearly between neighbours) and
 * {@code percentile_disc(f) WITHIN GROUP (ORDER BY x)} (any sortable x; the first value whose position
 * reaches f). Arguments: x, then the fraction (the same for every row of a group, as PostgreSQL requires
 * of direct arguments). A NULL fraction gives NULL; one outside [0, 1] is an error; a group without
 * non-null x gives NULL. {@code descending} is {@code ORDER BY x DESC}.
 */
public record PercentileAggregate(boolean continuous, boolean descending, LogicalType argumentType)
        implements AggregateFunction {
    public PercentileAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return continuous ? "percentile_cont" : "percentile_disc";
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
        /** The group's fraction; NaN until a row brought one, {@link #NULL_FRACTION} for a NULL one. */
        private double[] fractions = newFractions(16);

        private static double[] newFractions(int size) {
            double[] fractions = new double[size];
            Arrays.fill(fractions, UNSEEN);
            return fractions;
        }

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > fractions.length) {
                int old = fractions.length;
                fractions = Arrays.copyOf(fractions, Math.max(groupCount, old * 2));
                Arrays.fill(fractions, old, fractions.length, UNSEEN);
            }
            values.ensure(groupCount);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            Float8Vector fraction = (Float8Vector) arguments[1];
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (Double.isNaN(fractions[g])) {
                    fractions[g] = fraction.isNull(i) ? NULL_FRACTION : checked(fraction.get(i));
                }
            }
            values.add(arguments[0], groupIds, rows);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            throw BasaltException.internal(name() + " needs its fraction");
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            throw BasaltException.internal(name() + " needs its fraction");
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (Double.isNaN(fractions[mapping[g]])) {
                    fractions[mapping[g]] = theirs.fractions[g];
                }
            }
            values.merge(theirs.values, mapping, otherGroups);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                double fraction = fractions[g];
                int count = values.size(g);
                if (fraction == NULL_FRACTION || Double.isNaN(fraction) || count == 0) {
                    out.setNull(g);
                    continue;
                }
                values.sort(g);
                if (continuous) {
                    writeContinuous(out, g, fraction, count);
                } else {
                    long row = (long) Math.ceil(fraction * count);
                    values.write(out, g, g, position(Math.max(row - 1, 0), count));
                }
            }
        }

        /** The index in ascending order of position {@code k} of the group's sort order. */
        private int position(long k, int count) {
            return (int) (descending ? count - 1 - k : k);
        }

        private void writeContinuous(FieldVector out, int g, double fraction, int count) {
            double exact = fraction * (count - 1);
            long firstRow = (long) Math.floor(exact);
            long secondRow = (long) Math.ceil(exact);
            double proportion = exact - firstRow;
            int first = position(firstRow, count);
            int second = position(secondRow, count);
            if (argumentType.id() == TypeId.INTERVAL) {
                Interval low = (Interval) values.objectAt(g, first);
                Interval result = low;
                if (proportion > 0 && secondRow != firstRow) {
                    Interval high = (Interval) values.objectAt(g, second);
                    result = low.plus(IntervalScaling.multiply(high.plus(low.negate()), proportion));
                }
                ((FixedSizeBinaryVector) out).setSafe(g, result.toBytes());
                return;
            }
            double low = values.doubleAt(g, first);
            double result = low;
            if (proportion > 0 && secondRow != firstRow) {
                double high = values.doubleAt(g, second);
                result = low + (high - low) * proportion;
            }
            ((Float8Vector) out).setSafe(g, result);
        }
    }

    private static final double UNSEEN = Double.NaN;
    private static final double NULL_FRACTION = Double.NEGATIVE_INFINITY;

    private static double checked(double fraction) {
        if (fraction < 0 || fraction > 1 || Double.isNaN(fraction)) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "percentile value " + shortest(fraction) + " is not between 0 and 1");
        }
        return fraction;
    }

    /** The fraction as C's {@code %g} prints it for the values users write (0.5, 1.5, -1, 2). */
    private static String shortest(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        java.math.BigDecimal rounded = new java.math.BigDecimal(value).round(new java.math.MathContext(6));
        return rounded.stripTrailingZeros().toPlainString();
    }
}
