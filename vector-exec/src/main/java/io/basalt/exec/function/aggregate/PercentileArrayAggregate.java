package io.basalt.exec.function.aggregate;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code percentile_cont(fractions[]) WITHIN GROUP (ORDER BY x)} and {@code percentile_disc(fractions[]) ...}:
 * PostgreSQL's multiple-percentile forms, one result per fraction in an array of the same shape (NULL fractions
 * give NULL elements). Each value is computed as {@link PercentileAggregate} computes its one: linear
 * interpolation between neighbours for cont (double precision or interval), the first value whose position
 * reaches the fraction for disc. Arguments: x, then the fractions (the same for every row of a group).
 */
public record PercentileArrayAggregate(boolean continuous, boolean descending, LogicalType argumentType)
        implements AggregateFunction {
    public PercentileArrayAggregate {
        requireNonNull(argumentType, "argumentType is null");
    }

    @Override
    public String name() {
        return continuous ? "percentile_cont" : "percentile_disc";
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.arrayOf(argumentType);
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        private final GroupedValues values = new GroupedValues(GroupedValues.formOf(argumentType));
        /** Each group's fractions; null until a row brought them, {@link #NULL_FRACTIONS} for a NULL array. */
        private ArrayValue[] fractions = new ArrayValue[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > fractions.length) {
                fractions = Arrays.copyOf(fractions, Math.max(groupCount, fractions.length * 2));
            }
            values.ensure(groupCount);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            for (int i = 0; i < rows; i++) {
                int g = groupIds[i];
                if (fractions[g] == null) {
                    ArrayValue array = (ArrayValue) ValueAccess.get(arguments[1], i);
                    fractions[g] = array == null ? NULL_FRACTIONS : checked(array);
                }
            }
            values.add(arguments[0], groupIds, rows);
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            throw BasaltException.internal(name() + " needs its fractions");
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            throw BasaltException.internal(name() + " needs its fractions");
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (fractions[mapping[g]] == null) {
                    fractions[mapping[g]] = theirs.fractions[g];
                }
            }
            values.merge(theirs.values, mapping, otherGroups);
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                ArrayValue wanted = fractions[g];
                int count = values.size(g);
                if (wanted == null || wanted == NULL_FRACTIONS || count == 0) {
                    out.setNull(g);
                    continue;
                }
                values.sort(g);
                List<Object> results = new ArrayList<>(wanted.length());
                for (int k = 0; k < wanted.length(); k++) {
                    Double fraction = (Double) wanted.get(k);
                    results.add(fraction == null ? null : continuous ? continuous(g, fraction, count)
                            : valueAt(g, position((long) Math.max(Math.ceil(fraction * count) - 1, 0), count)));
                }
                ValueAccess.set(out, g, wanted.length() == 0 ? ArrayValue.of(List.of())
                        : ArrayValue.of(results, wanted.lengths(), wanted.lowerBounds()));
            }
        }

        private int position(long k, int count) {
            return (int) (descending ? count - 1 - k : k);
        }

        private Object valueAt(int g, int index) {
            return switch (values.form()) {
                case LONG -> values.longAt(g, index);
                case DOUBLE -> values.doubleAt(g, index);
                case OBJECT -> values.objectAt(g, index);
            };
        }

        private Object continuous(int g, double fraction, int count) {
            double exact = fraction * (count - 1);
            long firstRow = (long) Math.floor(exact);
            long secondRow = (long) Math.ceil(exact);
            double proportion = exact - firstRow;
            int first = position(firstRow, count);
            int second = position(secondRow, count);
            if (argumentType.id() == TypeId.INTERVAL) {
                Interval low = (Interval) values.objectAt(g, first);
                if (proportion > 0 && secondRow != firstRow) {
                    Interval high = (Interval) values.objectAt(g, second);
                    return low.plus(IntervalScaling.multiply(high.plus(low.negate()), proportion));
                }
                return low;
            }
            double low = values.doubleAt(g, first);
            if (proportion > 0 && secondRow != firstRow) {
                return low + (values.doubleAt(g, second) - low) * proportion;
            }
            return low;
        }
    }

    private static final ArrayValue NULL_FRACTIONS = ArrayValue.of(List.of());

    private static ArrayValue checked(ArrayValue fractions) {
        for (int k = 0; k < fractions.length(); k++) {
            Double fraction = (Double) fractions.get(k);
            if (fraction != null && (fraction < 0 || fraction > 1 || Double.isNaN(fraction))) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                        "percentile value " + fraction + " is not between 0 and 1");
            }
        }
        return fractions;
    }
}
