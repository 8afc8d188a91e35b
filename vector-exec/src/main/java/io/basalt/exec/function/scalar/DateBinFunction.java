package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code date_bin(stride, source, origin)} on timestamps or timestamptz: the start of the stride-wide bin,
 * counted from {@code origin}, that {@code source} falls in. Strides are days and time only (months have
 * no fixed width), so a timestamptz bins exactly as a timestamp does. An infinite source is returned as is.
 */
public final class DateBinFunction implements ScalarFunction {
    public static final DateBinFunction INSTANCE = new DateBinFunction();

    private DateBinFunction() {
    }

    @Override
    public String name() {
        return "date_bin";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector strides = (FixedSizeBinaryVector) arguments[0];
        BigIntVector sources = (BigIntVector) arguments[1];
        BigIntVector origins = (BigIntVector) arguments[2];
        BigIntVector out = (BigIntVector) context.newVector(resultType, rows);
        for (int i = 0; i < rows; i++) {
            if (strides.isNull(i) || sources.isNull(i) || origins.isNull(i)) {
                continue;
            }
            out.set(i, bin(IntervalSlots.months(strides, i), IntervalSlots.days(strides, i),
                    IntervalSlots.micros(strides, i), sources.get(i), origins.get(i)));
        }
        return out;
    }

    /** The bin start of {@code source}; PostgreSQL's errors for bad strides, origins and overflow. */
    static long bin(int months, int days, long time, long source, long origin) {
        if (IntervalSlots.isInfinite(months, days, time)) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "timestamps cannot be binned into infinite intervals");
        }
        if (!Calendar.isFiniteTimestamp(source)) {
            return source;
        }
        if (!Calendar.isFiniteTimestamp(origin)) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "origin out of range");
        }
        if (months != 0) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "timestamps cannot be binned into intervals containing months or years");
        }
        long stride;
        long difference;
        try {
            stride = Math.addExact(Math.multiplyExact((long) days, Calendar.MICROS_PER_DAY), time);
            if (stride <= 0) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "stride must be greater than zero");
            }
            difference = Math.subtractExact(source, origin);
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        long remainder = difference % stride;
        long delta = difference - remainder;
        // A source before the origin belongs to the bin that starts before it, not after.
        if (difference < 0 && remainder != 0) {
            delta -= stride;
        }
        try {
            long result = Math.addExact(origin, delta);
            if (result < Calendar.FIRST_TIMESTAMP || result == Calendar.TIMESTAMP_INFINITY) {
                throw new ArithmeticException();
            }
            return result;
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range");
        }
    }
}
