package io.basalt.type.datetime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The units and fields EXTRACT, date_part and date_trunc name, with every spelling PostgreSQL accepts for each
 * ({@code us}, {@code usec}, {@code microsecon}, ...): one table for every function and type, each of which
 * decides which units it supports.
 */
public enum DateTimeUnit {
    MICROSECONDS("microseconds", "microsecond", "us", "usec", "usecs", "useconds", "microsecon"),
    MILLISECONDS("milliseconds", "millisecond", "ms", "msec", "msecs", "mseconds", "millisecon"),
    SECOND("second", "seconds", "s", "sec", "secs"),
    MINUTE("minute", "minutes", "m", "min", "mins"),
    HOUR("hour", "hours", "h", "hr", "hrs"),
    DAY("day", "days", "d"),
    WEEK("week", "weeks", "w"),
    MONTH("month", "months", "mon", "mons"),
    QUARTER("quarter", "qtr"),
    YEAR("year", "years", "y", "yr", "yrs"),
    DECADE("decade", "decades", "dec", "decs"),
    CENTURY("century", "centuries", "c", "cent"),
    MILLENNIUM("millennium", "millennia", "mil", "mils", "millenniums"),
    EPOCH("epoch"),
    DOW("dow"),
    ISODOW("isodow"),
    DOY("doy"),
    ISOYEAR("isoyear"),
    JULIAN("julian", "j"),
    TIMEZONE("timezone"),
    TIMEZONE_HOUR("timezone_h", "timezone_hour"),
    TIMEZONE_MINUTE("timezone_m", "timezone_minute");

    private static final Map<String, DateTimeUnit> BY_SPELLING = new HashMap<>();

    static {
        for (DateTimeUnit unit : values()) {
            for (String spelling : unit.spellings) {
                BY_SPELLING.put(spelling, unit);
            }
        }
    }

    private final String[] spellings;

    DateTimeUnit(String... spellings) {
        this.spellings = spellings;
    }

    /** The unit {@code name} spells (in any case), or null when it spells none. */
    public static DateTimeUnit named(String name) {
        return BY_SPELLING.get(name.toLowerCase(Locale.ROOT));
    }
}
