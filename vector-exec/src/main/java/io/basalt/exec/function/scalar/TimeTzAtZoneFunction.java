package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.TimeValues;
import io.basalt.type.datetime.TimeWithZone;
import java.time.ZoneId;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code timetz AT TIME ZONE zone} ({@code timezone(zone, timetz)}): the same instant of the day seen at
 * another offset, wrapped around midnight. A named zone's offset is the one it has at the statement's start
 * (a timetz has no date to say otherwise), as PostgreSQL uses the transaction's; an interval zone is an offset
 * east of UTC (whole seconds), which must be finite and have no months or days.
 */
public final class TimeTzAtZoneFunction implements ScalarFunction {
    private final boolean intervalZone;
    private final ZoneId constantZone;
    private final long statementMicros;

    /**
     * {@code intervalZone}: the zone argument is an interval; {@code constantZone}: the named zone resolved
     * ahead, or null; {@code statementMicros}: the instant whose offset a named zone contributes.
     */
    public TimeTzAtZoneFunction(boolean intervalZone, ZoneId constantZone, long statementMicros) {
        this.intervalZone = intervalZone;
        this.constantZone = constantZone;
        this.statementMicros = statementMicros;
    }

    @Override
    public String name() {
        return "timezone";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector zones = arguments[0];
        BigIntVector in = (BigIntVector) arguments[1];
        BigIntVector out = (BigIntVector) context.newVector(resultType, rows);
        RowZones rowZones = new RowZones(constantZone);
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i) || zones.isNull(i)) {
                continue;
            }
            int offset;
            if (intervalZone) {
                offset = intervalOffset(Interval.fromBytes(((FixedSizeBinaryVector) zones).get(i)));
            } else {
                offset = DateTimeValues.offsetAt(statementMicros, rowZones.at(zones, i));
            }
            long value = in.get(i);
            long time = TimeValues.wrap(TimeWithZone.time(value) + (offset - TimeWithZone.offset(value)) * 1_000_000L);
            out.set(i, TimeWithZone.pack(time, offset));
        }
        return out;
    }

    /** An interval zone's offset east of UTC in whole seconds; PostgreSQL's errors for one that is no offset. */
    static int intervalOffset(Interval interval) {
        String text = null;
        if (!interval.isFinite()) {
            text = interval.months() > 0 ? "infinity" : "-infinity";
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "interval time zone \"" + text + "\" must be finite");
        }
        if (interval.months() != 0 || interval.days() != 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "interval time zone \""
                    + io.basalt.type.datetime.DateTimeConversion.format(interval, LogicalType.INTERVAL,
                    io.basalt.type.datetime.DateTimeSettings.DEFAULT) + "\" must not include months or days");
        }
        long seconds = interval.micros() / 1_000_000L;
        if (Math.abs(seconds) > TimeWithZone.MAX_OFFSET_SECONDS) {
            throw BasaltException.of(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE, "time zone displacement out of range");
        }
        return (int) seconds;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeTzAtZoneFunction that && intervalZone == that.intervalZone
                && java.util.Objects.equals(constantZone, that.constantZone) && statementMicros == that.statementMicros;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), intervalZone, constantZone, statementMicros);
    }
}
