package io.basalt.cli.format;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Prints a table in the format the settings ask for; the one entry point of this package. With
 * {@link ExpandedMode#AUTO} the table is expanded only when its aligned form would be wider than
 * the terminal, as psql's {@code \x auto} does.
 */
public final class TablePrinter {
    private TablePrinter() {
    }

    /** Writes {@code table} to {@code out}; I/O failures surface as {@link UncheckedIOException}. */
    public static void print(PrintableTable table, PrintSettings settings, Appendable out) {
        try {
            boolean expanded = isExpanded(table, settings);
            switch (settings.format()) {
                case ALIGNED -> {
                    if (expanded) {
                        ExpandedRecordPrinter.print(table, settings, out);
                    } else {
                        AlignedTablePrinter.print(table, settings, out);
                    }
                }
                case UNALIGNED -> {
                    if (expanded) {
                        UnalignedPrinter.printExpanded(table, settings, out);
                    } else {
                        UnalignedPrinter.print(table, settings, out);
                    }
                }
                case CSV -> {
                    if (expanded) {
                        CsvPrinter.printExpanded(table, settings, out);
                    } else {
                        CsvPrinter.print(table, settings, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table as one string, for tests and for callers that measure output. */
    public static String render(PrintableTable table, PrintSettings settings) {
        StringBuilder out = new StringBuilder();
        print(table, settings, out);
        return out.toString();
    }

    private static boolean isExpanded(PrintableTable table, PrintSettings settings) {
        return switch (settings.expanded()) {
            case ON -> true;
            case OFF -> false;
            case AUTO -> settings.format() == OutputFormat.ALIGNED && settings.terminalWidth() > 0
                    && alignedWidth(table, settings) > settings.terminalWidth();
        };
    }

    private static int alignedWidth(PrintableTable table, PrintSettings settings) {
        MaterializedTable cells = MaterializedTable.of(table, settings.nullDisplay());
        return cells.columnCount() == 0 ? 0 : AlignedTablePrinter.totalWidth(cells.columnWidths());
    }
}
