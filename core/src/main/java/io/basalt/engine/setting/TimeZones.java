package io.basalt.engine.setting;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;
import io.basalt.type.ValueConversion;
import io.basalt.type.LogicalType;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values of the TimeZone parameter, read as PostgreSQL reads them: a time zone name from the tz database (any
 * case; SHOW prints its proper spelling), a number of hours east of UTC ({@code -5}, {@code 5.5}, printed
 * PostgreSQL's way as {@code <-05>+05}), {@code INTERVAL '+02:00'} (the same, from SET TIME ZONE INTERVAL), or
 * a POSIX zone without daylight-saving rules ({@code UTC+3}: note that POSIX counts hours west of UTC, so this
 * is three hours behind it; printed in upper case). {@link #zoneOf} turns the printed form into a
 * {@link ZoneId}.
 *
 * <p>Differences from PostgreSQL: the zone names are Java's tz database (nearly the same set); POSIX zones
 * with daylight-saving rules ({@code EST5EDT,M3.2.0,M11.1.0}) are refused, and so are offsets of more than 18
 * hours, which java.time cannot represent.
 */
public final class TimeZones {
    private static final int MAX_POSIX_HOURS = 167;
    private static final int MAX_JAVA_OFFSET_SECONDS = 18 * 3600;
    /** {@code STD offset}: a name of letters (maybe none) or an angle-bracketed name, then a POSIX offset (hours west). */
    private static final Pattern POSIX = Pattern.compile(
            "([A-Za-z]*|<[A-Za-z0-9+:-]+>)([+-]?)(\\d{1,3})(?::(\\d{1,2})(?::(\\d{1,2}))?)?");
    private static final Map<String, String> NAMES = new HashMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (!id.startsWith("SystemV/")) {
                NAMES.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
        for (String id : new String[] {"EST", "MST", "HST"}) {
            NAMES.put(id.toLowerCase(Locale.ROOT), id);
        }
    }

    private TimeZones() {
    }

    /** The check of the TimeZone parameter: the value SHOW prints for {@code assignment}'s text. */
    static String canonical(Parameter parameter, Assignment assignment) {
        String text = assignment.text();
        String name = parameter.name();
        if (text.regionMatches(true, 0, "interval", 0, "interval".length())) {
            return fromInterval(name, text);
        }
        NumberScan hours = NumberScan.decimal(text);
        if (hours != null && hours.end() == text.length()) {
            return fromOffset(name, text, (long) (-hours.value() * 3600));
        }
        String known = NAMES.get(text.toLowerCase(Locale.ROOT));
        if (known != null) {
            return known;
        }
        Matcher posix = POSIX.matcher(text);
        if (posix.matches()) {
            long west = posixSeconds(posix);
            if (west == Long.MIN_VALUE) {
                throw InvalidValue.of(name, text);
            }
            checkRepresentable(west);
            return text.toUpperCase(Locale.ROOT);
        }
        throw InvalidValue.of(name, text);
    }

    /** {@code INTERVAL 'text'}: an offset east of UTC without months or days. */
    private static String fromInterval(String name, String text) {
        String rest = text.substring("interval".length()).stripLeading();
        if (rest.length() < 2 || rest.charAt(0) != '\'' || rest.indexOf('\'', 1) != rest.length() - 1) {
            throw InvalidValue.of(name, text);
        }
        Interval interval = (Interval) ValueConversion.parse(rest.substring(1, rest.length() - 1), LogicalType.INTERVAL);
        if (interval.months() != 0) {
            throw InvalidValue.of(name, text).withDetail("Cannot specify months in time zone interval.");
        }
        if (interval.days() != 0) {
            throw InvalidValue.of(name, text).withDetail("Cannot specify days in time zone interval.");
        }
        return fromOffset(name, text, -(interval.micros() / 1_000_000));
    }

    /**
     * The name PostgreSQL gives a zone {@code west} seconds west of UTC: {@code <-05>+05} for five hours
     * west, {@code <+05:30>-05:30} for five and a half hours east (angle brackets hold the offset east of UTC,
     * the rest is the POSIX offset).
     */
    private static String fromOffset(String name, String text, long west) {
        if (Math.abs(west) >= (MAX_POSIX_HOURS + 1) * 3600L) {
            throw InvalidValue.of(name, text).withDetail("UTC timezone offset is out of range.");
        }
        checkRepresentable(west);
        long absolute = Math.abs(west);
        StringBuilder offset = new StringBuilder(twoDigits(absolute / 3600));
        if (absolute % 3600 != 0) {
            offset.append(':').append(twoDigits(absolute % 3600 / 60));
            if (absolute % 60 != 0) {
                offset.append(':').append(twoDigits(absolute % 60));
            }
        }
        return west > 0 ? "<-" + offset + ">+" + offset : "<+" + offset + ">-" + offset;
    }

    private static void checkRepresentable(long west) {
        if (Math.abs(west) > MAX_JAVA_OFFSET_SECONDS) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "time zone offsets of more than 18 hours from UTC are not supported");
        }
    }

    private static String twoDigits(long value) {
        return value < 10 ? "0" + value : Long.toString(value);
    }

    /** Seconds west of UTC of a matched POSIX zone, or Long.MIN_VALUE when its fields are out of range. */
    private static long posixSeconds(Matcher posix) {
        long hours = Long.parseLong(posix.group(3));
        long minutes = posix.group(4) == null ? 0 : Long.parseLong(posix.group(4));
        long seconds = posix.group(5) == null ? 0 : Long.parseLong(posix.group(5));
        if (hours > MAX_POSIX_HOURS || minutes > 59 || seconds > 59) {
            return Long.MIN_VALUE;
        }
        long total = hours * 3600 + minutes * 60 + seconds;
        return posix.group(2).equals("-") ? -total : total;
    }

    /**
     * The abbreviation date/time output shows for a POSIX zone printed by {@link #canonical} (its name, without
     * angle brackets; empty for {@code +02:00}), or null for a zone of the tz database, which has its own.
     */
    public static String abbreviationOf(String canonical) {
        Matcher posix = POSIX.matcher(canonical);
        if (!posix.matches()) {
            return null;
        }
        String name = posix.group(1);
        return name.startsWith("<") ? name.substring(1, name.length() - 1) : name;
    }

    /** The zone a value printed by {@link #canonical} stands for. */
    public static ZoneId zoneOf(String canonical) {
        Matcher posix = POSIX.matcher(canonical);
        if (posix.matches()) {
            return ZoneOffset.ofTotalSeconds((int) -posixSeconds(posix));
        }
        return ZoneId.of(canonical, ZoneId.SHORT_IDS);
    }
}
