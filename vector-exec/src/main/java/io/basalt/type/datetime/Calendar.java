package io.basalt.type.datetime;

/**
 * Calendar facts date/time values rest on: the proleptic Gregorian calendar with astronomical years
 * (year 0 is 1 BC), julian day numbers, and the ranges and infinities of PostgreSQL's date and timestamp.
 * Dates are days since 1970-01-01 and timestamps microseconds since 1970-01-01 00:00 (UTC for timestamptz).
 */
public final class Calendar {
    /** The julian day of 1970-01-01. */
    public static final long UNIX_EPOCH_JULIAN_DAY = 2_440_588;
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    /** A date that is later than every other ('infinity'), and one earlier than every other. */
    public static final long DATE_INFINITY = Integer.MAX_VALUE;
    public static final long DATE_MINUS_INFINITY = Integer.MIN_VALUE;
    /** The first valid date (4714-11-24 BC, julian day 0) and the first date past the last valid one. */
    public static final long FIRST_DATE = -UNIX_EPOCH_JULIAN_DAY;
    public static final long END_DATE = 2_147_483_494L - UNIX_EPOCH_JULIAN_DAY;
    public static final long TIMESTAMP_INFINITY = Long.MAX_VALUE;
    public static final long TIMESTAMP_MINUS_INFINITY = Long.MIN_VALUE;
    /** The first valid timestamp (4714-11-24 00:00 BC). */
    public static final long FIRST_TIMESTAMP = FIRST_DATE * MICROS_PER_DAY;

    private Calendar() {
    }

    public static boolean isLeapYear(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    public static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Whether year/month lies in the julian-day range PostgreSQL's calendar routines accept. */
    public static boolean isValidJulian(long year, int month) {
        return (year > -4713 || (year == -4713 && month >= 11)) && (year < 5_874_898 || (year == 5_874_898 && month < 6));
    }

    /** Days since 1970-01-01 of a valid (astronomical) year, month and day. */
    public static long epochDay(long year, int month, int day) {
        // Days from civil: shift the year to start in March so that the leap day is the last day.
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    public static boolean isFiniteDate(long epochDay) {
        return epochDay != DATE_INFINITY && epochDay != DATE_MINUS_INFINITY;
    }

    public static boolean isFiniteTimestamp(long micros) {
        return micros != TIMESTAMP_INFINITY && micros != TIMESTAMP_MINUS_INFINITY;
    }
}
