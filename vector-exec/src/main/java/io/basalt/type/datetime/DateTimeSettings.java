package io.basalt.type.datetime;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The session settings that change how values are read and printed: TimeZone, the two halves of DateStyle
 * and IntervalStyle for date/time values, extra_float_digits for floating-point output and bytea_output
 * ({@code byteaEscape}: the escape format rather than hex). PostgreSQL keeps these as session globals; Basalt binds them for the
 * duration of a statement's binding and planning in {@link #CURRENT}, and whatever needs them at run time
 * (casts, result text) captures them from there while the plan is built, so that worker threads never
 * read session state.
 */
public record DateTimeSettings(ZoneId zone, String zoneAbbreviation, DateStyle style, DateOrder order,
                               IntervalStyle intervalStyle, int extraFloatDigits, boolean byteaEscape) {
    /** PostgreSQL's default extra_float_digits: shortest exact output. */
    public static final int DEFAULT_EXTRA_FLOAT_DIGITS = 1;

    /** PostgreSQL's defaults: UTC, {@code ISO, MDY}, {@code postgres}, extra_float_digits 1. */
    public static final DateTimeSettings DEFAULT =
            new DateTimeSettings(ZoneId.of("UTC"), null, DateStyle.ISO, DateOrder.MDY, IntervalStyle.POSTGRES);

    /** The settings of the session whose statement is being bound or planned on this thread. */
    public static final ScopedValue<DateTimeSettings> CURRENT = ScopedValue.newInstance();

    public DateTimeSettings {
        requireNonNull(zone, "zone is null");
        requireNonNull(style, "style is null");
        requireNonNull(order, "order is null");
        requireNonNull(intervalStyle, "intervalStyle is null");
    }

    /** Date/time settings with the default extra_float_digits. */
    public DateTimeSettings(ZoneId zone, String zoneAbbreviation, DateStyle style, DateOrder order,
                            IntervalStyle intervalStyle) {
        this(zone, zoneAbbreviation, style, order, intervalStyle, DEFAULT_EXTRA_FLOAT_DIGITS, false);
    }

    /** These settings with {@code digits} as extra_float_digits. */
    public DateTimeSettings withExtraFloatDigits(int digits) {
        return new DateTimeSettings(zone, zoneAbbreviation, style, order, intervalStyle, digits, byteaEscape);
    }

    /** These settings with bytea_output {@code escape} ({@code true}) or {@code hex}. */
    public DateTimeSettings withByteaEscape(boolean escape) {
        return new DateTimeSettings(zone, zoneAbbreviation, style, order, intervalStyle, extraFloatDigits, escape);
    }

    /** The settings bound to this thread, or {@link #DEFAULT} outside a statement. */
    public static DateTimeSettings current() {
        return CURRENT.orElse(DEFAULT);
    }

    /**
     * Settings from the parameters' texts as SHOW prints them: DateStyle {@code "Postgres, MDY"},
     * IntervalStyle {@code "postgres_verbose"}; {@code zoneAbbreviation} is what a zone without names of its
     * own (a POSIX zone such as {@code UTC+3} or {@code +02:00}) shows as its abbreviation, else null.
     */
    public static DateTimeSettings of(ZoneId zone, String zoneAbbreviation, String dateStyle, String intervalStyle) {
        int comma = dateStyle.indexOf(',');
        String style = dateStyle.substring(0, comma).strip().toUpperCase(Locale.ROOT);
        String order = dateStyle.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
        return new DateTimeSettings(zone, zoneAbbreviation, DateStyle.valueOf(style), DateOrder.valueOf(order),
                IntervalStyle.valueOf(intervalStyle.toUpperCase(Locale.ROOT)));
    }
}
