package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Text input of date, timestamp and timestamptz, as PostgreSQL reads it (see {@link DateTimeDecoder} for the
 * forms): the decoded fields become days since 1970 or microseconds since 1970, {@code infinity} and
 * {@code -infinity} the values beyond every other, {@code epoch} 1970-01-01. A timestamptz written without a
 * zone is in the session's; a date or timestamp ignores any zone written.
 */
public final class DateTimeValues {
    private DateTimeValues() {
    }

    /** A date: days since 1970-01-01, or {@link Calendar#DATE_INFINITY} / {@link Calendar#DATE_MINUS_INFINITY}. */
    public static long parseDate(String text, DateTimeSettings settings) {
        DateTimeDecoder decoded = decode(text, "date", settings);
        switch (decoded.special) {
            case DateTimeKeywords.EPOCH:
                return 0;
            case DateTimeKeywords.INFINITY:
                return Calendar.DATE_INFINITY;
            case DateTimeKeywords.MINUS_INFINITY:
                return Calendar.DATE_MINUS_INFINITY;
            default:
                break;
        }
        if (!Calendar.isValidJulian(decoded.year, decoded.month)) {
            throw dateOutOfRange(text);
        }
        long day = Calendar.epochDay(decoded.year, decoded.month, decoded.day);
        if (day < Calendar.FIRST_DATE || day >= Calendar.END_DATE) {
            throw dateOutOfRange(text);
        }
        return day;
    }

    /** A timestamp without time zone: wall-clock microseconds since 1970-01-01 00:00. */
    public static long parseTimestamp(String text, DateTimeSettings settings) {
        DateTimeDecoder decoded = decode(text, "timestamp", settings);
        Long special = specialTimestamp(decoded);
        if (special != null) {
            return special;
        }
        return checkTimestamp(localMicros(decoded, text), text);
    }

    /** A timestamp with time zone: microseconds since 1970-01-01 00:00 UTC. */
    public static long parseTimestampTz(String text, DateTimeSettings settings) {
        DateTimeDecoder decoded = decode(text, "timestamp with time zone", settings);
        Long special = specialTimestamp(decoded);
        if (special != null) {
            return special;
        }
        long local = localMicros(decoded, text);
        long offset;
        if (decoded.namedZone != null) {
            offset = offsetOfLocal(local, decoded.namedZone);
        } else if (decoded.hasZone()) {
            offset = decoded.offsetSeconds;
        } else {
            offset = offsetOfLocal(local, settings.zone());
        }
        try {
            return checkTimestamp(Math.subtractExact(local, offset * 1_000_000L), text);
        } catch (ArithmeticException overflow) {
            throw timestampOutOfRange(text);
        }
    }

    /**
     * The offset (seconds east of UTC) {@code zone} has at the wall-clock time {@code localMicros}: in a gap
     * (clocks jumping forward) the offset before it, in an overlap (clocks falling back) the one after it,
     * as PostgreSQL chooses.
     */
    public static long offsetOfLocal(long localMicros, ZoneId zone) {
        if (zone instanceof ZoneOffset fixed) {
            return fixed.getTotalSeconds();
        }
        LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(localMicros, 1_000_000L), 0, ZoneOffset.UTC);
        ZoneRules rules = zone.getRules();
        List<ZoneOffset> valid = rules.getValidOffsets(local);
        if (valid.size() == 1) {
            return valid.getFirst().getTotalSeconds();
        }
        if (valid.isEmpty()) {
            return rules.getTransition(local).getOffsetBefore().getTotalSeconds();
        }
        return rules.getTransition(local).getOffsetAfter().getTotalSeconds();
    }

    /** The offset (seconds east of UTC) {@code zone} has at the instant {@code utcMicros}. */
    public static int offsetAt(long utcMicros, ZoneId zone) {
        if (zone instanceof ZoneOffset fixed) {
            return fixed.getTotalSeconds();
        }
        return zone.getRules().getOffset(Instant.ofEpochSecond(Math.floorDiv(utcMicros, 1_000_000L)))
                .getTotalSeconds();
    }

    private static DateTimeDecoder decode(String text, String typeName, DateTimeSettings settings) {
        DateTimeDecoder decoder = new DateTimeDecoder(settings.order(), settings.zone(), Instant.now());
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

    private static Long specialTimestamp(DateTimeDecoder decoded) {
        return switch (decoded.special) {
            case DateTimeKeywords.EPOCH -> 0L;
            case DateTimeKeywords.INFINITY -> Calendar.TIMESTAMP_INFINITY;
            case DateTimeKeywords.MINUS_INFINITY -> Calendar.TIMESTAMP_MINUS_INFINITY;
            default -> null;
        };
    }

    private static long localMicros(DateTimeDecoder decoded, String text) {
        if (!Calendar.isValidJulian(decoded.year, decoded.month)) {
            throw timestampOutOfRange(text);
        }
        try {
            long day = Calendar.epochDay(decoded.year, decoded.month, decoded.day);
            long time = ((decoded.hour * 60L + decoded.minute) * 60 + decoded.second) * 1_000_000L + decoded.micros;
            return Math.addExact(Math.multiplyExact(day, Calendar.MICROS_PER_DAY), time);
        } catch (ArithmeticException overflow) {
            throw timestampOutOfRange(text);
        }
    }

    private static long checkTimestamp(long micros, String text) {
        if (micros < Calendar.FIRST_TIMESTAMP || micros == Calendar.TIMESTAMP_INFINITY) {
            throw timestampOutOfRange(text);
        }
        return micros;
    }

    static BasaltException dateOutOfRange(String text) {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + text + "\"");
    }

    static BasaltException timestampOutOfRange(String text) {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range: \"" + text + "\"");
    }

    /** A zoned view of a UTC instant, for printing and field extraction. */
    static ZonedDateTime zoned(long utcMicros, ZoneId zone) {
        return Instant.ofEpochSecond(Math.floorDiv(utcMicros, 1_000_000L), Math.floorMod(utcMicros, 1_000_000L) * 1000)
                .atZone(zone);
    }
}
