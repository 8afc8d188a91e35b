package io.basalt.type.datetime;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Text output of date, timestamp and timestamptz in PostgreSQL's four DateStyles (ISO, SQL, Postgres,
 * German, with the day before the month under DMY), years before 1 as {@code BC}, fractions of a second
 * without trailing zeros, and the infinities as {@code infinity}/{@code -infinity}. A timestamptz is shown
 * in the session's zone, with its offset (ISO) or its abbreviation ({@code PST}, {@code LMT}; the offset
 * where the zone has no abbreviation).
 */
public final class DateTimeOutput {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private DateTimeOutput() {
    }

    /** A date (days since 1970-01-01) in {@code settings}' style. */
    public static String formatDate(long epochDay, DateTimeSettings settings) {
        if (epochDay == Calendar.DATE_INFINITY) {
            return "infinity";
        }
        if (epochDay == Calendar.DATE_MINUS_INFINITY) {
            return "-infinity";
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        StringBuilder out = new StringBuilder(16);
        int year = date.getYear();
        appendDate(out, year, date.getMonthValue(), date.getDayOfMonth(), settings);
        if (year <= 0) {
            out.append(" BC");
        }
        return out.toString();
    }

    /** A timestamp without time zone (wall-clock microseconds since 1970) in {@code settings}' style. */
    public static String formatTimestamp(long micros, DateTimeSettings settings) {
        if (!Calendar.isFiniteTimestamp(micros)) {
            return micros == Calendar.TIMESTAMP_INFINITY ? "infinity" : "-infinity";
        }
        return format(micros, Integer.MIN_VALUE, null, settings);
    }

    /** A timestamp with time zone (microseconds since 1970 UTC) in the session's zone and style. */
    public static String formatTimestampTz(long micros, DateTimeSettings settings) {
        if (!Calendar.isFiniteTimestamp(micros)) {
            return micros == Calendar.TIMESTAMP_INFINITY ? "infinity" : "-infinity";
        }
        ZoneId zone = settings.zone();
        int offset = DateTimeValues.offsetAt(micros, zone);
        String abbreviation = settings.style() == DateStyle.ISO ? null
                : settings.zoneAbbreviation() != null ? settings.zoneAbbreviation() : abbreviation(zone, micros);
        return format(micros + offset * 1_000_000L, offset, abbreviation, settings);
    }

    /**
     * Wall-clock {@code local} in the style; {@code offset} is seconds east of UTC to show, or
     * Integer.MIN_VALUE for none; {@code abbreviation} replaces the offset in the non-ISO styles.
     */
    private static String format(long local, int offset, String abbreviation, DateTimeSettings settings) {
        long day = Math.floorDiv(local, Calendar.MICROS_PER_DAY);
        long time = Math.floorMod(local, Calendar.MICROS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        int shownYear = year > 0 ? year : 1 - year;
        StringBuilder out = new StringBuilder(40);
        DateStyle style = settings.style();
        boolean dayFirst = settings.order() == DateOrder.DMY;
        switch (style) {
            case ISO -> {
                appendPadded(out, shownYear, 4);
                out.append('-');
                appendPadded(out, date.getMonthValue(), 2);
                out.append('-');
                appendPadded(out, date.getDayOfMonth(), 2);
                out.append(' ');
                appendTime(out, time);
                if (offset != Integer.MIN_VALUE) {
                    appendOffset(out, offset);
                }
            }
            case SQL, GERMAN -> {
                appendDate(out, year, date.getMonthValue(), date.getDayOfMonth(), settings);
                out.append(' ');
                appendTime(out, time);
                appendZone(out, offset, abbreviation, false);
            }
            case POSTGRES -> {
                out.append(WEEKDAYS[date.getDayOfWeek().getValue() - 1]).append(' ');
                if (dayFirst) {
                    appendPadded(out, date.getDayOfMonth(), 2);
                    out.append(' ').append(MONTHS[date.getMonthValue() - 1]);
                } else {
                    out.append(MONTHS[date.getMonthValue() - 1]).append(' ');
                    appendPadded(out, date.getDayOfMonth(), 2);
                }
                out.append(' ');
                appendTime(out, time);
                out.append(' ');
                appendPadded(out, shownYear, 4);
                appendZone(out, offset, abbreviation, true);
            }
        }
        if (year <= 0) {
            out.append(" BC");
        }
        return out.toString();
    }

    private static void appendZone(StringBuilder out, int offset, String abbreviation, boolean spaceBeforeOffset) {
        if (offset == Integer.MIN_VALUE) {
            return;
        }
        if (abbreviation != null) {
            out.append(' ').append(abbreviation);
        } else {
            if (spaceBeforeOffset) {
                out.append(' ');
            }
            appendOffset(out, offset);
        }
    }

    /** The date part in the style: {@code 1999-01-08}, {@code 01/08/1999}, {@code 08.01.1999}, {@code 01-08-1999}. */
    private static void appendDate(StringBuilder out, int year, int month, int day, DateTimeSettings settings) {
        int shownYear = year > 0 ? year : 1 - year;
        boolean dayFirst = settings.order() == DateOrder.DMY;
        switch (settings.style()) {
            case ISO -> {
                appendPadded(out, shownYear, 4);
                out.append('-');
                appendPadded(out, month, 2);
                out.append('-');
                appendPadded(out, day, 2);
                return;
            }
            case SQL -> appendDayMonth(out, month, day, dayFirst, '/');
            case GERMAN -> appendDayMonth(out, month, day, true, '.');
            case POSTGRES -> appendDayMonth(out, month, day, dayFirst, '-');
        }
        out.append(settings.style() == DateStyle.SQL ? '/' : settings.style() == DateStyle.GERMAN ? '.' : '-');
        appendPadded(out, shownYear, 4);
    }

    private static void appendDayMonth(StringBuilder out, int month, int day, boolean dayFirst, char separator) {
        appendPadded(out, dayFirst ? day : month, 2);
        out.append(separator);
        appendPadded(out, dayFirst ? month : day, 2);
    }

    /** {@code hh:mm:ss} and the fraction of a second without trailing zeros. */
    static void appendTime(StringBuilder out, long micros) {
        long seconds = micros / 1_000_000L;
        appendPadded(out, (int) (seconds / 3600), 2);
        out.append(':');
        appendPadded(out, (int) (seconds / 60 % 60), 2);
        out.append(':');
        appendPadded(out, (int) (seconds % 60), 2);
        appendFraction(out, (int) (micros % 1_000_000L));
    }

    /** {@code .ffffff} without trailing zeros, nothing for zero. */
    static void appendFraction(StringBuilder out, int micros) {
        if (micros == 0) {
            return;
        }
        String fraction = Integer.toString(1_000_000 + micros).substring(1);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        out.append('.').append(fraction, 0, end);
    }

    /** {@code +hh}, {@code -hh:mm} or {@code +hh:mm:ss}, as PostgreSQL prints an offset east of UTC. */
    static void appendOffset(StringBuilder out, int offset) {
        out.append(offset < 0 ? '-' : '+');
        int absolute = Math.abs(offset);
        appendPadded(out, absolute / 3600, 2);
        if (absolute % 3600 != 0) {
            out.append(':');
            appendPadded(out, absolute % 3600 / 60, 2);
            if (absolute % 60 != 0) {
                out.append(':');
                appendPadded(out, absolute % 60, 2);
            }
        }
    }

    static void appendPadded(StringBuilder out, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }

    /**
     * The abbreviation of {@code zone} at {@code utcMicros} ({@code PST}, {@code PDT}, {@code LMT} before the
     * zone's first transition), or null when it has none and the offset is shown instead.
     */
    static String abbreviation(ZoneId zone, long utcMicros) {
        if (zone instanceof ZoneOffset) {
            return null;
        }
        String id = zone.getId();
        if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT")) {
            return "UTC";
        }
        if (id.equals("GMT") || id.equals("Etc/GMT")) {
            return "GMT";
        }
        ZoneRules rules = zone.getRules();
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(utcMicros, 1_000_000L));
        ZoneOffsetTransition first = rules.nextTransition(Instant.MIN);
        if (first != null && instant.isBefore(first.getInstant()) && first.getOffsetBefore().getTotalSeconds() % 60 != 0) {
            return "LMT";
        }
        boolean daylight = rules.isDaylightSavings(instant);
        String name = TimeZone.getTimeZone(zone).getDisplayName(daylight, TimeZone.SHORT, Locale.US);
        if (name.startsWith("GMT+") || name.startsWith("GMT-") || name.startsWith("UTC+") || name.startsWith("UTC-")) {
            // No abbreviation: the tz database names such zones by their offset ("-03", "+0530").
            int offset = rules.getOffset(instant).getTotalSeconds();
            StringBuilder out = new StringBuilder(8);
            out.append(offset < 0 ? '-' : '+');
            int absolute = Math.abs(offset);
            appendPadded(out, absolute / 3600, 2);
            if (absolute % 3600 != 0) {
                appendPadded(out, absolute % 3600 / 60, 2);
            }
            return out.toString();
        }
        return name;
    }
}
