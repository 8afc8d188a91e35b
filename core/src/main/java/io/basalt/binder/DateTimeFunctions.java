package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.function.scalar.AgeFunction;
import io.basalt.exec.function.scalar.AtTimeZoneFunction;
import io.basalt.exec.function.scalar.DateBinFunction;
import io.basalt.exec.function.scalar.DateTruncFunction;
import io.basalt.exec.function.scalar.IntervalPartFunction;
import io.basalt.exec.function.scalar.IntervalTruncFunction;
import io.basalt.exec.function.scalar.IsFiniteFunction;
import io.basalt.exec.function.scalar.JustifyIntervalFunction;
import io.basalt.exec.function.scalar.MakeDateTimeFunction;
import io.basalt.exec.function.scalar.TimePartFunction;
import io.basalt.exec.function.scalar.TimeTzAtZoneFunction;
import io.basalt.exec.function.scalar.ToTimestampFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.TimeValues;
import io.basalt.type.datetime.TimeZoneNames;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds PostgreSQL's date/time functions that take or return zones and build values from parts:
 * {@code timezone(zone, ts)} (what {@code AT TIME ZONE} parses into), {@code make_date},
 * {@code make_timestamp}, {@code make_timestamptz}, {@code to_timestamp(double precision)}, {@code isfinite},
 * the {@code justify_*} family, {@code date_bin}, {@code age}, {@code date_trunc} (of intervals too) and
 * EXTRACT/{@code date_part} of intervals and times of day. An untyped timestamp literal is read as a timestamptz and a date becomes one, as PostgreSQL's
 * resolution prefers. Functions that depend on the session's TimeZone capture it here.
 */
final class DateTimeFunctions {
    private DateTimeFunctions() {
    }

    /** {@code timezone(zone, value)}, or null when the arguments fit no variant. */
    static BoundExpression timezone(List<BoundExpression> arguments, long statementMicros, int position) {
        ZoneId session = null;
        if (arguments.size() == 1) {
            // timezone(value), AT LOCAL: the session's zone.
            session = DateTimeSettings.current().zone();
            arguments = List.of(new BoundExpression.Constant(session.getId(), LogicalType.TEXT, position),
                    arguments.getFirst());
        }
        if (arguments.size() != 2) {
            return null;
        }
        BoundExpression zone = arguments.get(0);
        BoundExpression value = arguments.get(1);
        TypeId valueType = value.type().id();
        if (value.type().isTimeOfDay()) {
            return timetzAtZone(zone, Coercion.cast(value, LogicalType.TIMETZ, false), statementMicros, position);
        }
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
        ZoneId constant = session;
        if (constant == null && !intervalZone && zone instanceof BoundExpression.Constant named && named.value() != null) {
            // An unknown zone fails here, without a position, as PostgreSQL's evaluation reports it.
            constant = TimeZoneNames.resolve((String) named.value());
        }
        boolean toLocal = valueType == TypeId.TIMESTAMPTZ;
        return new BoundExpression.Function(new AtTimeZoneFunction(toLocal, intervalZone, constant),
                List.of(zone, value), toLocal ? LogicalType.TIMESTAMP : LogicalType.TIMESTAMPTZ, position);
    }

