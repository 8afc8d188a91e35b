package io.basalt.type;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * PostgreSQL's text output for each type (what {@code psql} shows): booleans as {@code t}/{@code f},
 * NUMERIC with its scale, doubles in the shortest form that reads back exactly (PostgreSQL 12+ with
 * {@code extra_float_digits = 1}), dates in ISO style with a {@code BC} suffix before year 1.
 */
public final class TextFormat {
    private TextFormat() {
    }

    public static String formatBoolean(boolean value) {
        return value ? "t" : "f";
    }

    /** A scaled 64-bit NUMERIC: {@code unscaled / 10^scale} with exactly {@code scale} decimals. */
    public static String formatScaledLong(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    public static String formatDecimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** Days since 1970-01-01 as {@code YYYY-MM-DD}, or {@code YYYY-MM-DD BC}. */
    public static String formatDate(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        StringBuilder out = new StringBuilder(13);
        boolean bc = year <= 0;
        int shownYear = bc ? 1 - year : year;
        appendPadded(out, shownYear, 4);
        out.append('-');
        appendPadded(out, date.getMonthValue(), 2);
        out.append('-');
        appendPadded(out, date.getDayOfMonth(), 2);
        if (bc) {
            out.append(" BC");
        }
        return out.toString();
    }

    /**
     * PostgreSQL's float8 output: the shortest digits that read back to the same double, in positional
     * notation when the decimal exponent is in [-4, 15), else as {@code d.ddde+XX}.
     */
    public static String formatDouble(double value) {
        return formatShortest(value, Double.toString(value), 15);
    }

    /** PostgreSQL's float4 output: shortest float digits, positional for decimal exponents in [-4, 6). */
    public static String formatReal(double value) {
        return formatShortest(value, Float.toString((float) value), 6);
    }

    private static String formatShortest(double value, String shortest, int positionalLimit) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        // Java's toString gives the shortest round-tripping digits (JDK 19+); reshape them.
        BigDecimal exact = new BigDecimal(shortest).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= positionalLimit) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            appendPadded(out, Math.abs(exponent), 2);
        } else {
            out.append(exact.abs().toPlainString());
        }
        return out.toString();
    }

    /** A timestamp (microseconds since 1970 in {@code zone}'s wall clock) as {@code 2024-01-02 03:04:05.12}. */
    public static String formatTimestamp(long micros) {
        StringBuilder out = new StringBuilder(32);
        appendTimestamp(out, java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, java.time.ZoneOffset.UTC), false);
        return out.toString();
    }

    /** A timestamptz (microseconds since 1970 UTC) shown in {@code zone}: {@code 2024-01-02 03:04:05+00}. */
    public static String formatTimestampTz(long micros, java.time.ZoneId zone) {
        java.time.Instant instant = java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1000);
        java.time.ZonedDateTime local = instant.atZone(zone);
        StringBuilder out = new StringBuilder(40);
        boolean bc = local.getYear() <= 0;
        appendTimestamp(out, local.toLocalDateTime(), true);
        int offset = local.getOffset().getTotalSeconds();
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
        if (bc) {
            out.append(" BC");
        }
        return out.toString();
    }

    private static void appendTimestamp(StringBuilder out, java.time.LocalDateTime time, boolean zoneFollows) {
        int year = time.getYear();
        boolean bc = year <= 0;
        appendPadded(out, bc ? 1 - year : year, 4);
        out.append('-');
        appendPadded(out, time.getMonthValue(), 2);
        out.append('-');
        appendPadded(out, time.getDayOfMonth(), 2);
        out.append(' ');
        appendClock(out, time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 1000);
        if (bc && !zoneFollows) {
            out.append(" BC");
        }
    }

    private static void appendClock(StringBuilder out, long hours, int minutes, int seconds, int micros) {
        if (hours < 10) {
            out.append('0');
        }
        out.append(hours).append(':');
        appendPadded(out, minutes, 2);
        out.append(':');
        appendPadded(out, seconds, 2);
        if (micros != 0) {
            String fraction = Integer.toString(1_000_000 + micros).substring(1);
            int end = fraction.length();
            while (fraction.charAt(end - 1) == '0') {
                end--;
            }
            out.append('.').append(fraction, 0, end);
        }
    }

    /** PostgreSQL's default ({@code postgres}) interval style: {@code 1 year 2 mons 3 days 04:05:06.5}. */
    public static String formatInterval(Interval interval) {
        StringBuilder out = new StringBuilder(40);
        int years = interval.months() / 12;
        int months = interval.months() % 12;
        boolean negativeSeen = false;
        boolean anyField = false;
        for (int field = 0; field < 3; field++) {
            long value = field == 0 ? years : field == 1 ? months : interval.days();
            if (value == 0) {
                continue;
            }
            if (anyField) {
                out.append(' ');
            }
            if (negativeSeen && value > 0) {
                out.append('+');
            }
            // PostgreSQL uses the singular only for exactly 1 ("-1 days").
            out.append(value).append(' ').append(field == 0 ? (value == 1 ? "year" : "years")
                    : field == 1 ? (value == 1 ? "mon" : "mons") : (value == 1 ? "day" : "days"));
            negativeSeen |= value < 0;
            anyField = true;
        }
        long micros = interval.micros();
        if (micros != 0 || !anyField) {
            if (anyField) {
                out.append(' ');
            }
            if (micros < 0) {
                out.append('-');
            } else if (negativeSeen) {
                out.append('+');
            }
            long absolute = Math.abs(micros);
            long totalSeconds = absolute / 1_000_000L;
            appendClock(out, totalSeconds / 3600, (int) (totalSeconds % 3600 / 60), (int) (totalSeconds % 60),
                    (int) (absolute % 1_000_000L));
        }
        return out.toString();
    }

    private static void appendPadded(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
