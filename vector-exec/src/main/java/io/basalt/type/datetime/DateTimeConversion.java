package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;

/**
 * Conversions into, out of and between date, time, timetz, timestamp, timestamptz and interval, with the session's
 * {@link DateTimeSettings}: text in and out, a date at midnight, a timestamp read in the session's zone to
 * become a timestamptz (and back), the infinities kept infinite, and the type modifiers applied
 * ({@code timestamp(2)} rounds to hundredths, {@code interval hour to minute} drops the seconds).
 * Values are in their canonical boxed form ({@code Long} days, microseconds or packed timetz, {@link Interval}).
 */
public final class DateTimeConversion {
    private DateTimeConversion() {
    }

    /** PostgreSQL's text input of a date/time {@code type}, modifiers applied. */
    public static Object parse(String text, LogicalType type, DateTimeSettings settings) {
        return switch (type.id()) {
            case DATE -> DateTimeValues.parseDate(text, settings);
            case TIMESTAMP -> round(DateTimeValues.parseTimestamp(text, settings), type, text);
            case TIMESTAMPTZ -> round(DateTimeValues.parseTimestampTz(text, settings), type, text);
            case TIME -> TimeValues.roundTime(TimeValues.parseTime(text, settings), type.precision());
            case TIMETZ -> TimeValues.roundTimeTz(TimeValues.parseTimeTz(text, settings), type.precision());
            case INTERVAL -> IntervalFields.adjust(
                    IntervalInput.parse(text, type.scale(), settings.intervalStyle()), type.scale(), type.precision());
            default -> throw BasaltException.internal("not a date/time type: " + type);
        };
    }

    /** PostgreSQL's text output of a date/time value of {@code type}. */
    public static String format(Object value, LogicalType type, DateTimeSettings settings) {
        return switch (type.id()) {
            case DATE -> DateTimeOutput.formatDate((Long) value, settings);
            case TIMESTAMP -> DateTimeOutput.formatTimestamp((Long) value, settings);
            case TIMESTAMPTZ -> DateTimeOutput.formatTimestampTz((Long) value, settings);
            case TIME -> TimeValues.formatTime((Long) value);
            case TIMETZ -> TimeValues.formatTimeTz((Long) value);
            case INTERVAL -> IntervalOutput.format((Interval) value, settings.intervalStyle());
            default -> throw BasaltException.internal("not a date/time type: " + type);
        };
    }

    /** Whether PostgreSQL has a cast from the date/time type {@code from} to the date/time type {@code to}. */
    public static boolean castable(TypeId from, TypeId to) {
        return switch (to) {
            case DATE -> from == TypeId.DATE || from == TypeId.TIMESTAMP || from == TypeId.TIMESTAMPTZ;
            case TIMESTAMP, TIMESTAMPTZ -> from == TypeId.DATE || from == TypeId.TIMESTAMP || from == TypeId.TIMESTAMPTZ;
            case TIME -> from == TypeId.TIME || from == TypeId.TIMETZ || from == TypeId.TIMESTAMP
                    || from == TypeId.TIMESTAMPTZ || from == TypeId.INTERVAL;
            case TIMETZ -> from == TypeId.TIME || from == TypeId.TIMETZ || from == TypeId.TIMESTAMPTZ;
            case INTERVAL -> from == TypeId.INTERVAL || from == TypeId.TIME;
            default -> false;
        };
    }

