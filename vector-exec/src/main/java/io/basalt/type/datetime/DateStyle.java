package io.basalt.type.datetime;

/** How dates and timestamps are printed: the first half of PostgreSQL's DateStyle. */
public enum DateStyle {
    /** {@code 1999-01-08 04:05:06-08}. */
    ISO,
    /** {@code 01/08/1999 04:05:06 PST} (or {@code 08/01/1999} with DMY). */
    SQL,
    /** {@code Fri Jan 08 04:05:06 1999 PST} (or {@code Fri 08 Jan} with DMY). */
    POSTGRES,
    /** {@code 08.01.1999 04:05:06 PST}. */
    GERMAN
}
