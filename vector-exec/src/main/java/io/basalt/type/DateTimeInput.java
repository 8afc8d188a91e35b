package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's text input for timestamps and intervals, in the forms people write: ISO timestamps with
 * an optional {@code T}, fraction, zone and {@code BC}; the specials {@code epoch}, {@code now},
 * {@code today}, {@code tomorrow}, {@code yesterday}; intervals as unit lists ({@code 1 year 2 mons
 * 3 days}, {@code 1.5 hours}, {@code 3 days ago}) and clock times ({@code 04:05:06}).
 */
public final class DateTimeInput {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{1,7})-(\\d{1,2})-(\\d{1,2})(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{1,2}(?::?\\d{2})?(?::\\d{2})?|[A-Za-z]+/[A-Za-z_/+-]+)?\\s*(BC)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CLOCK = Pattern.compile("([+-])?(\\d+):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*([a-z]+)?");

    private DateTimeInput() {
    }

    /** A TIMESTAMP: wall-clock microseconds since 1970-01-01 00:00; a zone, if written, is ignored. */
    public static long parseTimestamp(String text) {
        return parse(text, "timestamp without time zone", null);
    }

    /** A TIMESTAMPTZ: microseconds since 1970-01-01 00:00 UTC; without a written zone, {@code zone} applies. */
    public static long parseTimestampTz(String text, ZoneId zone) {
        return parse(text, "timestamp with time zone", zone);
    }

    private static long parse(String text, String typeName, ZoneId zone) {
        String trimmed = text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        ZoneId effective = zone == null ? ZoneOffset.UTC : zone;
        switch (lower) {
            case "epoch":
                return 0;
            case "now":
                return toMicros(LocalDateTime.now(effective), zone, effective);
            case "today", "tomorrow", "yesterday": {
                LocalDate today = LocalDate.now(effective).plusDays(lower.equals("tomorrow") ? 1 : lower.equals("yesterday") ? -1 : 0);
                return toMicros(today.atStartOfDay(), zone, effective);
            }
            default:
                break;
        }
        Matcher m = TIMESTAMP.matcher(trimmed);
        if (!m.matches()) {
            throw BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(9) != null) {
                year = 1 - year;
            }
            LocalDateTime local = LocalDateTime.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                    m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
            long micros = 0;
            if (m.group(7) != null) {
                String digits = (m.group(7) + "000000000").substring(0, 9);
                long nanos = Long.parseLong(digits);
                micros = (nanos + 500) / 1000;
            }
            ZoneId written = m.group(8) == null ? null : zoneOf(m.group(8), text, typeName);
            long base = zone == null
                    ? local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L
                    : local.atZone(written != null ? written : effective).toEpochSecond() * 1_000_000L;
            return Math.addExact(base, micros);
        } catch (DateTimeException | ArithmeticException invalid) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + text + "\"");
        }
    }

    private static long toMicros(LocalDateTime local, ZoneId zone, ZoneId effective) {
        return zone == null ? local.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1000
                : local.atZone(effective).toEpochSecond() * 1_000_000L + local.getNano() / 1000;
    }

    private static ZoneId zoneOf(String written, String text, String typeName) {
        String upper = written.toUpperCase(Locale.ROOT);
        if (upper.equals("Z") || upper.equals("UTC") || upper.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        try {
            if (written.startsWith("+") || written.startsWith("-")) {
                String digits = written.substring(1).replace(":", "");
                int hourDigits = digits.length() <= 2 ? digits.length() : digits.length() % 2 == 1 ? 1 : 2;
                int hours = Integer.parseInt(digits.substring(0, hourDigits));
                String rest = digits.substring(hourDigits);
                int minutes = rest.length() >= 2 ? Integer.parseInt(rest.substring(0, 2)) : 0;
                int seconds = rest.length() >= 4 ? Integer.parseInt(rest.substring(2, 4)) : 0;
                int sign = written.startsWith("-") ? -1 : 1;
                return ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60 + seconds));
            }
            return ZoneId.of(written);
        } catch (DateTimeException | NumberFormatException invalid) {
            throw BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                    "invalid input syntax for type " + typeName + ": \"" + text + "\"");
        }
    }

    /** An INTERVAL from PostgreSQL's unit syntax or a clock time, with fractions spilled down as PostgreSQL does. */
    public static Interval parseInterval(String text) {
        String input = text.strip().toLowerCase(Locale.ROOT);
        if (input.startsWith("@")) {
            input = input.substring(1).strip();
        }
        boolean ago = input.endsWith(" ago") || input.equals("ago");
        if (ago) {
            input = input.substring(0, input.length() - 3).strip();
        }
        if (input.isEmpty()) {
            throw invalidInterval(text);
        }
        BigDecimal months = BigDecimal.ZERO;
        BigDecimal days = BigDecimal.ZERO;
        BigDecimal micros = BigDecimal.ZERO;
        String[] words = input.split("\\s+");
        int i = 0;
        while (i < words.length) {
            String word = words[i];
            Matcher clock = CLOCK.matcher(word);
            if (clock.matches()) {
                long hours = Long.parseLong(clock.group(2));
                long minutes = Long.parseLong(clock.group(3));
                long seconds = clock.group(4) == null ? 0 : Long.parseLong(clock.group(4));
                long fraction = clock.group(5) == null ? 0
                        : Long.parseLong((clock.group(5) + "000000").substring(0, 6));
                long value = ((hours * 60 + minutes) * 60 + seconds) * 1_000_000L + fraction;
                micros = micros.add(BigDecimal.valueOf("-".equals(clock.group(1)) ? -value : value));
                i++;
                continue;
            }
            Matcher amount = AMOUNT.matcher(word);
            if (!amount.matches()) {
                throw invalidInterval(text);
            }
            BigDecimal number = new BigDecimal(amount.group(1).startsWith("+") ? amount.group(1).substring(1) : amount.group(1));
            String unit = amount.group(2);
            if (unit == null && i + 1 < words.length && !CLOCK.matcher(words[i + 1]).matches()
                    && words[i + 1].chars().allMatch(Character::isLetter)) {
                unit = words[i + 1];
                i++;
            }
            i++;
            if (unit == null) {
                // A bare number before a clock time counts days ('-1 +02:03'); otherwise seconds.
                unit = i < words.length && CLOCK.matcher(words[i]).matches() ? "day" : "second";
            }
            switch (unit) {
                case "microsecond", "microseconds", "us", "usec", "usecs", "microsecon" -> micros = micros.add(number);
                case "millisecond", "milliseconds", "ms", "msec", "msecs" -> micros = micros.add(number.movePointRight(3));
                case "second", "seconds", "s", "sec", "secs" -> micros = micros.add(number.movePointRight(6));
                case "minute", "minutes", "m", "min", "mins" -> micros = micros.add(number.multiply(BigDecimal.valueOf(60_000_000L)));
                case "hour", "hours", "h", "hr", "hrs" -> micros = micros.add(number.multiply(BigDecimal.valueOf(3_600_000_000L)));
                case "day", "days", "d" -> days = days.add(number);
                case "week", "weeks", "w" -> days = days.add(number.multiply(BigDecimal.valueOf(7)));
                case "month", "months", "mon", "mons" -> months = months.add(number);
                case "year", "years", "y", "yr", "yrs" -> months = months.add(number.multiply(BigDecimal.valueOf(12)));
                case "decade", "decades" -> months = months.add(number.multiply(BigDecimal.valueOf(120)));
                case "century", "centuries" -> months = months.add(number.multiply(BigDecimal.valueOf(1200)));
                case "millennium", "millennia", "millenniums" -> months = months.add(number.multiply(BigDecimal.valueOf(12000)));
                default -> throw invalidInterval(text);
            }
        }
        // Fractions spill down: a fractional month becomes 30-day days, a fractional day 24-hour time.
        BigDecimal wholeMonths = months.setScale(0, RoundingMode.DOWN);
        days = days.add(months.subtract(wholeMonths).multiply(BigDecimal.valueOf(30)));
        BigDecimal wholeDays = days.setScale(0, RoundingMode.DOWN);
        micros = micros.add(days.subtract(wholeDays).multiply(BigDecimal.valueOf(Interval.MICROS_PER_DAY)));
        try {
            Interval interval = new Interval(wholeMonths.intValueExact(), wholeDays.intValueExact(),
                    micros.setScale(0, RoundingMode.HALF_EVEN).longValueExact());
            return ago ? interval.negate() : interval;
        } catch (ArithmeticException overflow) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval field value out of range: \"" + text + "\"");
        }
    }

    private static BasaltException invalidInterval(String text) {
        return BasaltException.of(SqlState.INVALID_DATETIME_FORMAT, "invalid input syntax for type interval: \"" + text + "\"");
    }
}
