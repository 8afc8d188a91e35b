package io.basalt.type.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.TypeId;
import io.basalt.type.datetime.Calendar;
import io.basalt.type.datetime.DateTimeValues;
import io.basalt.type.datetime.TimeWithZone;
import io.basalt.type.datetime.ZoneAbbreviationPrefix;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * Reads a date/time from text through a template in PostgreSQL's standard mode (the SQL/JSON
 * {@code .datetime(template)} method): separators and quoted text must match the input exactly, no spaces are
 * skipped, the whole template must be used and nothing but spaces may follow. The patterns the template uses
 * decide the type of the result: date fields make it a date, time fields a time, both a timestamp, and a zone
 * field ({@code TZH}, {@code TZM}, {@code TZ}, {@code OF}) adds "with time zone". Errors are PostgreSQL's
 * (22007, 22008), worded as formatting.c words them.
 */
public final class DateTimeTemplateReader {
    /**
     * What was read: {@code type} (DATE, TIME, TIMETZ, TIMESTAMP or TIMESTAMPTZ), the value in that type's
     * physical form, and for the zoned types the offset read (seconds east of UTC).
     */
    public record Result(TypeId type, long value, int offsetSeconds) {
    }

    private final String input;
    private final List<DateTimeTemplate.Node> nodes;
    private int at;
    private long year;
    private int month = 1;
    private int day = 1;
    private int hour;
    private boolean twelveHour;
    private int meridiem = -1;
    private int minute;
    private int second;
    private int micros;
    private boolean dated;
    private boolean timed;
    private boolean zoned;
    private int zoneSign;
    private int zoneHours;
    private int zoneMinutes;
    private ZoneAbbreviationPrefix.Match abbreviation;

    private DateTimeTemplateReader(String input, DateTimeTemplate template) {
        this.input = input;
        this.nodes = template.nodes();
    }

