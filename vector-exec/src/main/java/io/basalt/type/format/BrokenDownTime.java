package io.basalt.type.format;

import io.basalt.type.Interval;
import io.basalt.type.datetime.Calendar;

/**
 * A date/time value taken apart into the fields templates print: filled from a timestamp (wall-clock
 * microseconds, with the zone's offset and abbreviation for a timestamptz) or from an interval (years,
 * months, days and a time that may exceed a day, every field carrying the interval's sign). One instance
 * is reused for every row of a batch.
 */
public final class BrokenDownTime {
    /** Astronomical year for timestamps (0 is 1 BC); whole years for intervals. */
    public long year;
    public int month;
    public long day;
    public long hour;
    public int minute;
    public int second;
    public int micros;
    public int dayOfYear;
    /** 0 is Sunday. */
    public int dayOfWeek;
    public long epochDay;
    public boolean interval;
    public boolean hasZone;
    public int offsetSeconds;
    public String zoneAbbreviation;

    /** Fills the fields from wall-clock microseconds since 1970 (a finite timestamp). */
    public void setTimestamp(long local) {
        interval = false;
        long days = Math.floorDiv(local, Calendar.MICROS_PER_DAY);
        long time = local - days * Calendar.MICROS_PER_DAY;
        setDate(days);
        hour = time / 3_600_000_000L;
        minute = (int) (time / 60_000_000L % 60);
        second = (int) (time / 1_000_000L % 60);
        micros = (int) (time % 1_000_000L);
    }

    /** Fills the date fields from days since 1970 and sets the time to midnight. */
    public void setDate(long days) {
        interval = false;
        epochDay = days;
        // Civil from days: the year starting in March, so that the leap day is last.
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfMarchYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (int) ((5 * dayOfMarchYear + 2) / 153);
        day = dayOfMarchYear - (153L * marchMonth + 2) / 5 + 1;
        month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9;
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        dayOfYear = (int) (days - Calendar.epochDay(year, 1, 1)) + 1;
        dayOfWeek = (int) Math.floorMod(days + 4, 7);
        hour = 0;
        minute = 0;
        second = 0;
        micros = 0;
    }

    /** The astronomical year of a day since 1970. */
    public static long yearOf(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfMarchYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int marchMonth = (int) ((5 * dayOfMarchYear + 2) / 153);
        return yearOfEra + era * 400 + (marchMonth >= 10 ? 1 : 0);
    }

    /** Fills the fields from an interval, as PostgreSQL takes one apart for {@code to_char}. */
    public void setInterval(Interval value) {
        interval = true;
        hasZone = false;
        year = value.months() / 12;
        month = value.months() % 12;
        day = value.days();
        long time = value.micros();
        hour = time / 3_600_000_000L;
        minute = (int) (time / 60_000_000L % 60);
        second = (int) (time / 1_000_000L % 60);
        micros = (int) (time % 1_000_000L);
        dayOfYear = (int) ((year * 12 + month) * 30 + day);
        // Months and days out of range count on from the year, as PostgreSQL's julian-day arithmetic does.
        long monthIndex = month - 1;
        epochDay = Calendar.epochDay(year + Math.floorDiv(monthIndex, 12), (int) Math.floorMod(monthIndex, 12) + 1, 1)
                + day - 1;
        dayOfWeek = (int) Math.floorMod(epochDay + 4, 7);
    }
}
