package io.basalt.exec.function.scalar;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code justify_hours} (whole 24-hour periods of the time become days), {@code justify_days} (whole
 * 30-day periods become months) and {@code justify_interval} (both, with the fields given one sign), as
 * PostgreSQL computes them: a remainder keeps the sign of what it was taken from, then fields of opposite
 * signs borrow from each other. Infinite intervals stay as they are; overflow of a field is
 * {@code interval out of range}.
 */
public final class JustifyIntervalFunction implements ScalarFunction {
    /** Which justification. */
    public enum Kind { HOURS, DAYS, INTERVAL }

    private static final long DAY = 86_400_000_000L;

    private final Kind kind;

    public JustifyIntervalFunction(Kind kind) {
        this.kind = requireNonNull(kind, "kind is null");
    }

    @Override
    public String name() {
        return "justify_" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector in = (FixedSizeBinaryVector) arguments[0];
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                continue;
            }
            int months = IntervalSlots.months(in, i);
            int days = IntervalSlots.days(in, i);
            long time = IntervalSlots.micros(in, i);
            if (IntervalSlots.isInfinite(months, days, time)) {
                IntervalSlots.set(out, i, months, days, time);
                continue;
            }
            try {
                switch (kind) {
                    case HOURS -> {
                        long wholeDays = time / DAY;
                        time -= wholeDays * DAY;
                        days = Math.toIntExact(days + wholeDays);
                        if (days > 0 && time < 0) {
                            time += DAY;
                            days--;
                        } else if (days < 0 && time > 0) {
                            time -= DAY;
                            days++;
                        }
                    }
                    case DAYS -> {
                        int wholeMonths = days / 30;
                        days -= wholeMonths * 30;
                        months = Math.addExact(months, wholeMonths);
                        if (months > 0 && days < 0) {
                            days += 30;
                            months--;
                        } else if (months < 0 && days > 0) {
                            days -= 30;
                            months++;
                        }
                    }
                    case INTERVAL -> {
                        // Days first when time and days share a sign, so that adding the time's days cannot overflow.
                        if ((days > 0 && time > 0) || (days < 0 && time < 0)) {
                            int wholeMonths = days / 30;
                            days -= wholeMonths * 30;
                            months = Math.addExact(months, wholeMonths);
                        }
                        long wholeDays = time / DAY;
                        time -= wholeDays * DAY;
                        days = Math.toIntExact(days + wholeDays);
                        int wholeMonths = days / 30;
                        days -= wholeMonths * 30;
                        months = Math.addExact(months, wholeMonths);
                        if (months > 0 && (days < 0 || (days == 0 && time < 0))) {
                            days += 30;
                            months--;
                        } else if (months < 0 && (days > 0 || (days == 0 && time > 0))) {
                            days -= 30;
                            months++;
                        }
                        if (days > 0 && time < 0) {
                            time += DAY;
                            days--;
                        } else if (days < 0 && time > 0) {
                            time -= DAY;
                            days++;
                        }
                    }
                }
            } catch (ArithmeticException overflow) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
            }
            IntervalSlots.set(out, i, months, days, time);
        }
        return out;
    }

    /** Value equality: two calls of the same function are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof JustifyIntervalFunction that && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
