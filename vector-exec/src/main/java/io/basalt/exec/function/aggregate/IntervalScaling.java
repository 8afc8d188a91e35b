package io.basalt.exec.function.aggregate;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;

/**
 * {@code interval * double precision} as PostgreSQL 15's {@code interval_mul} computes it, so that
 * interpolated interval percentiles agree with it: whole months and days scale separately, their
 * fractions cascade down (a month as 30 days, a day as 24 hours) after rounding to microseconds, and the
 * time part is rounded to the nearest microsecond.
 */
final class IntervalScaling {
    private static final double DAYS_PER_MONTH = 30.0;
    private static final double SECONDS_PER_DAY = 86400.0;
    private static final double PRECISION = 1_000_000.0;

    private IntervalScaling() {
    }

    static Interval multiply(Interval span, double factor) {
        double months = span.months() * factor;
        if (Double.isNaN(months) || months > Integer.MAX_VALUE || months < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        int resultMonths = (int) months;
        double days = span.days() * factor;
        if (Double.isNaN(days) || days > Integer.MAX_VALUE || days < Integer.MIN_VALUE) {
            throw outOfRange();
        }
        int resultDays = (int) days;
        double monthRemainderDays = round((span.months() * factor - resultMonths) * DAYS_PER_MONTH);
        double secondRemainder = round((span.days() * factor - resultDays + monthRemainderDays
                - (int) monthRemainderDays) * SECONDS_PER_DAY);
        if (Math.abs(secondRemainder) >= SECONDS_PER_DAY) {
            resultDays += (int) (secondRemainder / SECONDS_PER_DAY);
            secondRemainder -= (int) (secondRemainder / SECONDS_PER_DAY) * SECONDS_PER_DAY;
        }
        resultDays += (int) monthRemainderDays;
        double micros = Math.rint(span.micros() * factor + secondRemainder * PRECISION);
        if (Double.isNaN(micros) || micros < -0x1p63 || micros >= 0x1p63) {
            throw outOfRange();
        }
        return new Interval(resultMonths, resultDays, (long) micros);
    }

    /** PostgreSQL's {@code TSROUND}: to the nearest microsecond's worth of the unit. */
    private static double round(double value) {
        return Math.rint(value * PRECISION) / PRECISION;
    }

    private static BasaltException outOfRange() {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