    /**
     * Fails unless {@code template} is valid in standard mode: outside double quotes, anything that is not a
     * pattern must be a space or an ASCII punctuation character.
     */
    public static void checkStandard(DateTimeTemplate template) {
        for (DateTimeTemplate.Node node : template.nodes()) {
            if (!node.isPattern() && !node.quoted() && !isSeparator(node.character())
                    && !node.character().isBlank()) {
                throw BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                        "invalid datetime format separator: \"" + node.character() + "\"");
            }
        }
    }

    /** Reads {@code input} through {@code template} (already checked by {@link #checkStandard}). */
    public static Result read(String input, DateTimeTemplate template) {
        DateTimeTemplateReader reader = new DateTimeTemplateReader(input, template);
        reader.readFields();
        return reader.result();
    }

    private static boolean isSeparator(String character) {
        char c = character.charAt(0);
        return character.length() == 1 && c > 0x20 && c < 0x7F && !Character.isLetterOrDigit(c);
    }

    private static BasaltException invalidFormat(String message) {
        return BasaltException.of(SqlState.INVALID_DATETIME_FORMAT, message);
    }

    private void readFields() {
        int n = 0;
        for (; n < nodes.size() && at < input.length(); n++) {
            DateTimeTemplate.Node node = nodes.get(n);
            if (!node.isPattern()) {
                String expected = node.character();
                if (!input.startsWith(expected, at)) {
                    throw invalidFormat(node.quoted() ? "unmatched format character \"" + expected + "\""
                            : "unmatched format separator \"" + expected + "\"");
                }
                at += expected.length();
                continue;
            }
            readPattern(node, n);
        }
        if (n < nodes.size()) {
            throw invalidFormat("input string is too short for datetime format");
        }
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
        if (at < input.length()) {
            throw invalidFormat("trailing characters remain in input string after datetime format");
        }
    }

    private void readPattern(DateTimeTemplate.Node node, int index) {
        switch (node.pattern()) {
            case YEAR4, YEAR3, YEAR2, YEAR1 -> {
                int width = node.pattern() == DateTimePattern.YEAR4 ? 4 : node.pattern() == DateTimePattern.YEAR3 ? 3
                        : node.pattern() == DateTimePattern.YEAR2 ? 2 : 1;
                int start = at;
                long value = readInteger(node, index, width);
                int digits = at - start;
                year = digits == width ? adjustPartialYear(value, width) : value;
                dated = true;
            }
            case MONTH_NUMBER -> {
                month = (int) readInteger(node, index, 2);
                dated = true;
            }
            case MONTH_NAME, MONTH_ABBREVIATION -> {
                month = readMonthName(node);
                dated = true;
            }
            case DAY_OF_MONTH -> {
                day = (int) readInteger(node, index, 2);
                dated = true;
            }
            case HOUR24, HOUR12 -> {
                hour = (int) readInteger(node, index, 2);
                twelveHour = node.pattern() == DateTimePattern.HOUR12;
                timed = true;
            }
            case MINUTE -> {
                minute = (int) readInteger(node, index, 2);
                timed = true;
            }
            case SECOND -> {
                second = (int) readInteger(node, index, 2);
                timed = true;
            }
            case MILLISECOND -> {
                micros = (int) fraction(node, index, 3);
                timed = true;
            }
            case MICROSECOND, FRACTION1, FRACTION2, FRACTION3, FRACTION4, FRACTION5, FRACTION6 -> {
                int width = node.pattern() == DateTimePattern.MICROSECOND ? 6
                        : node.pattern().ordinal() - DateTimePattern.FRACTION1.ordinal() + 1;
                micros = (int) fraction(node, index, width);
                timed = true;
            }
            case MERIDIEM, MERIDIEM_DOTTED -> {
                readMeridiem(node.pattern() == DateTimePattern.MERIDIEM_DOTTED);
                timed = true;
            }
            case ZONE_HOURS -> {
                readZoneSign();
                zoneHours = (int) readInteger(node, index, 2);
                zoned = true;
            }
            case ZONE_MINUTES -> {
                if (zoneSign == 0) {
                    zoneSign = 1;
                }
                zoneMinutes = (int) readInteger(node, index, 2);
                zoned = true;
            }
            case ZONE_NAME, ZONE_OFFSET -> {
                zoned = true;
                if (node.pattern() == DateTimePattern.ZONE_NAME) {
                    ZoneAbbreviationPrefix.Match match = ZoneAbbreviationPrefix.longest(input, at);
                    if (match != null) {
                        abbreviation = match;
                        zoneSign = 0;
                        at += match.length();
                        return;
                    }
                    if (Character.isLetter(input.charAt(at))) {
                        throw invalidFormat("invalid value \"" + input.substring(at) + "\" for \"" + node.character()
                                + "\"").withDetail("Time zone abbreviation is not recognized.");
                    }
                }
                readZoneSign();
                zoneHours = (int) readInteger(node, index, 2);
                if (at < input.length() && input.charAt(at) == ':') {
                    at++;
                    zoneMinutes = (int) readInteger(node, index, 2);
                }
            }
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "datetime template pattern \"" + node.character() + "\" is not supported yet");
        }
    }

    /** A two-, three- or one-digit year read as PostgreSQL places it (YY: 1970 to 2069). */
    private static long adjustPartialYear(long value, int width) {
        return switch (width) {
            case 1 -> value + 2000;
            case 2 -> value < 70 ? value + 2000 : value + 1900;
            case 3 -> value < 100 ? value + 2000 : value + 1000;
            default -> value;
        };
    }

    /** A fraction of {@code width} digits at most, scaled to microseconds by the digits read. */
    private long fraction(DateTimeTemplate.Node node, int index, int width) {
        int start = at;
        long value = readInteger(node, index, width);
        int digits = at - start;
        for (int i = digits; i < 6; i++) {
            value *= 10;
        }
        return value;
    }

    /** The sign before TZH or an offset: {@code +}, {@code -} or a space (which is +), else +. */
    private void readZoneSign() {
        char c = input.charAt(at);
        if (c == '+' || c == '-' || c == ' ') {
            zoneSign = c == '-' ? -1 : 1;
            at++;
        } else {
            zoneSign = 1;
        }
    }

    private void readMeridiem(boolean dotted) {
        String rest = input.substring(at).toLowerCase(Locale.ROOT);
        String[] words = dotted ? new String[] {"a.m.", "p.m."} : new String[] {"am", "pm"};
        for (int i = 0; i < 2; i++) {
            if (rest.startsWith(words[i])) {
                meridiem = i;
                at += words[i].length();
                return;
            }
        }
        throw invalidFormat("invalid value \"" + input.substring(at, Math.min(input.length(), at + words[0].length()))
                + "\" for \"" + (dotted ? "A.M." : "AM") + "\"")
                .withDetail("The given value did not match any of the allowed values for this field.");
    }

    private int readMonthName(DateTimeTemplate.Node node) {
        String[] names = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        String rest = input.substring(at).toLowerCase(Locale.ROOT);
        boolean full = node.pattern() == DateTimePattern.MONTH_NAME;
        for (int i = 0; i < names.length; i++) {
            String name = full ? names[i] : names[i].substring(0, 3);
            if (rest.startsWith(name)) {
                at += name.length();
                return i + 1;
            }
        }
        throw invalidFormat("invalid value \"" + input.substring(at) + "\" for \"" + node.character() + "\"")
                .withDetail("The given value did not match any of the allowed values for this field.");
    }

    /**
     * An integer field of {@code width} characters, as from_char_parse_int_len reads it: as many digits as
     * there are when the next node is no digit (or the field is in fill mode), else exactly {@code width}.
     */
    private long readInteger(DateTimeTemplate.Node node, int index, int width) {
        while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
            at++;
        }
        String copy = input.substring(at, Math.min(input.length(), at + width));
        String name = node.character();
        if (node.fillMode() || nextIsSeparator(index)) {
            int end = integerEnd(input, at, input.length());
            if (end == at) {
                throw invalidValue(copy, name).withDetail("Value must be an integer.");
            }
            long value = parse(input.substring(at, end), name);
            at = end;
            return value;
        }
        int remaining = input.length() - at;
        if (remaining < width) {
            throw invalidFormat("source string too short for \"" + name + "\" formatting field")
                    .withDetail("Field requires " + width + " characters, but only " + remaining + " remain.")
                    .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
        }
        int end = integerEnd(copy, 0, copy.length());
        if (end == 0) {
            throw invalidValue(copy, name).withDetail("Value must be an integer.");
        }
        if (end < width) {
            throw invalidValue(copy, name)
                    .withDetail("Field requires " + width + " characters, but only " + end + " could be parsed.")
                    .withHint("If your source string is not fixed-width, try using the \"FM\" modifier.");
        }
        at += end;
        return parse(copy.substring(0, end), name);
    }

    private static BasaltException invalidValue(String copy, String name) {
        return invalidFormat("invalid value \"" + copy + "\" for \"" + name + "\"");
    }

    /** Where a strtol-style integer (optional sign, digits) starting at {@code from} ends; {@code from} if none. */
    private static int integerEnd(String text, int from, int limit) {
        int i = from;
        if (i < limit && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < limit && Character.isDigit(text.charAt(i)) && text.charAt(i) < 0x80) {
            i++;
        }
        return i == digits ? from : i;
    }

    private static long parse(String digits, String name) {
        try {
            long value = Long.parseLong(digits.startsWith("+") ? digits.substring(1) : digits);
            if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                return value;
            }
        } catch (NumberFormatException tooLong) {
            // falls through to the range error
        }
        throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "value for \"" + name
                + "\" in source string is out of range")
                .withDetail("Value must be in the range -2147483648 to 2147483647.");
    }

    /** Whether the node after {@code index} cannot start with a digit (formatting.c's is_next_separator). */
    private boolean nextIsSeparator(int index) {
        DateTimeTemplate.Node node = nodes.get(index);
        if (node.ordinal() != 0) {
            return true;
        }
        if (index + 1 >= nodes.size()) {
            return true;
        }
        DateTimeTemplate.Node next = nodes.get(index + 1);
        if (next.isPattern()) {
            // formatting.c counts the zone fields as non-digit keywords
            return !next.pattern().numeric() || next.pattern() == DateTimePattern.ZONE_HOURS
                    || next.pattern() == DateTimePattern.ZONE_MINUTES;
        }
        return !(next.character().length() == 1 && Character.isDigit(next.character().charAt(0)));
    }

    private Result result() {
        if (twelveHour || meridiem >= 0) {
            if (twelveHour && (hour < 1 || hour > 12)) {
                throw BasaltException.of(SqlState.INVALID_DATETIME_FORMAT,
                        "hour \"" + hour + "\" is invalid for the 12-hour clock")
                        .withHint("Use the 24-hour clock, or give an hour between 1 and 12.");
            }
            if (meridiem == 1 && hour < 12) {
                hour += 12;
            } else if (meridiem == 0 && hour == 12) {
                hour = 0;
            }
        }
        boolean timeValid = hour >= 0 && minute >= 0 && minute < 60 && second >= 0 && second <= 60
                && (hour < 24 || hour == 24 && minute == 0 && second == 0 && micros == 0);
        boolean dateValid = month >= 1 && month <= 12 && day >= 1
                && day <= Calendar.daysInMonth(year, month);
        if (!timeValid || dated && !dateValid) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                    "date/time field value out of range: \"" + input + "\"");
        }
        long time = ((hour * 60L + minute) * 60 + second) * 1_000_000L + micros;
        int offset = zoneSign * (zoneHours * 3600 + zoneMinutes * 60);
        if (dated) {
            long days = Calendar.epochDay(year, month, day);
            if (!timed) {
                if (days < Calendar.FIRST_DATE || days >= Calendar.END_DATE) {
                    throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "date out of range: \"" + input + "\"");
                }
                return new Result(TypeId.DATE, days, 0);
            }
            long local;
            try {
                local = Math.addExact(Math.multiplyExact(days, Calendar.MICROS_PER_DAY), time);
            } catch (ArithmeticException overflow) {
                throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW,
                        "timestamp out of range: \"" + input + "\"");
            }
            if (!zoned) {
                return new Result(TypeId.TIMESTAMP, local, 0);
            }
            if (abbreviation != null) {
                offset = abbreviationOffset(abbreviation, local);
            }
            return new Result(TypeId.TIMESTAMPTZ, local - offset * 1_000_000L, offset);
        }
        if (!timed) {
            throw invalidFormat("datetime format is not dated and not timed");
        }
        if (!zoned) {
            return new Result(TypeId.TIME, time, 0);
        }
        if (abbreviation != null) {
            offset = abbreviationOffset(abbreviation, time);
        }
        return new Result(TypeId.TIMETZ, TimeWithZone.pack(time, offset), offset);
    }

    private static int abbreviationOffset(ZoneAbbreviationPrefix.Match match, long localMicros) {
        ZoneId zone = match.zone();
        return zone == null ? match.offsetSeconds() : (int) DateTimeValues.offsetOfLocal(localMicros, zone);
    }
}