    /**
     * {@code now()}, {@code current_timestamp[(p)]}, {@code localtimestamp[(p)]}, {@code current_date},
     * {@code current_time[(p)]}, {@code localtime[(p)]}: the statement's start {@code statementMicros}, seen in
     * the session zone where the result has no zone of its own, rounded to the precision given.
     */
    static BoundExpression current(String name, List<BoundExpression> arguments, long statementMicros, int position) {
        boolean takesPrecision = switch (name) {
            case "current_timestamp", "localtimestamp", "current_time", "localtime" -> true;
            default -> false;
        };
        if (arguments.size() > (takesPrecision ? 1 : 0)) {
            throw BasaltException.at(io.basalt.error.SqlState.UNDEFINED_FUNCTION, position,
                    "function " + name + " does not exist");
        }
        int precision = -1;
        if (!arguments.isEmpty()) {
            Object value = arguments.getFirst() instanceof BoundExpression.Constant constant ? constant.value() : null;
            if (!(value instanceof Long digits)) {
                throw Functions.undefined(name, arguments, position);
            }
            precision = (int) Math.max(0, Math.min(digits, 6));
        }
        ZoneId zone = DateTimeSettings.current().zone();
        long micros = statementMicros;
        long local = micros + DateTimeValues.offsetAt(micros, zone) * 1_000_000L;
        return switch (name) {
            case "current_date" -> new BoundExpression.Constant(Math.floorDiv(local, Interval.MICROS_PER_DAY),
                    LogicalType.DATE, position);
            case "localtimestamp" -> new BoundExpression.Constant(TimeValues.roundTime(local, precision),
                    LogicalType.TIMESTAMP, position);
            case "localtime" -> new BoundExpression.Constant(TimeValues.roundTime(
                    TimeValues.timeOfTimestamp(local), precision), LogicalType.TIME, position);
            case "current_time" -> new BoundExpression.Constant(TimeValues.roundTimeTz(
                    TimeValues.timestampTzToTimeTz(micros, zone), precision), LogicalType.TIMETZ, position);
            default -> new BoundExpression.Constant(TimeValues.roundTime(micros, precision), LogicalType.TIMESTAMPTZ,
                    position);
        };
    }

    /** {@code timezone(zone, timetz)}: a text or interval zone. */
    private static BoundExpression timetzAtZone(BoundExpression zone, BoundExpression value, long statementMicros,
                                                int position) {
        boolean intervalZone = zone.type().id() == TypeId.INTERVAL;
        if (!intervalZone && !zone.type().isString() && zone.type().id() != TypeId.UNKNOWN) {
            return null;
        }
        zone = Coercion.cast(zone, intervalZone ? LogicalType.INTERVAL : LogicalType.TEXT, false);
        ZoneId constant = null;
        if (!intervalZone && zone instanceof BoundExpression.Constant named && named.value() != null) {
            constant = TimeZoneNames.resolve((String) named.value());
        }
        return new BoundExpression.Function(new TimeTzAtZoneFunction(intervalZone, constant, statementMicros),
                List.of(zone, value), value.type(), position);
    }

    /**
     * The date/time function {@code name} over bound arguments, or null when {@code name} is none of them;
     * {@code statementMicros} is the statement's start time (what {@code age(ts)} measures from).
     *
     * @throws BasaltException 42883 when the name is one of them but no variant fits the arguments
     */
    static BoundExpression bind(String name, List<BoundExpression> arguments, long statementMicros, int position) {
        return switch (name) {
            case "make_date" -> make(MakeDateTimeFunction.Kind.DATE, name, arguments, 3, position);
            case "make_time" -> make(MakeDateTimeFunction.Kind.TIME, name, arguments, 3, position);
            case "make_timestamp" -> make(MakeDateTimeFunction.Kind.TIMESTAMP, name, arguments, 6, position);
            case "make_timestamptz" -> make(MakeDateTimeFunction.Kind.TIMESTAMPTZ, name, arguments,
                    arguments.size() == 7 ? 7 : 6, position);
            case "isfinite" -> isFinite(arguments, position);
            case "justify_days", "justify_hours", "justify_interval" -> justify(name, arguments, position);
            case "date_bin" -> dateBin(arguments, position);
            case "age" -> age(arguments, statementMicros, position);
            case "to_timestamp" -> arguments.size() == 1 ? toTimestamp(arguments, position) : null;
            case "pg_sleep" -> sleep(arguments, position);
            case "date_add", "date_subtract" -> dateAdd(name, arguments, position);
            default -> null;
        };
    }

