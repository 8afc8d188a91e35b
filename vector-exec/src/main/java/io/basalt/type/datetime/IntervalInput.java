package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.Interval;
import io.basalt.type.datetime.DateTimeError.Failure;
import io.basalt.type.datetime.DateTimeFields.Field;
import java.util.List;

/**
 * Text input of intervals, as PostgreSQL reads it: unit lists ({@code 1 year 2 mons 3 days}, {@code 1.5
 * weeks}, {@code @ 3 days ago}), clock times ({@code 04:05:06}, {@code -1 +02:03}), the SQL standard's
 * {@code 1-2} (years-months) and {@code 1 2:03:04} (days and time), and ISO 8601 ({@code P1Y2M3DT4H5M6S},
 * {@code P0001-02-03T04:05:06}). Fields are read right to left so that a unit applies to the number before
 * it; a number without a unit counts in the last field of the type's qualifier (seconds without one).
 * Fractions spill into smaller fields: a fractional month becomes 30-day days, a fractional day 24-hour time.
 */
public final class IntervalInput {
    private static final long MICROS_PER_HOUR = 3_600_000_000L;
    private static final long MICROS_PER_MINUTE = 60_000_000L;

    // Units of a number, as PostgreSQL's DTK_ codes name them.
    private enum Unit { NONE, MICROSECOND, MILLISECOND, SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, YEAR, DECADE, CENTURY, MILLENNIUM }

    // Field masks, to reject a unit given twice.
    private static final int F_YEAR = 1;
    private static final int F_MONTH = 2;
    private static final int F_DAY = 4;
    private static final int F_HOUR = 8;
    private static final int F_MINUTE = 16;
    private static final int F_SECOND = 32;
    private static final int F_MILLISECOND = 64;
    private static final int F_MICROSECOND = 128;
    private static final int F_WEEK = 256;
    private static final int F_DECADE = 512;
    private static final int F_CENTURY = 1024;
    private static final int F_MILLENNIUM = 2048;
    private static final int F_TIME = F_HOUR | F_MINUTE | F_SECOND | F_MILLISECOND | F_MICROSECOND;

    // The value being built, as PostgreSQL's pg_itm_in: years, months, days and microseconds apart.
    private long years;
    private long months;
    private long days;
    private long micros;

    private IntervalInput() {
    }

    /**
     * The interval {@code text} means for a type with {@code fields} (see {@link IntervalFields}), read with
     * {@code style}'s rules (SQL_STANDARD applies a leading minus to every field).
     */
    public static Interval parse(String text, int fields, IntervalStyle style) {
        String word = text.strip();
        if (word.equalsIgnoreCase("infinity") || word.equalsIgnoreCase("+infinity")) {
            return Interval.INFINITY;
        }
        if (word.equalsIgnoreCase("-infinity")) {
            return Interval.MINUS_INFINITY;
        }
        IntervalInput input = new IntervalInput();
        try {
            try {
                List<Field> split = DateTimeFields.split(text);
                if (split == null) {
                    throw DateTimeError.BAD_FORMAT.failure();
                }
                input.decode(split, fields == 0 ? IntervalFields.ALL : fields, style);
            } catch (Failure failure) {
                if (failure.error != DateTimeError.BAD_FORMAT) {
                    throw failure;
                }
                input = new IntervalInput();
                input.decodeIso8601(text);
            }
        } catch (Failure failure) {
            DateTimeError error = failure.error == DateTimeError.FIELD_OVERFLOW ? DateTimeError.INTERVAL_OVERFLOW : failure.error;
            throw DateTimeError.report(new Failure(error, failure.detail), text, "interval");
        } catch (ArithmeticException | NumberFormatException overflow) {
            throw DateTimeError.report(DateTimeError.INTERVAL_OVERFLOW.failure(), text, "interval");
        }
        return input.toInterval();
    }

