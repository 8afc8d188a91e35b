package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;

/**
 * {@code make_interval(years, months, weeks, days, hours, mins, secs)}: an interval from its fields (the
 * binder fills omitted ones with 0), years folded into months and weeks into days; any field that
 * overflows its part of the interval, and infinite or NaN seconds, fail with {@code interval out of range}
 * as in PostgreSQL.
 */
public final class MakeIntervalFunction implements ScalarFunction {
    public static final MakeIntervalFunction INSTANCE = new MakeIntervalFunction();

    private MakeIntervalFunction() {
    }

    @Override
    public String name() {
        return "make_interval";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        IntVector years = (IntVector) arguments[0];
        IntVector months = (IntVector) arguments[1];
        IntVector weeks = (IntVector) arguments[2];
        IntVector days = (IntVector) arguments[3];
        IntVector hours = (IntVector) arguments[4];
        IntVector minutes = (IntVector) arguments[5];
        Float8Vector seconds = (Float8Vector) arguments[6];
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (years.isNull(i) || months.isNull(i) || weeks.isNull(i) || days.isNull(i) || hours.isNull(i)
                    || minutes.isNull(i) || seconds.isNull(i)) {
                continue;
            }
            double secs = seconds.get(i);
            if (Double.isInfinite(secs) || Double.isNaN(secs)) {
                throw outOfRange();
            }
            double micros = secs * 1_000_000.0;
            if (Double.isInfinite(micros)) {
                throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value out of range: overflow");
            }
            micros = Math.rint(micros);
            // The doubles a long holds exactly end below 2^63.
            if (!(micros >= -9.223372036854775808E18 && micros < 9.223372036854775808E18)) {
                throw outOfRange();
            }
            try {
                int totalMonths = Math.addExact(Math.multiplyExact(years.get(i), 12), months.get(i));
                int totalDays = Math.addExact(Math.multiplyExact(weeks.get(i), 7), days.get(i));
                long time = Math.addExact(Math.addExact(Math.multiplyExact((long) hours.get(i), 3_600_000_000L),
                        Math.multiplyExact((long) minutes.get(i), 60_000_000L)), (long) micros);
                IntervalSlots.set(out, i, totalMonths, totalDays, time);
            } catch (ArithmeticException overflow) {
                throw outOfRange();
            }
        }
        return out;
    }

    private static BasaltException outOfRange() {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
    }
}
