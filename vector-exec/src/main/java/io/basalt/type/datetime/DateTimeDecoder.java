package io.basalt.type.datetime;

import io.basalt.type.datetime.DateTimeError.Failure;
import io.basalt.type.datetime.DateTimeFields.Field;
import io.basalt.type.datetime.DateTimeKeywords.Keyword;
import java.time.ZoneId;
import java.util.List;

/**
 * The second step of reading date/time text: interprets the fields of {@link DateTimeFields} as PostgreSQL
 * does for date, timestamp and timestamptz input. Each field fills some of year, month, day, hour, minute,
 * second, zone; a field that would fill one already filled is an error. Ambiguous numbers go by the
 * {@link DateOrder}; two-digit years mean 1970-2069; {@code BC} counts years backwards with no year zero;
 * {@code J2451187} is a julian day; {@code 19970210 173201} runs fields together; a zone may be an offset
 * ({@code -08}, {@code +05:30}), an abbreviation ({@code PST}) or a tz database name. The result is the
 * local fields and what was said about the zone; {@link DateTimeValues} turns them into a value.
 *
 * <p>For {@code time} and {@code timetz} input ({@code timeOnly}) the date is optional and the time required,
 * lone numbers are read as times, and of the special words only {@code now} and {@code allballs} count.
 *
 * <p>Not thread-safe: one decoder reads one text.
 */
final class DateTimeDecoder {
    static final int YEAR = 1;
    static final int MONTH = 1 << 1;
    static final int DAY = 1 << 2;
    static final int HOUR = 1 << 3;
    static final int MINUTE = 1 << 4;
    static final int SECOND = 1 << 5;
    static final int ZONE = 1 << 6;
    private static final int WEEKDAY = 1 << 7;
    private static final int DAY_OF_YEAR = 1 << 8;
    private static final int AM_PM = 1 << 9;
    private static final int AD_BC = 1 << 10;
    private static final int DST = 1 << 11;
    static final int DATE_FIELDS = YEAR | MONTH | DAY;
    static final int TIME_FIELDS = HOUR | MINUTE | SECOND;
    private static final int NO_PREFIX = 0;
    private static final int JULIAN_PREFIX = 1;
    private static final int TIME_PREFIX = 2;

    private final DateOrder order;
    private final ZoneId sessionZone;
    private final java.time.Instant now;
    private final boolean timeOnly;
    // The decoded fields, read by DateTimeValues.
    int year;
    int month;
    int day;
    int hour;
    int minute;
    int second;
    long micros;
    /** The special value written ({@link DateTimeKeywords#EPOCH}, ...), or -1 for an ordinary date/time. */
    int special = -1;
    /** The fields filled in. */
    int mask;
    /** Seconds east of UTC when the text gave an offset or a fixed abbreviation. */
    int offsetSeconds;
    /** The zone named in the text, or the zone of a dynamic abbreviation; null when none. */
    ZoneId namedZone;
    /** Whether {@link #namedZone} came from an abbreviation ({@code MSK}) rather than a full zone name. */
    boolean zoneFromAbbreviation;
    private int dayOfYear;
    private boolean twoDigitYear;
    private boolean julian;
    private boolean beforeChrist;
    private int meridian = -1;
    private boolean textMonth;

    DateTimeDecoder(DateOrder order, ZoneId sessionZone, java.time.Instant now) {
        this(order, sessionZone, now, false);
    }

    /** A decoder of a time of day ({@code timeOnly}) or of a date and time. */
    DateTimeDecoder(DateOrder order, ZoneId sessionZone, java.time.Instant now, boolean timeOnly) {
        this.order = order;
        this.sessionZone = sessionZone;
        this.now = now;
        this.timeOnly = timeOnly;
    }

    /** Whether the text gave a whole date (a time of day may come with one). */
    boolean hasDate() {
        return (mask & DATE_FIELDS) == DATE_FIELDS;
    }

