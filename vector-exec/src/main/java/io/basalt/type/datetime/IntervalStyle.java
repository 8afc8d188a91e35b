package io.basalt.type.datetime;

/** How intervals are printed: PostgreSQL's IntervalStyle. */
public enum IntervalStyle {
    /** {@code 1 year 2 mons 3 days 04:05:06}. */
    POSTGRES,
    /** {@code @ 1 year 2 mons 3 days 4 hours 5 mins 6 secs ago}. */
    POSTGRES_VERBOSE,
    /** {@code 1-2 3 4:05:06} (year-month and day-time parts as the SQL standard writes them). */
    SQL_STANDARD,
    /** {@code P1Y2M3DT4H5M6S}. */
    ISO_8601
}
