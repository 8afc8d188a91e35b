package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeValues;
import java.time.ZoneId;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code ts AT TIME ZONE zone} ({@code timezone(zone, ts)}): a timestamptz becomes the wall-clock
 * timestamp in {@code zone}; a timestamp is read as wall-clock time in {@code zone} and becomes a
 * timestamptz. The zone is a name (resolved once when it is a constant) or an interval offset east of
 * UTC. Infinite values stay infinite.
 */
public final class AtTimeZoneFunction implements ScalarFunction {
    private final boolean toLocal;
    private final boolean intervalZone;
    private final ZoneId constantZone;

    /**
     * {@code toLocal}: timestamptz to timestamp (else the reverse); {@code intervalZone}: the zone argument is
     * an interval; {@code constantZone}: the named zone resolved ahead, or null.
     */
    public AtTimeZoneFunction(boolean toLocal, boolean intervalZone, ZoneId constantZone) {
        this.toLocal = toLocal;
        this.intervalZone = intervalZone;
        this.constantZone = constantZone;
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
            long value = in.get(i);
            Interval interval = intervalZone ? Interval.fromBytes(((FixedSizeBinaryVector) zones).get(i)) : null;
            if (interval != null && !interval.isFinite()) {
                TimeTzAtZoneFunction.intervalOffset(interval);
            }
            if (!Calendar.isFiniteTimestamp(value)) {
                out.set(i, value);
                continue;
            }
            long offsetMicros;
            if (intervalZone) {
                if (interval.months() != 0 || interval.days() != 0) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "interval time zone \""
                            + io.basalt.type.datetime.DateTimeConversion.format(interval, LogicalType.INTERVAL,
                            io.basalt.type.datetime.DateTimeSettings.DEFAULT) + "\" must not include months or days");
                }
                offsetMicros = interval.micros();
            } else {
                ZoneId zone = rowZones.at(zones, i);
                offsetMicros = (toLocal ? DateTimeValues.offsetAt(value, zone)
                        : DateTimeValues.offsetOfLocal(value, zone)) * 1_000_000L;
            }
            out.set(i, toLocal ? value + offsetMicros : value - offsetMicros);
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AtTimeZoneFunction that && toLocal == that.toLocal && intervalZone == that.intervalZone
                && java.util.Objects.equals(constantZone, that.constantZone);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), toLocal, intervalZone, constantZone);
    }
}
