package io.basalt.cli.format;

import java.io.IOException;

/**
 * psql's aligned format with its default border: a centred header, a {@code ---+---} rule, cells
 * padded to the column's width (numbers right-aligned, everything else left-aligned), multi-line
 * values continued on further lines with a {@code +} marker at the right of the column, a
 * {@code (N rows)} footer and an empty line after the table. The last column is not padded when
 * it is left-aligned, so lines carry no trailing blanks except where psql prints them.
 */
final class AlignedTablePrinter {
    private AlignedTablePrinter() {
    }

    static void print(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        MaterializedTable cells = MaterializedTable.of(table, settings.nullDisplay());
        int columnCount = cells.columnCount();
        boolean tuplesOnly = settings.tuplesOnly();
        if (columnCount == 0) {
            // psql's rendering of a result without columns: a bare rule, then the footer.
            if (!tuplesOnly) {
                out.append("--\n");
                printFooter(table, out);
            }
            out.append('\n');
            return;
        }
        int[] widths = cells.columnWidths();
        if (!tuplesOnly) {
            printTitle(table.title(), totalWidth(widths), out);
            printHeader(cells, widths, out);
            printRule(widths, out);
        }
        for (int row = 0; row < cells.rowCount(); row++) {
            printRow(cells, row, widths, out);
        }
        if (!tuplesOnly) {
            printFooter(table, out);
        }
        out.append('\n');
    }

    /** The width of a full table line: the columns plus three characters between each pair and one at each end. */
    static int totalWidth(int[] widths) {
        int total = widths.length * 3 - 1;
        for (int width : widths) {
            total += width;
        }
        return total;
    }

    static void printTitle(String title, int tableWidth, Appendable out) throws IOException {
        if (title == null) {
            return;
        }
        int titleWidth = DisplayText.widthOf(title);
        if (titleWidth < tableWidth) {
            pad(out, (tableWidth - titleWidth) / 2);
        }
        out.append(title).append('\n');
    }

    private static void printHeader(MaterializedTable cells, int[] widths, Appendable out) throws IOException {
        int columnCount = widths.length;
        int lineCount = 0;
        for (int column = 0; column < columnCount; column++) {
            lineCount = Math.max(lineCount, cells.header(column).lineCount());
        }
        for (int line = 0; line < lineCount; line++) {
            for (int column = 0; column < columnCount; column++) {
                DisplayText header = cells.header(column);
                out.append(' ');
                boolean continues = false;
                if (line < header.lineCount()) {
                    int spare = widths[column] - header.width(line);
                    pad(out, spare / 2);
                    out.append(header.line(line));
                    pad(out, (spare + 1) / 2);
                    continues = line + 1 < header.lineCount();
                } else {
                    pad(out, widths[column]);
                }
                out.append(continues ? '+' : ' ');
                if (column < columnCount - 1) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }

    private static void printRule(int[] widths, Appendable out) throws IOException {
        for (int column = 0; column < widths.length; column++) {
            if (column > 0) {
                out.append('+');
            }
            repeat(out, '-', widths[column] + 2);
        }
        out.append('\n');
    }

    private static void printRow(MaterializedTable cells, int row, int[] widths, Appendable out) throws IOException {
        int columnCount = widths.length;
        int lineCount = 1;
        for (int column = 0; column < columnCount; column++) {
            lineCount = Math.max(lineCount, cells.cell(row, column).lineCount());
        }
        for (int line = 0; line < lineCount; line++) {
            for (int column = 0; column < columnCount; column++) {
                DisplayText cell = cells.cell(row, column);
                boolean last = column == columnCount - 1;
                out.append(' ');
                boolean present = line < cell.lineCount();
                boolean continues = line + 1 < cell.lineCount();
                if (!present) {
                    if (!last) {
                        pad(out, widths[column]);
                    }
                } else if (cells.rightAligned(column)) {
                    pad(out, widths[column] - cell.width(line));
                    out.append(cell.line(line));
                } else {
                    out.append(cell.line(line));
                    if (!last || continues) {
                        pad(out, widths[column] - cell.width(line));
                    }
                }
                if (continues) {
                    out.append('+');
                } else if (!last) {
                    out.append(' ');
                }
                if (!last) {
                    out.append('|');
                }
            }
            out.append('\n');
        }
    }

    static void printFooter(PrintableTable table, Appendable out) throws IOException {
        if (table.showsRowCount()) {
            out.append(rowCountFooter(table.rowCount())).append('\n');
        }
        for (String footer : table.footers()) {
            out.append(footer).append('\n');
        }
    }

    /** psql's footer: {@code (1 row)} or {@code (N rows)}. */
    static String rowCountFooter(long rows) {
        return rows == 1 ? "(1 row)" : "(" + rows + " rows)";
    }

    static void pad(Appendable out, int count) throws IOException {
        repeat(out, ' ', count);
    }

    static void repeat(Appendable out, char ch, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.append(ch);
        }
    }
}
