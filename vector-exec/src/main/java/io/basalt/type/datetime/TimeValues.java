package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Times of day, {@code time} and {@code time with time zone}: text input as PostgreSQL reads it (a time with
 * an optional date before it, {@code allballs}, {@code now}, run-together {@code 040506}, and for timetz an
 * offset, an abbreviation, or a zone name when a date says which day's offset applies; a timetz without a
 * zone takes the session zone's offset on the date given, else today), text output (the same in every
 * DateStyle), rounding to a precision, and the conversions to and from timestamps and intervals.
 * A time is microseconds since midnight, 0 to 24:00:00 inclusive; a timetz is packed by {@link TimeWithZone}.
 */
public final class TimeValues {
    /** 24:00:00, the largest time of day PostgreSQL accepts. */
    public static final long END_OF_DAY = Calendar.MICROS_PER_DAY;

    private TimeValues() {
    }

    /** A time of day from text, as microseconds since midnight. */
    public static long parseTime(String text, DateTimeSettings settings) {
        DateTimeDecoder decoded = decode(text, "time", settings);
        return timeOfDay(decoded);
    }

    /** A time of day with its offset from text, packed. */
    public static long parseTimeTz(String text, DateTimeSettings settings) {
        DateTimeDecoder decoded = decode(text, "time with time zone", settings);
        long time = timeOfDay(decoded);
        int offset;
        try {
            if (decoded.namedZone != null) {
                if (!decoded.hasDate() && !decoded.zoneFromAbbreviation) {
                    throw DateTimeError.BAD_FORMAT.failure();
                }
                offset = (int) DateTimeValues.offsetOfLocal(localOn(decoded, time, settings), decoded.namedZone);
            } else if (decoded.hasZone()) {
                offset = decoded.offsetSeconds;
            } else {
                offset = (int) DateTimeValues.offsetOfLocal(localOn(decoded, time, settings), settings.zone());
            }
        } catch (DateTimeError.Failure failure) {
            throw DateTimeError.report(failure, text, "time with time zone");
        }
        if (Math.abs(offset) > TimeWithZone.MAX_OFFSET_SECONDS) {
            throw DateTimeError.report(DateTimeError.ZONE_DISPLACEMENT_OVERFLOW.failure(), text, "time with time zone");
        }
        return TimeWithZone.pack(time, offset);
    }

    private static DateTimeDecoder decode(String text, String typeName, DateTimeSettings settings) {
        DateTimeDecoder decoder = new DateTimeDecoder(settings.order(), settings.zone(), Instant.now(), true);
        try {
            List<DateTimeFields.Field> fields = DateTimeFields.split(text);
            if (fields == null || fields.isEmpty()) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            decoder.decode(fields);
        } catch (DateTimeError.Failure failure) {
            throw DateTimeError.report(failure, text, typeName);
        } catch (java.time.DateTimeException | ArithmeticException | NumberFormatException overflow) {
            throw DateTimeError.report(DateTimeError.FIELD_OVERFLOW.failure(), text, typeName);
        }
        return decoder;
    }

    private static long timeOfDay(DateTimeDecoder decoded) {
        return ((decoded.hour * 60L + decoded.minute) * 60 + decoded.second) * 1_000_000L + decoded.micros;
    }

    /** The wall-clock timestamp of {@code time} on the date written, or on today's date in the session zone. */
    private static long localOn(DateTimeDecoder decoded, long time, DateTimeSettings settings) {
        long day;
        if (decoded.hasDate()) {
            day = Calendar.epochDay(decoded.year, decoded.month, decoded.day);
        } else {
            day = today(settings.zone());
        }
        return day * Calendar.MICROS_PER_DAY + time;
    }

    /** Today's date (days since 1970) in {@code zone}. */
    static long today(ZoneId zone) {
        return Instant.now().atZone(zone).toLocalDate().toEpochDay();
    }

    /** {@code hh:mm:ss[.ffffff]}, in every DateStyle. */
    public static String formatTime(long micros) {
        StringBuilder out = new StringBuilder(15);
        DateTimeOutput.appendTime(out, micros);
        return out.toString();
    }

    /** {@code hh:mm:ss[.ffffff]+hh[:mm[:ss]]}, in every DateStyle. */
    public static String formatTimeTz(long packed) {
        StringBuilder out = new StringBuilder(24);
        DateTimeOutput.appendTime(out, TimeWithZone.time(packed));
        DateTimeOutput.appendOffset(out, TimeWithZone.offset(packed));
        return out.toString();
    }

    /** A time rounded (half up) to {@code precision} fractional digits; -1 or 6 keep it as it is. */
    public static long roundTime(long micros, int precision) {
        if (precision < 0 || precision >= IntervalFields.MAX_PRECISION) {
            return micros;
        }
        return IntervalFields.roundMicros(micros, precision);
    }

    /** A timetz whose time is rounded to {@code precision} fractional digits, its offset kept. */
    public static long roundTimeTz(long packed, int precision) {
        if (precision < 0 || precision >= IntervalFields.MAX_PRECISION) {
            return packed;
        }
        return TimeWithZone.pack(IntervalFields.roundMicros(TimeWithZone.time(packed), precision),
                TimeWithZone.offset(packed));
    }

    /** The time of day of a wall-clock timestamp (finite). */
    public static long timeOfTimestamp(long micros) {
        return Math.floorMod(micros, Calendar.MICROS_PER_DAY);
    }

    /** A time read in the session zone, today, as a timetz (PostgreSQL's implicit time to timetz cast). */
    public static long timeToTimeTz(long time, ZoneId zone) {
        long local = today(zone) * Calendar.MICROS_PER_DAY + time;
        return TimeWithZone.pack(time, (int) DateTimeValues.offsetOfLocal(local, zone));
    }

    /** A finite timestamptz's wall-clock time and offset in {@code zone}. */
    public static long timestampTzToTimeTz(long utcMicros, ZoneId zone) {
        int offset = DateTimeValues.offsetAt(utcMicros, zone);
        return TimeWithZone.pack(timeOfTimestamp(utcMicros + offset * 1_000_000L), offset);
    }

    /** An interval's time part wrapped into a day (PostgreSQL's interval to time cast). */
    public static long intervalToTime(Interval interval) {
        if (!interval.isFinite()) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "cannot convert infinite interval to time");
        }
        return Math.floorMod(interval.micros(), Calendar.MICROS_PER_DAY);
    }

    /** {@code time + micros}, wrapped into a day as PostgreSQL's time arithmetic does. */
    public static long wrap(long micros) {
        return Math.floorMod(micros, Calendar.MICROS_PER_DAY);
    }
}
