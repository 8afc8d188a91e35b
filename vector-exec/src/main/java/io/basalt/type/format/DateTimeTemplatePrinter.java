package io.basalt.type.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.datetime.Calendar;

/**
 * {@code to_char} of a date/time value: prints a {@link BrokenDownTime} through a compiled
 * {@link DateTimeTemplate} as PostgreSQL does. Numbers are zero-padded to the pattern's width unless
 * {@code FM} is given (a negative interval field keeps its width of digits after the sign for
 * {@code YYYY}, {@code MM}, {@code HH}, {@code MI}, {@code SS}, {@code CC}); names are padded to nine
 * characters ({@code RM} to four) unless {@code FM} or {@code TM}; years before 1 print as positive BC
 * years; {@code TH} appends the English ordinal suffix.
 */
public final class DateTimeTemplatePrinter {
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December"};
    private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday"};
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

    private DateTimeTemplatePrinter() {
    }

    /**
     * Appends {@code time} printed through {@code template} to {@code out}.
     *
     * @throws BasaltException 22007 for a calendar pattern ({@code Day}, {@code TZ}, ...) on an interval
     */
    public static void print(DateTimeTemplate template, BrokenDownTime time, StringBuilder out) {
        for (DateTimeTemplate.Node node : template.nodes()) {
            if (!node.isPattern()) {
                out.append(node.character());
                continue;
            }
            DateTimePattern pattern = node.pattern();
            if (time.interval && (pattern.calendarOnly() || pattern == DateTimePattern.ERA
                    || pattern == DateTimePattern.ERA_DOTTED)) {
                throw BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                        "invalid format specification for an interval value")
                        .withHint("Intervals are not tied to specific calendar dates.");
            }
            int start = out.length();
            boolean printed = printPattern(node, time, out);
            if (printed && node.ordinal() != 0 && pattern.numeric()) {
                appendOrdinal(out, start, node.ordinal() - 1 == DateTimeTemplate.LOWER);
            }
        }
    }

    /** Prints one pattern; false when it printed nothing. */
    private static boolean printPattern(DateTimeTemplate.Node node, BrokenDownTime time, StringBuilder out) {
        boolean fill = node.fillMode();
        long shownYear = time.interval ? time.year : time.year <= 0 ? 1 - time.year : time.year;
        switch (node.pattern()) {
            case ERA, ERA_DOTTED -> {
                boolean bc = time.year <= 0;
                String text = node.pattern() == DateTimePattern.ERA ? (bc ? "BC" : "AD") : (bc ? "B.C." : "A.D.");
                appendCased(out, text, node.letterCase());
            }
            case MERIDIEM, MERIDIEM_DOTTED -> {
                boolean pm = time.hour % 24 >= 12;
                String text = node.pattern() == DateTimePattern.MERIDIEM ? (pm ? "PM" : "AM") : (pm ? "P.M." : "A.M.");
                appendCased(out, text, node.letterCase());
            }
            case YEAR_COMMA -> {
                out.append(shownYear / 1000).append(',');
                padTotal(out, shownYear % 1000, 3);
            }
            case YEAR4 -> {
                if (shownYear <= 9999 && shownYear >= -9998) {
                    padDigits(out, shownYear, fill ? 0 : 4);
                } else {
                    out.append(shownYear);
                }
            }
            case YEAR3 -> padTotal(out, shownYear % 1000, fill ? 0 : 3);
            case YEAR2 -> padTotal(out, shownYear % 100, fill ? 0 : 2);
            case YEAR1 -> out.append(shownYear % 10);
            case ISO_YEAR4, ISO_YEAR3, ISO_YEAR2, ISO_YEAR1 -> {
                long isoYear = isoYear(time);
                long shown = time.interval ? isoYear : isoYear <= 0 ? 1 - isoYear : isoYear;
                switch (node.pattern()) {
                    case ISO_YEAR4 -> padDigits(out, shown, fill ? 0 : 4);
                    case ISO_YEAR3 -> padTotal(out, shown % 1000, fill ? 0 : 3);
                    case ISO_YEAR2 -> padTotal(out, shown % 100, fill ? 0 : 2);
                    default -> out.append(shown % 10);
                }
            }
            case CENTURY -> {
                long century = time.interval ? time.year / 100
                        : time.year > 0 ? (time.year + 99) / 100 : time.year / 100 - 1;
                if (century <= 99 && century >= -99) {
                    padDigits(out, century, fill ? 0 : 2);
                } else {
                    out.append(century);
                }
            }
            case MONTH_NAME -> appendName(out, MONTHS[time.month - 1], node, 9);
            case MONTH_ABBREVIATION -> appendCased(out, MONTHS[time.month - 1].substring(0, 3), node.letterCase());
            case MONTH_NUMBER -> padDigits(out, time.month, fill ? 0 : 2);
            case ROMAN_MONTH -> {
                if (time.month == 0 && time.year == 0) {
                    return false;
                }
                int month;
                if (time.month == 0) {
                    month = time.year >= 0 ? 12 : 1;
                } else if (time.month < 0) {
                    // A negative interval month counts back from December: -1 is XII, -2 is XI.
                    month = 13 + time.month;
                } else {
                    month = time.month;
                }
                String text = ROMAN[month - 1];
                appendCased(out, text, node.letterCase());
                if (!fill) {
                    for (int i = text.length(); i < 4; i++) {
                        out.append(' ');
                    }
                }
            }
            case DAY_NAME -> appendName(out, DAYS[time.dayOfWeek], node, 9);
            case DAY_ABBREVIATION -> appendCased(out, DAYS[time.dayOfWeek].substring(0, 3), node.letterCase());
            case DAY_OF_YEAR -> padTotal(out, time.dayOfYear, fill ? 0 : 3);
            case ISO_DAY_OF_YEAR -> padTotal(out, (isoWeek(time) - 1) * 7L + isoDayOfWeek(time), fill ? 0 : 3);
            case DAY_OF_MONTH -> padTotal(out, time.day, fill ? 0 : 2);
            case DAY_OF_WEEK -> out.append(time.dayOfWeek + 1);
            case ISO_DAY_OF_WEEK -> out.append(isoDayOfWeek(time));
            case WEEK_OF_MONTH -> out.append((time.day - 1) / 7 + 1);
            case WEEK_OF_YEAR -> padTotal(out, (time.dayOfYear - 1) / 7 + 1, fill ? 0 : 2);
            case ISO_WEEK -> padTotal(out, isoWeek(time), fill ? 0 : 2);
            case JULIAN_DAY -> out.append(time.epochDay + Calendar.UNIX_EPOCH_JULIAN_DAY);
            case QUARTER -> {
                if (time.month == 0) {
                    return false;
                }
                out.append((time.month - 1) / 3 + 1);
            }
            case HOUR12 -> {
                long hour = time.hour % 12 == 0 ? 12 : time.hour % 12;
                padDigits(out, hour, fill ? 0 : 2);
            }
            case HOUR24 -> padDigits(out, time.hour, fill ? 0 : 2);
            case MINUTE -> padDigits(out, time.minute, fill ? 0 : 2);
            case SECOND -> padDigits(out, time.second, fill ? 0 : 2);
            case MILLISECOND -> padTotal(out, time.micros / 1000, fill ? 0 : 3);
            case MICROSECOND -> padTotal(out, time.micros, fill ? 0 : 6);
            case FRACTION1 -> padTotal(out, time.micros / 100_000, fill ? 0 : 1);
            case FRACTION2 -> padTotal(out, time.micros / 10_000, fill ? 0 : 2);
            case FRACTION3 -> padTotal(out, time.micros / 1000, fill ? 0 : 3);
            case FRACTION4 -> padTotal(out, time.micros / 100, fill ? 0 : 4);
            case FRACTION5 -> padTotal(out, time.micros / 10, fill ? 0 : 5);
            case FRACTION6 -> padTotal(out, time.micros, fill ? 0 : 6);
            case SECONDS_OF_DAY -> out.append(time.hour * 3600 + time.minute * 60L + time.second);
            case ZONE_NAME -> {
                if (!time.hasZone || time.zoneAbbreviation == null) {
                    return false;
                }
                appendCased(out, time.zoneAbbreviation, node.letterCase() == DateTimeTemplate.LOWER
                        ? DateTimeTemplate.LOWER : DateTimeTemplate.UPPER);
            }
            case ZONE_HOURS -> {
                int offset = time.hasZone ? time.offsetSeconds : 0;
                out.append(offset >= 0 ? '+' : '-');
                padTotal(out, Math.abs(offset) / 3600, 2);
            }
            case ZONE_MINUTES -> {
                int offset = time.hasZone ? time.offsetSeconds : 0;
                padTotal(out, Math.abs(offset) % 3600 / 60, 2);
            }
            case ZONE_OFFSET -> {
                int offset = time.hasZone ? time.offsetSeconds : 0;
                out.append(offset >= 0 ? '+' : '-');
                padTotal(out, Math.abs(offset) / 3600, fill ? 0 : 2);
                if (Math.abs(offset) % 3600 / 60 != 0) {
                    out.append(':');
                    padTotal(out, Math.abs(offset) % 3600 / 60, 2);
                }
            }
        }
        return true;
    }

    private static int isoDayOfWeek(BrokenDownTime time) {
        return time.dayOfWeek == 0 ? 7 : time.dayOfWeek;
    }

    /** The day since 1970 of the Thursday of the ISO week holding {@code time}'s date. */
    private static long isoThursday(BrokenDownTime time) {
        return time.epochDay - isoDayOfWeek(time) + 4;
    }

    private static long isoYear(BrokenDownTime time) {
        return BrokenDownTime.yearOf(isoThursday(time));
    }

    private static long isoWeek(BrokenDownTime time) {
        long thursday = isoThursday(time);
        long year = BrokenDownTime.yearOf(thursday);
        return (thursday - Calendar.epochDay(year, 1, 1)) / 7 + 1;
    }

    private static void appendName(StringBuilder out, String name, DateTimeTemplate.Node node, int width) {
        appendCased(out, name, node.letterCase());
        if (!node.fillMode() && !node.translate()) {
            for (int i = name.length(); i < width; i++) {
                out.append(' ');
            }
        }
    }

    private static void appendCased(StringBuilder out, String text, int letterCase) {
        switch (letterCase) {
            case DateTimeTemplate.UPPER -> out.append(text.toUpperCase(java.util.Locale.ROOT));
            case DateTimeTemplate.LOWER -> out.append(text.toLowerCase(java.util.Locale.ROOT));
            default -> {
                out.append(Character.toUpperCase(text.charAt(0)));
                out.append(text.substring(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** C's {@code %0*d}: at least {@code width} characters, the sign counted. */
    static void padTotal(StringBuilder out, long value, int width) {
        if (value < 0) {
            out.append('-');
            width--;
            value = -value;
        }
        appendZeros(out, value, width);
    }

    /** At least {@code width} digits after the sign. */
    static void padDigits(StringBuilder out, long value, int width) {
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        appendZeros(out, value, width);
    }

    private static void appendZeros(StringBuilder out, long value, int width) {
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = digits; i < width; i++) {
            out.append('0');
        }
        out.append(value);
    }

    /** Appends {@code st}, {@code nd}, {@code rd} or {@code th} after the number printed from {@code start}. */
    static void appendOrdinal(StringBuilder out, int start, boolean lower) {
        int end = out.length();
        if (end == start || !Character.isDigit(out.charAt(end - 1))) {
            return;
        }
        int last = out.charAt(end - 1) - '0';
        boolean teen = end - start >= 2 && out.charAt(end - 2) == '1';
        String suffix = teen ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
        out.append(lower ? suffix : suffix.toUpperCase(java.util.Locale.ROOT));
    }
}
