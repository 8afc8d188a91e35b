package io.basalt.type.format;

/**
 * The template patterns of PostgreSQL's date/time formatting functions ({@code to_char}, {@code to_date},
 * {@code to_timestamp}): one constant per field a pattern prints or reads. Spellings, including the case
 * variants of the name patterns ({@code MONTH}, {@code Month}, {@code month}), are in
 * {@link DateTimeTemplate}; the case a name is printed in travels with each template node.
 */
public enum DateTimePattern {
    /** {@code A.D.}/{@code AD}/{@code B.C.}/{@code BC}: the era; {@code dotted} spellings print with periods. */
    ERA, ERA_DOTTED,
    /** {@code AM}/{@code PM} and the dotted {@code A.M.}/{@code P.M.}. */
    MERIDIEM, MERIDIEM_DOTTED,
    YEAR_COMMA, YEAR4, YEAR3, YEAR2, YEAR1,
    ISO_YEAR4, ISO_YEAR3, ISO_YEAR2, ISO_YEAR1,
    CENTURY,
    MONTH_NAME, MONTH_ABBREVIATION, MONTH_NUMBER, ROMAN_MONTH,
    DAY_NAME, DAY_ABBREVIATION,
    DAY_OF_YEAR, ISO_DAY_OF_YEAR, DAY_OF_MONTH, DAY_OF_WEEK, ISO_DAY_OF_WEEK,
    WEEK_OF_MONTH, WEEK_OF_YEAR, ISO_WEEK,
    JULIAN_DAY, QUARTER,
    HOUR12, HOUR24, MINUTE, SECOND, MILLISECOND, MICROSECOND,
    FRACTION1, FRACTION2, FRACTION3, FRACTION4, FRACTION5, FRACTION6,
    SECONDS_OF_DAY,
    ZONE_NAME, ZONE_HOURS, ZONE_MINUTES, ZONE_OFFSET;

    /** Whether the pattern prints a number, so that the {@code TH} suffix applies. */
    public boolean numeric() {
        return switch (this) {
            case ERA, ERA_DOTTED, MERIDIEM, MERIDIEM_DOTTED, MONTH_NAME, MONTH_ABBREVIATION, ROMAN_MONTH, DAY_NAME,
                 DAY_ABBREVIATION, ZONE_NAME, ZONE_OFFSET -> false;
            default -> true;
        };
    }

    /** Whether an interval has no such field ({@code to_char(interval, 'Day')} fails). */
    public boolean calendarOnly() {
        return switch (this) {
            case MONTH_NAME, MONTH_ABBREVIATION, DAY_NAME, DAY_ABBREVIATION, DAY_OF_WEEK, ISO_DAY_OF_WEEK, ZONE_NAME,
                 ZONE_HOURS, ZONE_MINUTES, ZONE_OFFSET -> true;
            default -> false;
        };
    }
}
