package io.basalt.binder;

import io.basalt.exec.function.scalar.AtTimeZoneFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.TimeZoneNames;
import java.time.ZoneId;
import java.util.List;

/**
 * Binds PostgreSQL's date/time functions that take or return zones and build values from parts:
 * {@code timezone(zone, ts)} (what {@code AT TIME ZONE} parses into). An untyped timestamp literal is read as
 * a timestamptz and a date becomes one, as PostgreSQL's resolution prefers.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    /** {@code timezone(zone, value)}, or null when the arguments fit no variant. */
    static BoundExpression timezone(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 2) {
            return null;
        }
        BoundExpression zone = arguments.get(0);
        BoundExpression value = arguments.get(1);
        TypeId valueType = value.type().id();
        if (valueType == TypeId.UNKNOWN || valueType == TypeId.DATE) {
            value = Coercion.cast(value, LogicalType.TIMESTAMPTZ, false);
            valueType = TypeId.TIMESTAMPTZ;
        }
        if (valueType != TypeId.TIMESTAMP && valueType != TypeId.TIMESTAMPTZ) {
            return null;
        }
        boolean intervalZone = zone.type().id() == TypeId.INTERVAL;
        if (!intervalZone && !zone.type().isString() && zone.type().id() != TypeId.UNKNOWN) {
            return null;
        }
        zone = Coercion.cast(zone, intervalZone ? LogicalType.INTERVAL : LogicalType.TEXT, false);
        ZoneId constant = null;
        if (!intervalZone && zone instanceof BoundExpression.Constant named && named.value() != null) {
            // An unknown zone fails here, without a position, as PostgreSQL's evaluation reports it.
            constant = TimeZoneNames.resolve((String) named.value());
        }
        boolean toLocal = valueType == TypeId.TIMESTAMPTZ;
        return new BoundExpression.Function(new AtTimeZoneFunction(toLocal, intervalZone, constant),
                List.of(zone, value), toLocal ? LogicalType.TIMESTAMP : LogicalType.TIMESTAMPTZ, position);
    }
}
