package io.basalt.cli.format;

import java.io.IOException;

/**
 * psql's expanded aligned display ({@code \x}): each row becomes a block headed by a
 * {@code -[ RECORD n ]---+---} rule, with one line per column holding the column name padded to
 * the widest name, a {@code |}, and the value (all values left-aligned; multi-line values marked
 * with {@code +} as in the aligned format). In tuples-only mode the headings become plain rules
 * between records. There is no row-count footer except for a result without any cell.
 */
final class ExpandedRecordPrinter {
    private ExpandedRecordPrinter() {
    }

    static void print(PrintableTable table, PrintSettings settings, Appendable out) throws IOException {
        MaterializedTable cells = MaterializedTable.of(table, settings.nullDisplay());
        boolean tuplesOnly = settings.tuplesOnly();
        if (!tuplesOnly) {
            AlignedTablePrinter.printTitle(table.title(), 0, out);
        }
        if (cells.rowCount() == 0 || cells.columnCount() == 0) {
            if (!tuplesOnly) {
                AlignedTablePrinter.printFooter(table, out);
            }
            out.append('\n');
            return;
        }
        int nameWidth = cells.headerWidth();
        int valueWidth = cells.dataWidth();
        for (int row = 0; row < cells.rowCount(); row++) {
            if (!tuplesOnly) {
                printRecordRule(row + 1, nameWidth, valueWidth, out);
            } else if (row > 0) {
                printRecordRule(0, nameWidth, valueWidth, out);
            }
            for (int column = 0; column < cells.columnCount(); column++) {
                printField(cells.header(column), cells.cell(row, column), nameWidth, valueWidth, out);
            }
        }
        out.append('\n');
    }

    private static void printField(DisplayText name, DisplayText value, int nameWidth, int valueWidth, Appendable out)
            throws IOException {
        int lineCount = Math.max(name.lineCount(), value.lineCount());
        for (int line = 0; line < lineCount; line++) {
            if (line < name.lineCount()) {
                out.append(name.line(line));
                AlignedTablePrinter.pad(out, nameWidth - name.width(line));
            } else {
                AlignedTablePrinter.pad(out, nameWidth);
            }
            out.append(line + 1 < name.lineCount() ? '+' : ' ');
            out.append('|');
            if (line < value.lineCount()) {
                out.append(' ').append(value.line(line));
                if (line + 1 < value.lineCount()) {
                    AlignedTablePrinter.pad(out, valueWidth - value.width(line));
                    out.append('+');
                }
            }
            out.append('\n');
        }
    }

    /**
     * The rule above record {@code record} (1-based), or the plain rule between records when
     * {@code record} is 0: {@code -[ RECORD n ]} followed by dashes up to the name column's width,
     * then {@code -+-} (where the label has not already run past it) and dashes over the values.
     */
    static void printRecordRule(long record, int nameWidth, int valueWidth, Appendable out) throws IOException {
        out.append('-');
        int used = 0;
        if (record > 0) {
            String label = "[ RECORD " + record + " ]";
            out.append(label);
            used = label.length();
        }
        used++;
        AlignedTablePrinter.repeat(out, '-', nameWidth - used);
        int overflow = used - nameWidth;
        // The label may cover the "-+-" joint and part of the value column; skip what it covers.
        if (overflow-- <= 0) {
            out.append('-');
        }
        if (overflow-- <= 0) {
            out.append('+');
        }
        if (overflow-- <= 0) {
            out.append('-');
        }
        AlignedTablePrinter.repeat(out, '-', valueWidth - Math.max(overflow, 0));
        out.append('\n');
    }
}
