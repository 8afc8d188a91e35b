package io.basalt.cli.format;

import java.io.IOException;

/**
 * psql's csv format ({@code --csv}): RFC 4180 lines with a header line (left out in tuples-only
 * mode) and no footer. A field is quoted when it holds a comma, a double quote, a carriage return
 * or a newline, or is exactly {@code \.} (which COPY would read as end of data); quotes inside are
 * doubled. Expanded, each field becomes a {@code name,value} line. Cells are streamed.
 */
final class CsvPrinter {
    private CsvPrinter() {
    }

    static void print(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        int columnCount = table.columnCount();
        if (columnCount == 0) {
            return;
        }
        if (!settings.tuplesOnly()) {
            for (int column = 0; column < columnCount; column++) {
                if (column > 0) {
                    out.append(PrintSettings.CSV_FIELD_SEPARATOR);
                }
                appendField(table.header(column), out);
            }
            out.append('\n');
        }
        long rowCount = table.rowCount();
        for (long row = 0; row < rowCount; row++) {
            for (int column = 0; column < columnCount; column++) {
                if (column > 0) {
                    out.append(PrintSettings.CSV_FIELD_SEPARATOR);
                }
                appendValue(table.cell(row, column), settings, out);
            }
            out.append('\n');
        }
    }

    static void printExpanded(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        int columnCount = table.columnCount();
        long rowCount = table.rowCount();
        for (long row = 0; row < rowCount; row++) {
            for (int column = 0; column < columnCount; column++) {
                appendField(table.header(column), out);
                out.append(PrintSettings.CSV_FIELD_SEPARATOR);
                appendValue(table.cell(row, column), settings, out);
                out.append('\n');
            }
        }
    }

    private static void appendValue(String value, PrintSettings settings, Appendable out) throws IOException {
        appendField(value == null ? settings.nullDisplay() : value, out);
    }

    /** Appends {@code field}, quoted when csv requires it. */
    static void appendField(String field, Appendable out) throws IOException {
        if (!needsQuotes(field)) {
            out.append(field);
            return;
        }
        out.append('"');
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == '"') {
                out.append('"');
            }
            out.append(ch);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String field) {
        if (field.equals("\\.")) {
            return true;
        }
        for (int i = 0; i < field.length(); i++) {
            char ch = field.charAt(i);
            if (ch == PrintSettings.CSV_FIELD_SEPARATOR || ch == '"' || ch == '\r' || ch == '\n') {
                return true;
            }
        }
        return false;
    }
}
