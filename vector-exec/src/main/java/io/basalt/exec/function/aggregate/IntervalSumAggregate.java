package io.basalt.exec.function.aggregate;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code sum(interval)} and {@code avg(interval)} as PostgreSQL 15 computes them: the months, days and
 * microseconds are added field by field (no carrying between them, as interval addition does), each field raising
 * 22008 "interval out of range" when it leaves its range (months and days are 32-bit, microseconds 64-bit); avg
 * divides the sum by the row count with PostgreSQL's interval division, whose fractional months and days cascade
 * down (a month as 30 days, a day as 24 hours, each rounded to microseconds). Groups without a non-NULL row answer NULL.
 */
public record IntervalSumAggregate(boolean average) implements AggregateFunction {
    private static final int WIDTH = 16;

    @Override
    public String name() {
        return average ? "avg" : "sum";
    }

    @Override
    public LogicalType argumentType() {
        return LogicalType.INTERVAL;
    }

    @Override
    public LogicalType resultType() {
        return LogicalType.INTERVAL;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        private long[] counts = new long[16];
        private long[] months = new long[16];
        private long[] days = new long[16];
        private long[] micros = new long[16];

        @Override
        public void ensureGroups(int groupCount) {
            if (groupCount > counts.length) {
                int size = Math.max(groupCount, counts.length * 2);
                counts = Arrays.copyOf(counts, size);
                months = Arrays.copyOf(months, size);
                days = Arrays.copyOf(days, size);
                micros = Arrays.copyOf(micros, size);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            ArrowBuf data = argument.getDataBuffer();
            boolean noNulls = argument.getNullCount() == 0;
            for (int row = 0; row < rows; row++) {
                if (!noNulls && argument.isNull(row)) {
                    continue;
                }
                long offset = (long) row * WIDTH;
                add(groupIds[row], 1, data.getInt(offset), data.getInt(offset + 4), data.getLong(offset + 8));
            }
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        private void add(int group, long count, long addedMonths, long addedDays, long addedMicros) {
            long newMonths = months[group] + addedMonths;
            long newDays = days[group] + addedDays;
            long newMicros;
            try {
                newMicros = Math.addExact(micros[group], addedMicros);
            } catch (ArithmeticException overflow) {
                throw outOfRange();
            }
            if (newMonths != (int) newMonths || newDays != (int) newDays) {
                throw outOfRange();
            }
            counts[group] += count;
            months[group] = newMonths;
            days[group] = newDays;
            micros[group] = newMicros;
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (theirs.counts[g] > 0) {
                    add(mapping[g], theirs.counts[g], theirs.months[g], theirs.days[g], theirs.micros[g]);
                }
            }
        }

        @Override
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                if (counts[g] == 0) {
                    out.setNull(g);
                    continue;
                }
                Interval sum = new Interval((int) months[g], (int) days[g], micros[g]);
                ValueAccess.set(out, g, average ? divide(sum, counts[g]) : sum);
            }
        }
    }

    /** PostgreSQL 15's {@code interval_div}: whole fields divided, fractions cascaded to days and microseconds. */
    static Interval divide(Interval span, double factor) {
        int resultMonths = (int) (span.months() / factor);
        int resultDays = (int) (span.days() / factor);
        double monthRemainderDays = (span.months() / factor - resultMonths) * 30.0;
        monthRemainderDays = Math.rint(monthRemainderDays * 1_000_000.0) / 1_000_000.0;
        double secondRemainder = (span.days() / factor - resultDays + monthRemainderDays - (int) monthRemainderDays)
                * 86400.0;
        secondRemainder = Math.rint(secondRemainder * 1_000_000.0) / 1_000_000.0;
        if (Math.abs(secondRemainder) >= 86400.0) {
            resultDays += (int) (secondRemainder / 86400.0);
            secondRemainder -= (int) (secondRemainder / 86400.0) * 86400.0;
        }
        resultDays += (int) monthRemainderDays;
        long resultMicros = (long) Math.rint(span.micros() / factor + secondRemainder * 1_000_000.0);
        return new Interval(resultMonths, resultDays, resultMicros);
    }

    private static BasaltException outOfRange() {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