    /** make_date/make_time/make_timestamp/make_timestamptz: integer fields, double precision seconds, a text zone. */
    private static BoundExpression make(MakeDateTimeFunction.Kind kind, String name, List<BoundExpression> arguments,
                                        int count, int position) {
        if (arguments.size() != count) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> cast = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            BoundExpression argument = arguments.get(i);
            LogicalType type = argument.type();
            int secondsAt = kind == MakeDateTimeFunction.Kind.TIME ? 2 : 5;
            LogicalType target = i < secondsAt ? LogicalType.INTEGER : i == secondsAt ? LogicalType.DOUBLE : LogicalType.TEXT;
            boolean fits = switch (target.id()) {
                case INTEGER -> type.id() == TypeId.INTEGER || type.id() == TypeId.SMALLINT || type.id() == TypeId.UNKNOWN;
                case DOUBLE -> type.isNumber() || type.id() == TypeId.UNKNOWN;
                default -> type.isString() || type.id() == TypeId.UNKNOWN;
            };
            if (!fits) {
                throw Functions.undefined(name, arguments, position);
            }
            cast.add(Coercion.cast(argument, target, false));
        }
        LogicalType result = switch (kind) {
            case DATE -> LogicalType.DATE;
            case TIME -> LogicalType.TIME;
            case TIMESTAMP -> LogicalType.TIMESTAMP;
            case TIMESTAMPTZ -> LogicalType.TIMESTAMPTZ;
        };
        return new BoundExpression.Function(new MakeDateTimeFunction(kind, DateTimeSettings.current().zone()), cast,
                result, position);
    }

    private static BoundExpression isFinite(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1) {
            throw Functions.undefined("isfinite", arguments, position);
        }
        BoundExpression value = arguments.getFirst();
        TypeId type = value.type().id();
        if (type == TypeId.UNKNOWN) {
            // PostgreSQL reports an untyped literal as ambiguous among the isfinite variants.
            throw BasaltException.at(io.basalt.error.SqlState.AMBIGUOUS_FUNCTION, position,
                    "function isfinite(unknown) is not unique").withHint(
                    "Could not choose a best candidate function. You might need to add explicit type casts.");
        }
        if (type != TypeId.DATE && type != TypeId.TIMESTAMP && type != TypeId.TIMESTAMPTZ && type != TypeId.INTERVAL) {
            throw Functions.undefined("isfinite", arguments, position);
        }
        return new BoundExpression.Function(IsFiniteFunction.INSTANCE, List.of(value), LogicalType.BOOLEAN, position);
    }

    private static BoundExpression justify(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1 || (arguments.getFirst().type().id() != TypeId.INTERVAL
                && arguments.getFirst().type().id() != TypeId.UNKNOWN)) {
            throw Functions.undefined(name, arguments, position);
        }
        JustifyIntervalFunction.Kind kind = switch (name) {
            case "justify_days" -> JustifyIntervalFunction.Kind.DAYS;
            case "justify_hours" -> JustifyIntervalFunction.Kind.HOURS;
            default -> JustifyIntervalFunction.Kind.INTERVAL;
        };
        return new BoundExpression.Function(new JustifyIntervalFunction(kind),
                List.of(Coercion.cast(arguments.getFirst(), LogicalType.INTERVAL, false)), LogicalType.INTERVAL, position);
    }

    /** date_bin(interval, timestamp, timestamp) or with timestamptz; untyped literals follow the typed side. */
    private static BoundExpression dateBin(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 3) {
            throw Functions.undefined("date_bin", arguments, position);
        }
        LogicalType type = timestampKind(arguments.get(1).type(), arguments.get(2).type());
        TypeId stride = arguments.get(0).type().id();
        if (type == null || (stride != TypeId.INTERVAL && stride != TypeId.UNKNOWN)) {
            throw Functions.undefined("date_bin", arguments, position);
        }
        return new BoundExpression.Function(DateBinFunction.INSTANCE, List.of(
                Coercion.cast(arguments.get(0), LogicalType.INTERVAL, false), Coercion.cast(arguments.get(1), type, false),
                Coercion.cast(arguments.get(2), type, false)), type, position);
    }

    /**
     * age(a, b) and age(a) (from midnight today in the session zone): timestamps, or timestamptz when either
     * side is one or a date.
     */
    private static BoundExpression age(List<BoundExpression> arguments, long statementMicros, int position) {
        if (arguments.size() == 1) {
            LogicalType type = timestampKind(arguments.getFirst().type(), arguments.getFirst().type());
            if (type == null) {
                throw Functions.undefined("age", arguments, position);
            }
            ZoneId zone = DateTimeSettings.current().zone();
            long local = statementMicros + DateTimeValues.offsetAt(statementMicros, zone) * 1_000_000L;
            long midnight = Math.floorDiv(local, Interval.MICROS_PER_DAY) * Interval.MICROS_PER_DAY;
            long today = type.id() == TypeId.TIMESTAMP ? midnight
                    : midnight - DateTimeValues.offsetOfLocal(midnight, zone) * 1_000_000L;
            arguments = List.of(new BoundExpression.Constant(today, type, position), arguments.getFirst());
        }
        if (arguments.size() != 2) {
            throw Functions.undefined("age", arguments, position);
        }
        LogicalType type = timestampKind(arguments.get(0).type(), arguments.get(1).type());
        if (type == null) {
            throw Functions.undefined("age", arguments, position);
        }
        ZoneId zone = type.id() == TypeId.TIMESTAMPTZ ? DateTimeSettings.current().zone() : null;
        return new BoundExpression.Function(new AgeFunction(zone), List.of(Coercion.cast(arguments.get(0), type, false),
                Coercion.cast(arguments.get(1), type, false)), LogicalType.INTERVAL, position);
    }

    /**
     * The timestamp type two operands are brought to: timestamptz when either is one (or a date, or both are
     * untyped), timestamp when both are timestamps or untyped; null when either is something else.
     */
    private static LogicalType timestampKind(LogicalType a, LogicalType b) {
        boolean zoned = false;
        boolean typed = false;
        for (LogicalType type : new LogicalType[] {a, b}) {
            switch (type.id()) {
                case TIMESTAMPTZ, DATE -> {
                    zoned = true;
                    typed = true;
                }
                case TIMESTAMP -> typed = true;
                case UNKNOWN -> {
                }
                default -> {
                    return null;
                }
            }
        }
        return zoned || !typed ? LogicalType.TIMESTAMPTZ : LogicalType.TIMESTAMP;
    }

    /** pg_sleep(double precision): a wait, then PostgreSQL's void (printed as an empty text here). */
    private static BoundExpression sleep(List<BoundExpression> arguments, int position) {
        if (arguments.size() != 1 || !arguments.getFirst().type().isNumber()
                && arguments.getFirst().type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined("pg_sleep", arguments, position);
        }
        return new BoundExpression.Function(io.basalt.exec.function.scalar.SleepFunction.INSTANCE,
                List.of(Coercion.cast(arguments.getFirst(), LogicalType.DOUBLE, false)), LogicalType.TEXT, position);
    }

    /**
     * PostgreSQL 16's {@code date_add(timestamptz, interval [, zone])} and {@code date_subtract(...)}: the
     * timestamptz arithmetic of {@code +} and {@code -}, with calendar steps in the zone given or the session's.
     */
    private static BoundExpression dateAdd(String name, List<BoundExpression> arguments, int position) {
        if (arguments.size() < 2 || arguments.size() > 3) {
            throw Functions.undefined(name, arguments, position);
        }
        TypeId value = arguments.get(0).type().id();
        TypeId step = arguments.get(1).type().id();
        boolean fits = (value == TypeId.TIMESTAMPTZ || value == TypeId.TIMESTAMP || value == TypeId.DATE
                || value == TypeId.UNKNOWN) && (step == TypeId.INTERVAL || step == TypeId.UNKNOWN)
                && (arguments.size() == 2 || arguments.get(2).type().isString());
        if (!fits) {
            throw Functions.undefined(name, arguments, position);
        }
        ZoneId zone = DateTimeSettings.current().zone();
        if (arguments.size() == 3) {
            if (!(arguments.get(2) instanceof BoundExpression.Constant named)) {
                throw ExpressionBinder.notYet(name + " with a zone that is not a constant", position);
            }
            if (named.value() == null) {
                return new BoundExpression.Constant(null, LogicalType.TIMESTAMPTZ, position);
            }
            zone = TimeZoneNames.resolve((String) named.value());
        }
        io.basalt.exec.function.scalar.DateTimeArithmetic.Kind kind = name.equals("date_add")
                ? io.basalt.exec.function.scalar.DateTimeArithmetic.Kind.TIMESTAMP_PLUS_INTERVAL
                : io.basalt.exec.function.scalar.DateTimeArithmetic.Kind.TIMESTAMP_MINUS_INTERVAL;
        return new BoundExpression.Function(new io.basalt.exec.function.scalar.DateTimeArithmetic(kind, zone),
                List.of(Coercion.cast(arguments.get(0), LogicalType.TIMESTAMPTZ, false),
                        Coercion.cast(arguments.get(1), LogicalType.INTERVAL, false)), LogicalType.TIMESTAMPTZ, position);
    }

    /** to_timestamp(double precision): seconds since the epoch. */
    private static BoundExpression toTimestamp(List<BoundExpression> arguments, int position) {
        BoundExpression seconds = arguments.getFirst();
        if (!seconds.type().isNumber() && seconds.type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined("to_timestamp", arguments, position);
        }
        return new BoundExpression.Function(ToTimestampFunction.INSTANCE,
                List.of(Coercion.cast(seconds, LogicalType.DOUBLE, false)), LogicalType.TIMESTAMPTZ, position);
    }

    /**
     * {@code date_trunc(unit, value [, zone])}: a timestamp, or a timestamptz cut in the session zone or the
     * zone given; a date or untyped literal is read as a timestamptz.
     */
    static BoundExpression dateTrunc(List<BoundExpression> arguments, int position) {
        if (arguments.size() < 2 || arguments.size() > 3 || !(arguments.get(0).type().isString()
                || arguments.get(0).type().id() == TypeId.UNKNOWN)) {
            throw Functions.undefined("date_trunc", arguments, position);
        }
        BoundExpression.Constant unit = arguments.get(0) instanceof BoundExpression.Constant constant
                && constant.value() != null ? constant : null;
        BoundExpression source = arguments.get(1);
        TypeId type = source.type().id();
        if (type == TypeId.UNKNOWN || type == TypeId.DATE || arguments.size() == 3 && type == TypeId.TIMESTAMP) {
            source = Coercion.cast(source, LogicalType.TIMESTAMPTZ, false);
            type = TypeId.TIMESTAMPTZ;
        }
        if (type == TypeId.INTERVAL && arguments.size() == 2) {
            if (unit == null) {
                throw ExpressionBinder.notYet("date_trunc on interval with a unit that is not a constant", position);
            }
            return new BoundExpression.Function(IntervalTruncFunction.of((String) unit.value()), List.of(source),
                    LogicalType.INTERVAL, position);
        }
        if (type != TypeId.TIMESTAMP && type != TypeId.TIMESTAMPTZ) {
            throw Functions.undefined("date_trunc", arguments, position);
        }
        List<BoundExpression> operands = new ArrayList<>();
        if (unit == null) {
            operands.add(Coercion.cast(arguments.get(0), LogicalType.TEXT, false));
        }
        operands.add(source);
        if (arguments.size() == 3) {
            BoundExpression zone = arguments.get(2);
            if (!zone.type().isString() && zone.type().id() != TypeId.UNKNOWN) {
                throw Functions.undefined("date_trunc", arguments, position);
            }
            operands.add(Coercion.cast(zone, LogicalType.TEXT, false));
        }
        // A bad unit is reported without a position, as PostgreSQL's evaluation reports it.
        ZoneId zone = type == TypeId.TIMESTAMP ? null : DateTimeSettings.current().zone();
        DateTruncFunction function = unit == null ? DateTruncFunction.ofUnitArgument(zone)
                : zone == null ? DateTruncFunction.of((String) unit.value())
                : DateTruncFunction.ofTimestampTz((String) unit.value(), zone);
        return new BoundExpression.Function(function, operands, source.type(), position);
    }

    /** EXTRACT (numeric) or date_part (double precision) of an interval. */
    static BoundExpression intervalPart(String name, String field, BoundExpression source, int position) {
        IntervalPartFunction function = IntervalPartFunction.of(field);
        LogicalType result = !name.equals("extract") ? LogicalType.DOUBLE
                : IntervalPartFunction.unbounded(function.field()) ? LogicalType.NUMERIC
                : LogicalType.numeric(18, function.field().timestampScale());
        return new BoundExpression.Function(function, List.of(source), result, position);
    }

    /**
     * The result type of {@code extract} (numeric: a scaled long for bounded fields, unconstrained for the
     * fields that may be infinite or huge) or {@code date_part} (double precision) of {@code field}.
     */
    static LogicalType partType(String name, io.basalt.exec.function.scalar.DatePartFunction.Field field) {
        if (!name.equals("extract")) {
            return LogicalType.DOUBLE;
        }
        return field.unbounded() ? LogicalType.NUMERIC : LogicalType.numeric(18, field.timestampScale());
    }

    /** EXTRACT (numeric) or date_part (double precision) of a time or timetz. */
    static BoundExpression timePart(String name, String field, BoundExpression source, int position) {
        TimePartFunction function = TimePartFunction.of(field, source.type().id() == TypeId.TIMETZ);
        LogicalType result = name.equals("extract")
                ? LogicalType.numeric(18, function.field().scale()) : LogicalType.DOUBLE;
        return new BoundExpression.Function(function, List.of(source), result, position);
    }

    private static final List<String> MAKE_INTERVAL_PARAMETERS =
            List.of("years", "months", "weeks", "days", "hours", "mins", "secs");

    /**
     * {@code make_interval(years, months, weeks, days, hours, mins, secs)} with arguments by position, then
     * by name ({@code days => 10}); omitted ones are 0.
     */
    static BoundExpression makeInterval(io.basalt.sql.ast.Expression.FunctionCall call,
                                        java.util.function.Function<io.basalt.sql.ast.Expression, BoundExpression> binder) {
        BoundExpression[] slots = new BoundExpression[MAKE_INTERVAL_PARAMETERS.size()];
        List<BoundExpression> bound = new ArrayList<>();
        boolean named = false;
        boolean fits = call.arguments().size() <= slots.length;
        for (int i = 0; i < call.arguments().size(); i++) {
            io.basalt.sql.ast.Expression argument = call.arguments().get(i);
            int slot = i;
            if (argument instanceof io.basalt.sql.ast.Expression.NamedArgument namedArgument) {
                named = true;
                slot = MAKE_INTERVAL_PARAMETERS.indexOf(namedArgument.name());
                argument = namedArgument.value();
            } else if (named) {
                throw BasaltException.at(io.basalt.error.SqlState.SYNTAX_ERROR, argument.position(),
                        "positional argument cannot follow named argument");
            }
            BoundExpression value = binder.apply(argument);
            bound.add(value);
            if (slot < 0 || slot >= slots.length || slots[slot] != null) {
                fits = false;
                continue;
            }
            LogicalType type = value.type();
            boolean seconds = slot == slots.length - 1;
            if (seconds ? !type.isNumber() && type.id() != TypeId.UNKNOWN
                    : type.id() != TypeId.INTEGER && type.id() != TypeId.SMALLINT && type.id() != TypeId.UNKNOWN) {
                fits = false;
                continue;
            }
            slots[slot] = Coercion.cast(value, seconds ? LogicalType.DOUBLE : LogicalType.INTEGER, false);
        }
        if (!fits) {
            throw Functions.undefined("make_interval", bound, call.position());
        }
        for (int i = 0; i < slots.length; i++) {
            if (slots[i] == null) {
                slots[i] = i == slots.length - 1
                        ? new BoundExpression.Constant(0.0, LogicalType.DOUBLE, call.position())
                        : new BoundExpression.Constant(0L, LogicalType.INTEGER, call.position());
            }
        }
        return new BoundExpression.Function(io.basalt.exec.function.scalar.MakeIntervalFunction.INSTANCE,
                List.of(slots), LogicalType.INTERVAL, call.position());
    }
}