    private void setDate(java.time.LocalDate date) {
        year = date.getYear();
        month = date.getMonthValue();
        day = date.getDayOfMonth();
        julian = true; // the year is already astronomical
    }

    /** Whether the text said which zone it is in. */
    boolean hasZone() {
        return (mask & ZONE) != 0;
    }

    /**
     * Decodes {@code fields}.
     *
     * @throws Failure BAD_FORMAT when the fields do not form a date/time, FIELD_OVERFLOW and friends when a
     *                 field is out of range
     */
    void decode(List<Field> fields) {
        int prefix = NO_PREFIX;
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            String text = field.text();
            int filled;
            switch (field.type()) {
                case DATE -> {
                    if (prefix != NO_PREFIX || (mask & (MONTH | DAY)) == (MONTH | DAY)) {
                        if (DateTimeFields.isDigit(text.charAt(0)) || prefix != NO_PREFIX) {
                            // A run-together time with a zone: 173201-0800.
                            if (prefix != NO_PREFIX && prefix != TIME_PREFIX) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            prefix = NO_PREFIX;
                            if ((mask & TIME_FIELDS) == TIME_FIELDS) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            int dash = text.indexOf('-');
                            if (dash < 0) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            offsetSeconds = decodeOffset(text.substring(dash));
                            filled = decodeNumberField(text.substring(0, dash), mask) | ZONE;
                        } else {
                            namedZone = zoneNamed(text);
                            filled = ZONE;
                        }
                    } else {
                        filled = decodeDate(text);
                    }
                }
                case TIME -> {
                    if (prefix != NO_PREFIX) {
                        if (prefix != TIME_PREFIX) {
                            throw DateTimeError.BAD_FORMAT.failure();
                        }
                        prefix = NO_PREFIX;
                    }
                    filled = decodeTime(text);
                    if (timeOverflows(hour, minute, second, micros)) {
                        throw DateTimeError.FIELD_OVERFLOW.failure();
                    }
                }
                case ZONE -> {
                    offsetSeconds = decodeOffset(text);
                    filled = ZONE;
                }
                case NUMBER -> {
                    if (prefix != NO_PREFIX) {
                        filled = decodePrefixedNumber(text, prefix);
                        prefix = NO_PREFIX;
                    } else if (timeOnly) {
                        filled = decodeNumberInTime(text, i, fields);
                    } else {
                        filled = decodeNumberAlone(text);
                    }
                }
                case STRING, SPECIAL -> {
                    TimeZoneAbbreviations.Abbreviation abbreviation = TimeZoneAbbreviations.find(text);
                    if (abbreviation != null) {
                        filled = ZONE;
                        if (abbreviation.zone() != null) {
                            namedZone = abbreviation.zone();
                            zoneFromAbbreviation = true;
                        } else {
                            offsetSeconds = abbreviation.offsetSeconds();
                        }
                        break;
                    }
                    Keyword keyword = DateTimeKeywords.find(text);
                    if (keyword == null) {
                        namedZone = zoneNamed(text);
                        filled = ZONE;
                        break;
                    }
                    filled = 0;
                    switch (keyword.kind()) {
                        case IGNORED -> {
                            continue;
                        }
                        case SPECIAL -> filled = special(keyword.value());
                        case MONTH -> {
                            filled = MONTH;
                            // A numeric month already read becomes the day: "1 Feb".
                            if ((mask & MONTH) != 0 && !textMonth && (mask & DAY) == 0 && month >= 1 && month <= 31) {
                                day = month;
                                filled = DAY;
                            }
                            textMonth = true;
                            month = keyword.value();
                        }
                        case DST_MODIFIER -> {
                            filled = DST;
                            offsetSeconds += keyword.value();
                        }
                        case AM_PM -> {
                            filled = AM_PM;
                            meridian = keyword.value();
                        }
                        case AD_BC -> {
                            filled = AD_BC;
                            beforeChrist = keyword.value() == 1;
                        }
                        case WEEKDAY -> filled = WEEKDAY;
                        case JULIAN -> {
                            if (prefix != NO_PREFIX) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            prefix = JULIAN_PREFIX;
                        }
                        case ISO_TIME -> {
                            // "T" between date and time: a date must precede and a time follow.
                            if (!timeOnly && (mask & DATE_FIELDS) != DATE_FIELDS || i >= fields.size() - 1) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            DateTimeFields.Type next = fields.get(i + 1).type();
                            if (next != DateTimeFields.Type.NUMBER && next != DateTimeFields.Type.TIME
                                    && next != DateTimeFields.Type.DATE) {
                                throw DateTimeError.BAD_FORMAT.failure();
                            }
                            prefix = TIME_PREFIX;
                        }
                    }
                }
                default -> throw DateTimeError.BAD_FORMAT.failure();
            }
            if ((filled & mask) != 0) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            mask |= filled;
        }
        if (prefix != NO_PREFIX) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (special < 0) {
            validateDate();
            if (meridian >= 0 && hour > 12) {
                throw DateTimeError.FIELD_OVERFLOW.failure();
            }
            if (meridian == 0 && hour == 12) {
                hour = 0;
            } else if (meridian == 1 && hour != 12) {
                hour += 12;
            }
            if (timeOnly ? (mask & TIME_FIELDS) != TIME_FIELDS || (mask & DATE_FIELDS) != 0 && !hasDate()
                    : (mask & DATE_FIELDS) != DATE_FIELDS) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            if ((mask & DST) != 0 && namedZone != null) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
        }
    }

    /** The special {@code value}: now and the days fill in the date from the clock, the others stand alone. */
    private int special(int value) {
        if (timeOnly && value != DateTimeKeywords.NOW && value != DateTimeKeywords.ALLBALLS) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        special = value;
        switch (value) {
            case DateTimeKeywords.NOW -> {
                java.time.ZonedDateTime local = now.atZone(sessionZone);
                setDate(local.toLocalDate());
                hour = local.getHour();
                minute = local.getMinute();
                second = local.getSecond();
                micros = local.getNano() / 1000;
                offsetSeconds = local.getOffset().getTotalSeconds();
                special = -1;
                return DATE_FIELDS | TIME_FIELDS | ZONE;
            }
            case DateTimeKeywords.TODAY, DateTimeKeywords.TOMORROW, DateTimeKeywords.YESTERDAY -> {
                java.time.LocalDate today = now.atZone(sessionZone).toLocalDate();
                setDate(today.plusDays(value == DateTimeKeywords.TOMORROW ? 1 : value == DateTimeKeywords.TODAY ? 0 : -1));
                special = -1;
                return DATE_FIELDS;
            }
            case DateTimeKeywords.ALLBALLS -> {
                hour = 0;
                minute = 0;
                second = 0;
                offsetSeconds = 0;
                special = -1;
                return TIME_FIELDS | ZONE;
            }
            default -> {
                return DATE_FIELDS | TIME_FIELDS | ZONE;
            }
        }
    }

    private static ZoneId zoneNamed(String name) {
        ZoneId zone = ZoneNames.find(name);
        if (zone == null) {
            if (name.indexOf('/') >= 0) {
                throw DateTimeError.badZone(name);
            }
            throw DateTimeError.BAD_FORMAT.failure();
        }
        return zone;
    }

    /** A number after {@code J} (a julian day, maybe with a fraction) or after {@code T} (a run-together time). */
    private int decodePrefixedNumber(String text, int prefix) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        if (whole.isEmpty() || !allDigits(whole)) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (prefix == JULIAN_PREFIX) {
            long value = parseBounded(whole);
            long epochDay = value - Calendar.UNIX_EPOCH_JULIAN_DAY;
            setDate(java.time.LocalDate.ofEpochDay(epochDay));
            int filled = DATE_FIELDS;
            if (dot >= 0) {
                double fraction = Double.parseDouble("0" + text.substring(dot));
                long time = Math.round(fraction * 86_400_000_000.0);
                hour = (int) (time / 3_600_000_000L);
                minute = (int) (time / 60_000_000L % 60);
                second = (int) (time / 1_000_000L % 60);
                micros = time % 1_000_000L;
                filled |= TIME_FIELDS;
            }
            return filled;
        }
        int filled = decodeNumberField(text, mask | DATE_FIELDS);
        if (filled != TIME_FIELDS) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        return filled;
    }

    /**
     * A number standing alone in a time of day: the date when it leads a text that ends in a date field, a
     * run-together time ({@code 040506}, {@code 0405}), or one field of a time.
     */
    private int decodeNumberInTime(String text, int index, List<Field> fields) {
        int dot = text.indexOf('.');
        if (dot >= 0) {
            if (index == 0 && fields.size() >= 2 && fields.getLast().type() == DateTimeFields.Type.DATE) {
                return decodeDate(text);
            }
            if (dot > 2) {
                return decodeNumberField(text, mask | DATE_FIELDS);
            }
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (text.length() > 4) {
            return decodeNumberField(text, mask | DATE_FIELDS);
        }
        return decodeNumber(text, mask | DATE_FIELDS);
    }

    /** A number standing alone: part of a date, a year, a run-together date or time. */
    private int decodeNumberAlone(String text) {
        int dot = text.indexOf('.');
        if (dot >= 0 && (mask & DATE_FIELDS) == 0) {
            return decodeDate(text);
        }
        if (dot >= 0 && dot > 2) {
            return decodeNumberField(text, mask);
        }
        if (text.length() >= 6 && ((mask & DATE_FIELDS) == 0 || (mask & TIME_FIELDS) == 0)) {
            return decodeNumberField(text, mask);
        }
        return decodeNumber(text, mask);
    }

    /** A date field such as {@code 1997-02-10}, {@code 02/10/1997}, {@code feb-10-1997} or {@code 1997.041}. */
    private int decodeDate(String text) {
        String[] parts = splitDate(text);
        int filled = 0;
        boolean[] done = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (Character.isLetter(parts[i].charAt(0))) {
                Keyword keyword = DateTimeKeywords.find(parts[i]);
                if (keyword != null && keyword.kind() == DateTimeKeywords.Kind.IGNORED) {
                    done[i] = true;
                    continue;
                }
                if (keyword == null || keyword.kind() != DateTimeKeywords.Kind.MONTH || (mask & MONTH) != 0
                        || (filled & MONTH) != 0) {
                    throw DateTimeError.BAD_FORMAT.failure();
                }
                month = keyword.value();
                textMonth = true;
                filled |= MONTH;
                done[i] = true;
            }
        }
        for (int i = 0; i < parts.length; i++) {
            if (done[i]) {
                continue;
            }
            int part = decodeNumber(parts[i], mask | filled);
            if ((part & (mask | filled)) != 0) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            filled |= part;
        }
        if (((mask | filled) & ~(DAY_OF_YEAR | ZONE)) != DATE_FIELDS) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        return filled;
    }

    private static String[] splitDate(String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            while (i < length && !Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
            if (i >= length) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            int start = i;
            if (DateTimeFields.isDigit(text.charAt(i))) {
                while (i < length && DateTimeFields.isDigit(text.charAt(i))) {
                    i++;
                }
            } else {
                while (i < length && Character.isLetter(text.charAt(i))) {
                    i++;
                }
            }
            parts.add(text.substring(start, i));
            if (i < length) {
                i++; // one separator (or junk) ends the part
            }
        }
        return parts.toArray(new String[0]);
    }

    /** One number of a date, placed by what is already known and the date order; a fraction means seconds. */
    private int decodeNumber(String text, int known) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        if (whole.isEmpty() || !allDigits(whole)) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        int value = (int) parseBounded(whole);
        int length = text.length();
        if (dot >= 0) {
            if (whole.length() > 2) {
                return decodeNumberField(text, known | DATE_FIELDS);
            }
            micros = fractionMicros(text.substring(dot));
        }
        if (length == 3 && (known & DATE_FIELDS) == YEAR && value >= 1 && value <= 366) {
            dayOfYear = value;
            return DAY_OF_YEAR | MONTH | DAY;
        }
        int filled;
        switch (known & DATE_FIELDS) {
            case 0 -> {
                if (length >= 3 || order == DateOrder.YMD) {
                    filled = YEAR;
                    year = value;
                } else if (order == DateOrder.DMY) {
                    filled = DAY;
                    day = value;
                } else {
                    filled = MONTH;
                    month = value;
                }
            }
            case YEAR -> {
                filled = MONTH;
                month = value;
            }
            case MONTH -> {
                if (textMonth && (length >= 3 || order == DateOrder.YMD)) {
                    filled = YEAR;
                    year = value;
                } else {
                    filled = DAY;
                    day = value;
                }
            }
            case YEAR | MONTH -> {
                if (textMonth && length >= 3 && twoDigitYear) {
                    // The number taken for a year was the day: DD-MON-YYYY.
                    day = year;
                    year = value;
                    twoDigitYear = false;
                    return DAY;
                }
                filled = DAY;
                day = value;
            }
            case DAY -> {
                filled = MONTH;
                month = value;
            }
            case MONTH | DAY -> {
                filled = YEAR;
                year = value;
            }
            case DATE_FIELDS -> {
                return decodeNumberField(text, known);
            }
            default -> throw DateTimeError.BAD_FORMAT.failure();
        }
        if (filled == YEAR) {
            twoDigitYear = length <= 2;
        }
        return filled;
    }

    /**
     * A run-together date or time: {@code 19970210} or {@code 970210} (a date, when none is known yet),
     * {@code 173201} or {@code 1732} (a time), maybe with a fraction of a second.
     */
    private int decodeNumberField(String text, int known) {
        String digits = text;
        int dot = text.indexOf('.');
        if (dot >= 0) {
            micros = fractionMicros(text.substring(dot));
            digits = text.substring(0, dot);
        } else if ((known & DATE_FIELDS) != DATE_FIELDS && digits.length() >= 6) {
            int length = digits.length();
            day = Integer.parseInt(digits.substring(length - 2));
            month = Integer.parseInt(digits.substring(length - 4, length - 2));
            year = (int) parseBounded(digits.substring(0, length - 4));
            twoDigitYear = length - 4 == 2;
            return DATE_FIELDS;
        }
        if ((known & TIME_FIELDS) != TIME_FIELDS) {
            if (digits.length() == 6) {
                hour = Integer.parseInt(digits.substring(0, 2));
                minute = Integer.parseInt(digits.substring(2, 4));
                second = Integer.parseInt(digits.substring(4, 6));
                return TIME_FIELDS;
            }
            if (digits.length() == 4) {
                hour = Integer.parseInt(digits.substring(0, 2));
                minute = Integer.parseInt(digits.substring(2, 4));
                second = 0;
                return TIME_FIELDS;
            }
        }
        throw DateTimeError.BAD_FORMAT.failure();
    }

    /** {@code hh:mm}, {@code hh:mm:ss}, {@code hh:mm:ss.fff}, or {@code mm:ss.fff}. */
    private int decodeTime(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        int first = integerPart(parts[0]);
        if (parts.length == 2) {
            int dot = parts[1].indexOf('.');
            if (dot >= 0) {
                // mm:ss.fff
                minute = first;
                second = integerPart(parts[1].substring(0, dot));
                micros = fractionMicros(parts[1].substring(dot));
                hour = 0;
            } else {
                hour = first;
                minute = integerPart(parts[1]);
                second = 0;
                micros = 0;
            }
        } else {
            hour = first;
            minute = integerPart(parts[1]);
            int dot = parts[2].indexOf('.');
            if (dot >= 0) {
                second = integerPart(parts[2].substring(0, dot));
                micros = fractionMicros(parts[2].substring(dot));
            } else {
                second = integerPart(parts[2]);
                micros = 0;
            }
        }
        if (hour < 0 || minute < 0 || minute > 59 || second < 0 || second > 60 || micros < 0 || micros > 1_000_000) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
        return TIME_FIELDS;
    }

    /** Whether a time of day is past 24:00:00 (exactly 24:00:00 is allowed). */
    static boolean timeOverflows(long hour, long minute, long second, long micros) {
        if (hour < 0 || hour > 24 || minute < 0 || minute > 59 || second < 0 || second > 60
                || micros < 0 || micros > 1_000_000) {
            return true;
        }
        return ((hour * 60 + minute) * 60 + second) * 1_000_000L + micros > 86_400_000_000L;
    }

    private static int integerPart(String text) {
        if (text.isEmpty() || !allDigits(text)) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        return (int) parseBounded(text);
    }

    /** {@code .fff} as microseconds, rounded. */
    static long fractionMicros(String text) {
        if (text.length() < 1 || text.charAt(0) != '.' || !allDigits(text.substring(1))) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (text.length() == 1) {
            return 0;
        }
        return Math.round(Double.parseDouble("0" + text) * 1_000_000);
    }

    /**
     * A numeric offset {@code +hh}, {@code -hh:mm}, {@code +hh:mm:ss} or {@code -hhmm}, as seconds east of UTC.
     */
    static int decodeOffset(String text) {
        char sign = text.charAt(0);
        if (sign != '+' && sign != '-') {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        String body = text.substring(1);
        String[] parts = body.split(":", -1);
        long hours;
        long minutes = 0;
        long seconds = 0;
        if (parts.length > 3 || parts[0].isEmpty() || !allDigits(parts[0])) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (parts[0].length() > 9) {
            throw DateTimeError.ZONE_DISPLACEMENT_OVERFLOW.failure();
        }
        hours = Long.parseLong(parts[0]);
        if (parts.length == 1 && parts[0].length() > 2) {
            minutes = hours % 100;
            hours /= 100;
        } else {
            if (parts.length >= 2) {
                minutes = integerPart(parts[1]);
            }
            if (parts.length == 3) {
                seconds = integerPart(parts[2]);
            }
        }
        if (hours > 15 || minutes >= 60 || seconds >= 60) {
            throw DateTimeError.ZONE_DISPLACEMENT_OVERFLOW.failure();
        }
        int offset = (int) ((hours * 60 + minutes) * 60 + seconds);
        return sign == '-' ? -offset : offset;
    }

    /** Final checks of year, month and day: BC, two-digit years, day of year, days in the month. */
    private void validateDate() {
        if ((mask & YEAR) != 0) {
            if (julian) {
                // the year came from a julian day and is right as it is
            } else if (beforeChrist) {
                if (year <= 0) {
                    throw DateTimeError.FIELD_OVERFLOW.failure();
                }
                year = -(year - 1);
            } else if (twoDigitYear) {
                if (year < 70) {
                    year += 2000;
                } else if (year < 100) {
                    year += 1900;
                }
            } else if (year <= 0) {
                throw DateTimeError.FIELD_OVERFLOW.failure();
            }
        }
        if ((mask & DAY_OF_YEAR) != 0) {
            java.time.LocalDate date = java.time.LocalDate.of(year, 1, 1).plusDays(dayOfYear - 1);
            year = date.getYear();
            month = date.getMonthValue();
            day = date.getDayOfMonth();
        }
        if ((mask & MONTH) != 0 && (month < 1 || month > 12)) {
            throw DateTimeError.MONTH_DAY_OVERFLOW.failure();
        }
        if ((mask & DAY) != 0 && (day < 1 || day > 31)) {
            throw DateTimeError.MONTH_DAY_OVERFLOW.failure();
        }
        if ((mask & DATE_FIELDS) == DATE_FIELDS && day > Calendar.daysInMonth(year, month)) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
    }

    static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!DateTimeFields.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Digits as a number, FIELD_OVERFLOW past the range of a 32-bit integer (as PostgreSQL's strtoint). */
    static long parseBounded(String digits) {
        if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
        return Long.parseLong(digits);
    }
}
