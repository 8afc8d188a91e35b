package io.basalt.cli.format;

import java.io.IOException;

/**
 * psql's unaligned format ({@code -A}): headers and cells joined by the field separator, one line
 * per row, values unchanged (multi-line values print their newlines as they are), and the
 * {@code (N rows)} footer. Expanded, each record is a block of {@code name|value} lines and
 * records are separated by an empty line. Cells are streamed, nothing is held.
 */
final class UnalignedPrinter {
    private UnalignedPrinter() {
    }

    static void print(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        String separator = settings.fieldSeparator();
        int columnCount = table.columnCount();
        long rowCount = table.rowCount();
        if (!settings.tuplesOnly()) {
            if (table.title() != null) {
                out.append(table.title()).append('\n');
            }
            for (int column = 0; column < columnCount; column++) {
                if (column > 0) {
                    out.append(separator);
                }
                out.append(table.header(column));
            }
            out.append('\n');
        }
        if (columnCount > 0) {
            for (long row = 0; row < rowCount; row++) {
                for (int column = 0; column < columnCount; column++) {
                    if (column > 0) {
                        out.append(separator);
                    }
                    out.append(valueOrNull(table.cell(row, column), settings));
                }
                out.append('\n');
            }
        }
        if (!settings.tuplesOnly()) {
            AlignedTablePrinter.printFooter(table, out);
        }
    }

    static void printExpanded(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        String separator = settings.fieldSeparator();
        int columnCount = table.columnCount();
        long rowCount = table.rowCount();
        boolean titled = !settings.tuplesOnly() && table.title() != null;
        if (titled) {
            out.append(table.title()).append('\n');
        }
        for (long row = 0; row < rowCount; row++) {
            // An empty line goes before every record but a first one that has no title above it.
            if (row > 0 || titled) {
                out.append('\n');
            }
            for (int column = 0; column < columnCount; column++) {
                out.append(table.header(column)).append(separator)
                        .append(valueOrNull(table.cell(row, column), settings)).append('\n');
            }
        }
    }

    private static String valueOrNull(String value, PrintSettings settings) {
        return value == null ? settings.nullDisplay() : value;
    }
}