    private Interval toInterval() {
        long totalMonths = years * 12 + months;
        if (totalMonths != (int) totalMonths || years != (int) years) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range");
        }
        return new Interval((int) totalMonths, (int) days, micros);
    }

    private void decode(List<Field> fields, int range, IntervalStyle style) {
        boolean forceNegative = false;
        if (style == IntervalStyle.SQL_STANDARD && !fields.isEmpty() && fields.getFirst().text().startsWith("-")) {
            forceNegative = true;
            for (int i = 1; i < fields.size(); i++) {
                char first = fields.get(i).text().charAt(0);
                if (first == '-' || first == '+') {
                    forceNegative = false;
                    break;
                }
            }
        }
        boolean ago = false;
        int mask = 0;
        Unit unit = Unit.NONE;
        for (int i = fields.size() - 1; i >= 0; i--) {
            Field field = fields.get(i);
            String text = field.text();
            int filled;
            switch (field.type()) {
                case TIME -> {
                    filled = time(text, range);
                    if (forceNegative && micros > 0) {
                        micros = -micros;
                    }
                    unit = Unit.DAY;
                }
                case ZONE, DATE, NUMBER -> {
                    if (field.type() == DateTimeFields.Type.ZONE && text.indexOf(':', 1) >= 0) {
                        long saved = micros;
                        Integer timeMask = null;
                        try {
                            timeMask = time(text.substring(1), range);
                        } catch (Failure notTime) {
                            micros = saved;
                        }
                        if (timeMask != null) {
                            if (text.charAt(0) == '-') {
                                micros = saved - (micros - saved);
                            }
                            if (forceNegative && micros > 0) {
                                micros = -micros;
                            }
                            unit = Unit.DAY;
                            filled = timeMask;
                            break;
                        }
                    }
                    if (unit == Unit.NONE) {
                        unit = defaultUnit(range);
                    }
                    filled = number(text, unit, forceNegative);
                    if (filled < 0) {
                        // SQL "years-months": the unit was months.
                        unit = Unit.MONTH;
                        filled = F_MONTH;
                    } else if (unit == Unit.HOUR) {
                        unit = Unit.DAY;
                    }
                }
                case STRING, SPECIAL -> {
                    String word = text.length() > 10 ? text.substring(0, 10) : text;
                    if (word.equals("ago")) {
                        ago = true;
                        filled = 0;
                        break;
                    }
                    Unit named = unitNamed(word);
                    if (named == null) {
                        throw DateTimeError.BAD_FORMAT.failure();
                    }
                    unit = named;
                    filled = 0;
                }
                default -> throw DateTimeError.BAD_FORMAT.failure();
            }
            if ((filled & mask) != 0) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            mask |= filled;
        }
        if (mask == 0) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (ago) {
            // PostgreSQL keeps years, months and days in 32-bit fields, whose minimum has no negation.
            years = -years;
            months = -months;
            days = -days;
            if (years != (int) years || months != (int) months || days != (int) days) {
                throw DateTimeError.FIELD_OVERFLOW.failure();
            }
            micros = Math.negateExact(micros);
        }
    }

    /** A number (maybe signed, with a fraction, or {@code years-months}) in {@code unit}; the field mask filled. */
    private int number(String text, Unit unit, boolean forceNegative) {
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        int end = start;
        while (end < text.length() && DateTimeFields.isDigit(text.charAt(end))) {
            end++;
        }
        if (end == start && !(end < text.length() && text.charAt(end) == '.')) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        boolean negative = text.charAt(0) == '-';
        long value = end == start ? 0 : parseLong((negative ? "-" : "") + text.substring(start, end));
        double fraction = 0;
        if (end < text.length() && text.charAt(end) == '-') {
            String rest = text.substring(end + 1);
            if (rest.isEmpty() || !DateTimeDecoder.allDigits(rest)) {
                throw rest.isEmpty() ? DateTimeError.FIELD_OVERFLOW.failure() : DateTimeError.BAD_FORMAT.failure();
            }
            long extraMonths = parseLong(rest);
            if (extraMonths >= 12) {
                throw DateTimeError.FIELD_OVERFLOW.failure();
            }
            long total = Math.addExact(Math.multiplyExact(value, 12), negative ? -extraMonths : extraMonths);
            if (forceNegative && total > 0) {
                total = -total;
            }
            months = addInt(months, total);
            return -1;
        } else if (end < text.length() && text.charAt(end) == '.') {
            String digits = text.substring(end + 1);
            if (!DateTimeDecoder.allDigits(digits)) {
                throw DateTimeError.BAD_FORMAT.failure();
            }
            fraction = digits.isEmpty() ? 0 : Double.parseDouble("0." + digits);
            if (negative) {
                fraction = -fraction;
            }
        } else if (end != text.length()) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (forceNegative) {
            value = value > 0 ? -value : value;
            fraction = fraction > 0 ? -fraction : fraction;
        }
        switch (unit) {
            case MICROSECOND -> {
                addMicros(value, fraction, 1);
                return F_MICROSECOND;
            }
            case MILLISECOND -> {
                addMicros(value, fraction, 1000);
                return F_MILLISECOND;
            }
            case SECOND -> {
                addMicros(value, fraction, 1_000_000L);
                return fraction == 0 ? F_SECOND : F_SECOND | F_MILLISECOND | F_MICROSECOND;
            }
            case MINUTE -> {
                addMicros(value, fraction, MICROS_PER_MINUTE);
                return F_MINUTE;
            }
            case HOUR -> {
                addMicros(value, fraction, MICROS_PER_HOUR);
                return F_HOUR;
            }
            case DAY -> {
                days = addInt(days, value);
                addFractionMicros(fraction, Interval.MICROS_PER_DAY);
                return F_DAY;
            }
            case WEEK -> {
                days = addInt(days, Math.multiplyExact(value, 7));
                addFractionDays(fraction, 7);
                return F_WEEK;
            }
            case MONTH -> {
                months = addInt(months, value);
                addFractionDays(fraction, 30);
                return F_MONTH;
            }
            case YEAR -> {
                addYears(value, fraction, 1);
                return F_YEAR;
            }
            case DECADE -> {
                addYears(value, fraction, 10);
                return F_DECADE;
            }
            case CENTURY -> {
                addYears(value, fraction, 100);
                return F_CENTURY;
            }
            case MILLENNIUM -> {
                addYears(value, fraction, 1000);
                return F_MILLENNIUM;
            }
            default -> throw DateTimeError.BAD_FORMAT.failure();
        }
    }

    /** A clock time {@code h:mm[:ss[.fff]]} or {@code mm:ss.fff} added to the microseconds; the mask filled. */
    private int time(String text, int range) {
        String[] parts = text.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || !DateTimeDecoder.allDigits(parts[0])) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        long hours = parseLong(parts[0]);
        long minutes;
        long seconds = 0;
        long fraction = 0;
        if (parts.length == 2) {
            int dot = parts[1].indexOf('.');
            if (dot >= 0) {
                seconds = integer(parts[1].substring(0, dot));
                fraction = DateTimeDecoder.fractionMicros(parts[1].substring(dot));
                minutes = hours;
                hours = 0;
            } else {
                minutes = integer(parts[1]);
                if (range == (IntervalFields.MINUTE | IntervalFields.SECOND)) {
                    seconds = minutes;
                    minutes = hours;
                    hours = 0;
                }
            }
        } else {
            minutes = integer(parts[1]);
            int dot = parts[2].indexOf('.');
            if (dot >= 0) {
                seconds = integer(parts[2].substring(0, dot));
                fraction = DateTimeDecoder.fractionMicros(parts[2].substring(dot));
            } else {
                seconds = integer(parts[2]);
            }
        }
        if (minutes > 59 || seconds > 60 || fraction > 1_000_000) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
        long value = Math.addExact(Math.addExact(Math.multiplyExact(hours, MICROS_PER_HOUR), minutes * MICROS_PER_MINUTE),
                seconds * 1_000_000L + fraction);
        micros = Math.addExact(micros, value);
        return F_TIME;
    }

    private static long integer(String digits) {
        if (digits.isEmpty() || !DateTimeDecoder.allDigits(digits)) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        return parseLong(digits);
    }

    /** A (maybe negative) decimal integer; FIELD_OVERFLOW past 64 bits. */
    private static long parseLong(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException overflow) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
    }

    private static Unit defaultUnit(int range) {
        int last = Integer.highestOneBit(range == 0 ? IntervalFields.ALL : range);
        if (range == IntervalFields.ALL) {
            return Unit.SECOND;
        }
        return switch (last) {
            case IntervalFields.YEAR -> Unit.YEAR;
            case IntervalFields.MONTH -> Unit.MONTH;
            case IntervalFields.DAY -> Unit.DAY;
            case IntervalFields.HOUR -> Unit.HOUR;
            case IntervalFields.MINUTE -> Unit.MINUTE;
            default -> Unit.SECOND;
        };
    }

    private static Unit unitNamed(String word) {
        return switch (word) {
            case "microsecon", "us", "usec", "usecs", "usecond", "useconds" -> Unit.MICROSECOND;
            case "millisecon", "ms", "msec", "msecs", "msecond", "mseconds" -> Unit.MILLISECOND;
            case "s", "sec", "secs", "second", "seconds" -> Unit.SECOND;
            case "m", "min", "mins", "minute", "minutes" -> Unit.MINUTE;
            case "h", "hr", "hrs", "hour", "hours" -> Unit.HOUR;
            case "d", "day", "days" -> Unit.DAY;
            case "w", "week", "weeks" -> Unit.WEEK;
            case "mon", "mons", "month", "months" -> Unit.MONTH;
            case "y", "yr", "yrs", "year", "years" -> Unit.YEAR;
            case "dec", "decs", "decade", "decades" -> Unit.DECADE;
            case "c", "cent", "century", "centuries" -> Unit.CENTURY;
            case "mil", "mils", "millennia", "millennium" -> Unit.MILLENNIUM;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- adding parts, with PostgreSQL's rounding

    private static long addInt(long current, long value) {
        long sum = Math.addExact(current, value);
        if (sum != (int) sum || value != (int) value) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
        return sum;
    }

    private void addMicros(long value, double fraction, long scale) {
        micros = Math.addExact(micros, Math.multiplyExact(value, scale));
        addFractionMicros(fraction, scale);
    }

    private void addFractionMicros(double fraction, long scale) {
        if (fraction == 0) {
            return;
        }
        double scaled = fraction * scale;
        long whole = (long) scaled;
        whole += (long) Math.rint(scaled - whole);
        micros = Math.addExact(micros, whole);
    }

    private void addFractionDays(double fraction, int scale) {
        if (fraction == 0) {
            return;
        }
        double scaled = fraction * scale;
        int extraDays = (int) scaled;
        days = addInt(days, extraDays);
        addFractionMicros(scaled - extraDays, Interval.MICROS_PER_DAY);
    }

    private void addYears(long value, double fraction, int multiplier) {
        years = addInt(years, Math.multiplyExact(value, multiplier));
        if (fraction != 0) {
            months = addInt(months, (long) Math.rint(fraction * multiplier * 12));
        }
    }

    // ---------------------------------------------------------------- ISO 8601

    private int position;
    private String iso;

    /** {@code P[n]Y[n]M[n]W[n]DT[n]H[n]M[n]S} and the alternative {@code P0001-02-03T04:05:06}. */
    private void decodeIso8601(String text) {
        iso = text.strip();
        if (iso.length() < 2 || iso.charAt(0) != 'P') {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        position = 1;
        boolean datePart = true;
        boolean haveField = false;
        while (position < iso.length()) {
            if (iso.charAt(position) == 'T') {
                datePart = false;
                haveField = false;
                position++;
                continue;
            }
            int fieldStart = position;
            double number = isoNumber();
            long whole = (long) number;
            double fraction = number - whole;
            char unit = position < iso.length() ? iso.charAt(position++) : '\0';
            if (datePart) {
                switch (unit) {
                    case 'Y' -> addYears(whole, fraction, 1);
                    case 'M' -> {
                        months = addInt(months, whole);
                        addFractionDays(fraction, 30);
                    }
                    case 'W' -> {
                        days = addInt(days, Math.multiplyExact(whole, 7));
                        addFractionDays(fraction, 7);
                    }
                    case 'D' -> {
                        days = addInt(days, whole);
                        addFractionMicros(fraction, Interval.MICROS_PER_DAY);
                    }
                    case 'T', '\0', '-' -> {
                        if ((unit == 'T' || unit == '\0') && integerWidth(fieldStart) == 8 && !haveField) {
                            addYears(whole / 10000, 0, 1);
                            months = addInt(months, whole / 100 % 100);
                            days = addInt(days, whole % 100);
                            addFractionMicros(fraction, Interval.MICROS_PER_DAY);
                            if (unit == '\0') {
                                return;
                            }
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        if (haveField) {
                            throw DateTimeError.BAD_FORMAT.failure();
                        }
                        addYears(whole, fraction, 1);
                        if (unit == '\0') {
                            return;
                        }
                        if (unit == 'T') {
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        double monthNumber = isoNumber();
                        months = addInt(months, (long) monthNumber);
                        addFractionDays(monthNumber - (long) monthNumber, 30);
                        if (atEnd()) {
                            return;
                        }
                        if (iso.charAt(position) == 'T') {
                            position++;
                            datePart = false;
                            haveField = false;
                            continue;
                        }
                        expect('-');
                        double dayNumber = isoNumber();
                        days = addInt(days, (long) dayNumber);
                        addFractionMicros(dayNumber - (long) dayNumber, Interval.MICROS_PER_DAY);
                        if (atEnd()) {
                            return;
                        }
                        expect('T');
                        datePart = false;
                        haveField = false;
                        continue;
                    }
                    default -> throw DateTimeError.BAD_FORMAT.failure();
                }
            } else {
                switch (unit) {
                    case 'H' -> addMicros(whole, fraction, MICROS_PER_HOUR);
                    case 'M' -> addMicros(whole, fraction, MICROS_PER_MINUTE);
                    case 'S' -> addMicros(whole, fraction, 1_000_000L);
                    case '\0', ':' -> {
                        if (unit == '\0' && integerWidth(fieldStart) == 6 && !haveField) {
                            addMicros(whole / 10000, 0, MICROS_PER_HOUR);
                            addMicros(whole / 100 % 100, 0, MICROS_PER_MINUTE);
                            addMicros(whole % 100, 0, 1_000_000L);
                            addFractionMicros(fraction, 1);
                            return;
                        }
                        if (haveField) {
                            throw DateTimeError.BAD_FORMAT.failure();
                        }
                        addMicros(whole, fraction, MICROS_PER_HOUR);
                        if (unit == '\0') {
                            return;
                        }
                        double minuteNumber = isoNumber();
                        addMicros((long) minuteNumber, minuteNumber - (long) minuteNumber, MICROS_PER_MINUTE);
                        if (atEnd()) {
                            return;
                        }
                        expect(':');
                        double secondNumber = isoNumber();
                        addMicros((long) secondNumber, secondNumber - (long) secondNumber, 1_000_000L);
                        if (atEnd()) {
                            return;
                        }
                        throw DateTimeError.BAD_FORMAT.failure();
                    }
                    default -> throw DateTimeError.BAD_FORMAT.failure();
                }
            }
            haveField = true;
        }
    }

    private boolean atEnd() {
        return position >= iso.length();
    }

    private void expect(char c) {
        if (atEnd() || iso.charAt(position) != c) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        position++;
    }

    private int integerWidth(int start) {
        int i = start < iso.length() && iso.charAt(start) == '-' ? start + 1 : start;
        int width = 0;
        while (i < iso.length() && DateTimeFields.isDigit(iso.charAt(i))) {
            i++;
            width++;
        }
        return width;
    }

    /** A signed decimal number at the cursor (as C's strtod reads one, without exponent), truncated parts apart. */
    private double isoNumber() {
        int start = position;
        if (atEnd() || !(DateTimeFields.isDigit(iso.charAt(position)) || iso.charAt(position) == '-'
                || iso.charAt(position) == '.')) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        if (iso.charAt(position) == '-') {
            position++;
        }
        int digits = 0;
        while (!atEnd() && DateTimeFields.isDigit(iso.charAt(position))) {
            position++;
            digits++;
        }
        if (!atEnd() && iso.charAt(position) == '.') {
            position++;
            while (!atEnd() && DateTimeFields.isDigit(iso.charAt(position))) {
                position++;
                digits++;
            }
        }
        if (digits == 0) {
            throw DateTimeError.BAD_FORMAT.failure();
        }
        double value = Double.parseDouble(iso.substring(start, position));
        if (value < -1.0e15 || value > 1.0e15) {
            throw DateTimeError.FIELD_OVERFLOW.failure();
        }
        return value;
    }
}
