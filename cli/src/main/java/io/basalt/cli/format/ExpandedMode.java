package io.basalt.cli.format;

/** psql's {@code \x} setting: one line per column of each record instead of one line per row. */
public enum ExpandedMode {
    OFF,
    ON,
    /** Expanded only when an aligned table would be wider than the terminal. */
    AUTO
}
