package io.basalt.cli.format;

import static java.util.Objects.requireNonNull;

/**
 * How tables are printed: psql's {@code \pset} options that the shell supports.
 *
 * @param format          aligned, unaligned or csv
 * @param expanded        expanded (record-per-block) display
 * @param tuplesOnly      rows only: no header, title or row-count footer ({@code -t})
 * @param fieldSeparator  separator of unaligned output ({@code -F}, default {@code |})
 * @param nullDisplay     what SQL NULL shows as (psql's {@code \pset null}, default empty)
 * @param terminalWidth   columns of the terminal the output goes to, or 0 when it is not a
 *                        terminal; {@link ExpandedMode#AUTO} expands only wider tables
 */
public record PrintSettings(OutputFormat format, ExpandedMode expanded, boolean tuplesOnly,
                            String fieldSeparator, String nullDisplay, int terminalWidth) {
    public static final String DEFAULT_FIELD_SEPARATOR = "|";
    public static final char CSV_FIELD_SEPARATOR = ',';

    public PrintSettings {
        requireNonNull(format, "format is null");
        requireNonNull(expanded, "expanded is null");
        requireNonNull(fieldSeparator, "fieldSeparator is null");
        requireNonNull(nullDisplay, "nullDisplay is null");
    }

    public static PrintSettings defaults() {
        return new PrintSettings(OutputFormat.ALIGNED, ExpandedMode.OFF, false, DEFAULT_FIELD_SEPARATOR, "", 0);
    }

    public PrintSettings withFormat(OutputFormat newFormat) {
        return new PrintSettings(newFormat, expanded, tuplesOnly, fieldSeparator, nullDisplay, terminalWidth);
    }

    public PrintSettings withExpanded(ExpandedMode newExpanded) {
        return new PrintSettings(format, newExpanded, tuplesOnly, fieldSeparator, nullDisplay, terminalWidth);
    }

    public PrintSettings withTuplesOnly(boolean newTuplesOnly) {
        return new PrintSettings(format, expanded, newTuplesOnly, fieldSeparator, nullDisplay, terminalWidth);
    }

    public PrintSettings withFieldSeparator(String newFieldSeparator) {
        return new PrintSettings(format, expanded, tuplesOnly, newFieldSeparator, nullDisplay, terminalWidth);
    }

    public PrintSettings withNullDisplay(String newNullDisplay) {
        return new PrintSettings(format, expanded, tuplesOnly, fieldSeparator, newNullDisplay, terminalWidth);
    }

    public PrintSettings withTerminalWidth(int newTerminalWidth) {
        return new PrintSettings(format, expanded, tuplesOnly, fieldSeparator, nullDisplay, newTerminalWidth);
    }
}