    /**
     * {@code value} of the date/time type {@code from} as the date/time type {@code to}; null for PostgreSQL's
     * NULL results (an infinite timestamp as a time) and when {@link #castable} says there is no such cast.
     */
    public static Object convert(Object value, LogicalType from, LogicalType to, DateTimeSettings settings) {
        TypeId source = from.id();
        switch (to.id()) {
            case TIME -> {
                long time;
                switch (source) {
                    case TIME -> time = (Long) value;
                    case TIMETZ -> time = TimeWithZone.time((Long) value);
                    case TIMESTAMP, TIMESTAMPTZ -> {
                        long micros = (Long) value;
                        if (!Calendar.isFiniteTimestamp(micros)) {
                            return null;
                        }
                        if (source == TypeId.TIMESTAMPTZ) {
                            micros += DateTimeValues.offsetAt(micros, settings.zone()) * 1_000_000L;
                        }
                        time = TimeValues.timeOfTimestamp(micros);
                    }
                    case INTERVAL -> time = TimeValues.intervalToTime((Interval) value);
                    default -> {
                        return null;
                    }
                }
                return TimeValues.roundTime(time, to.precision());
            }
            case TIMETZ -> {
                long packed;
                switch (source) {
                    case TIMETZ -> packed = (Long) value;
                    case TIME -> packed = TimeValues.timeToTimeTz((Long) value, settings.zone());
                    case TIMESTAMPTZ -> {
                        long micros = (Long) value;
                        if (!Calendar.isFiniteTimestamp(micros)) {
                            return null;
                        }
                        packed = TimeValues.timestampTzToTimeTz(micros, settings.zone());
                    }
                    default -> {
                        return null;
                    }
                }
                return TimeValues.roundTimeTz(packed, to.precision());
            }
            case DATE -> {
                long micros = (Long) value;
                return switch (source) {
                    case DATE -> value;
                    case TIMESTAMP -> timestampToDate(micros);
                    case TIMESTAMPTZ -> Calendar.isFiniteTimestamp(micros)
                            ? timestampToDate(micros + DateTimeValues.offsetAt(micros, settings.zone()) * 1_000_000L)
                            : timestampToDate(micros);
                    default -> null;
                };
            }
            case TIMESTAMP -> {
                Long micros = switch (source) {
                    case DATE -> dateToTimestamp((Long) value);
                    case TIMESTAMP -> (Long) value;
                    case TIMESTAMPTZ -> {
                        long utc = (Long) value;
                        yield Calendar.isFiniteTimestamp(utc)
                                ? utc + DateTimeValues.offsetAt(utc, settings.zone()) * 1_000_000L : utc;
                    }
                    default -> null;
                };
                return micros == null ? null : round(micros, to, null);
            }
            case TIMESTAMPTZ -> {
                Long micros = switch (source) {
                    case DATE -> localToUtc(dateToTimestamp((Long) value), settings);
                    case TIMESTAMP -> localToUtc((Long) value, settings);
                    case TIMESTAMPTZ -> (Long) value;
                    default -> null;
                };
                return micros == null ? null : round(micros, to, null);
            }
            case INTERVAL -> {
                if (source == TypeId.TIME) {
                    return IntervalFields.adjust(new Interval(0, 0, (Long) value), to.scale(), to.precision());
                }
                if (source != TypeId.INTERVAL) {
                    return null;
                }
                return IntervalFields.adjust((Interval) value, to.scale(), to.precision());
            }
            default -> {
                return null;
            }
        }
    }

    private static long timestampToDate(long micros) {
        if (micros == Calendar.TIMESTAMP_INFINITY) {
            return Calendar.DATE_INFINITY;
        }
        if (micros == Calendar.TIMESTAMP_MINUS_INFINITY) {
            return Calendar.DATE_MINUS_INFINITY;
        }
        return Math.floorDiv(micros, Calendar.MICROS_PER_DAY);
    }

    /** Midnight of a date as a wall-clock timestamp. */
    public static long dateToTimestamp(long epochDay) {
        if (epochDay == Calendar.DATE_INFINITY) {
            return Calendar.TIMESTAMP_INFINITY;
        }
        if (epochDay == Calendar.DATE_MINUS_INFINITY) {
            return Calendar.TIMESTAMP_MINUS_INFINITY;
        }
        long micros;
        try {
            micros = Math.multiplyExact(epochDay, Calendar.MICROS_PER_DAY);
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
        }
        if (micros < Calendar.FIRST_TIMESTAMP) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range for timestamp");
        }
        return micros;
    }

    /** A wall-clock timestamp read in the session's zone, as microseconds UTC. */
    public static long localToUtc(long local, DateTimeSettings settings) {
        if (!Calendar.isFiniteTimestamp(local)) {
            return local;
        }
        return local - DateTimeValues.offsetOfLocal(local, settings.zone()) * 1_000_000L;
    }

    /** A finite timestamp rounded to the type's fractional-second precision. */
    private static long round(long micros, LogicalType type, String text) {
        int precision = type.precision();
        if (precision < 0 || precision >= 6 || !Calendar.isFiniteTimestamp(micros)) {
            return micros;
        }
        try {
            return IntervalFields.roundMicros(micros, precision);
        } catch (ArithmeticException overflow) {
            throw text == null ? BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range")
                    : DateTimeValues.timestampOutOfRange(text);
        }
    }
}
