package io.basalt.cli.format;

/**
 * A table's headers and cells turned into their display form once, so that the aligned printers
 * can measure every column before printing the first line (as psql does, the whole result is held).
 */
final class MaterializedTable {
    private final DisplayText[] headers;
    private final boolean[] rightAligned;
    private final DisplayText[][] rows;

    private MaterializedTable(DisplayText[] headers, boolean[] rightAligned, DisplayText[][] rows) {
        this.headers = headers;
        this.rightAligned = rightAligned;
        this.rows = rows;
    }

    /** Reads every cell of {@code table}, showing SQL NULL as {@code nullDisplay}. */
    static MaterializedTable of(PrintableTable table, String nullDisplay) {
        int columnCount = table.columnCount();
        long rowCount = table.rowCount();
        if (rowCount > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many rows to align: " + rowCount);
        }
        DisplayText[] headers = new DisplayText[columnCount];
        boolean[] rightAligned = new boolean[columnCount];
        for (int column = 0; column < columnCount; column++) {
            headers[column] = DisplayText.of(table.header(column));
            rightAligned[column] = table.rightAligned(column);
        }
        DisplayText[][] rows = new DisplayText[(int) rowCount][];
        for (int row = 0; row < rows.length; row++) {
            DisplayText[] cells = new DisplayText[columnCount];
            for (int column = 0; column < columnCount; column++) {
                String value = table.cell(row, column);
                cells[column] = DisplayText.of(value == null ? nullDisplay : value);
            }
            rows[row] = cells;
        }
        return new MaterializedTable(headers, rightAligned, rows);
    }

    int columnCount() {
        return headers.length;
    }

    int rowCount() {
        return rows.length;
    }

    DisplayText header(int column) {
        return headers[column];
    }

    DisplayText cell(int row, int column) {
        return rows[row][column];
    }

    boolean rightAligned(int column) {
        return rightAligned[column];
    }

    /** Each column's width: its widest header or cell line (headers count even when not printed, as in psql). */
    int[] columnWidths() {
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].maxWidth();
        }
        for (DisplayText[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].maxWidth());
            }
        }
        return widths;
    }

    /** The widest header line over all columns. */
    int headerWidth() {
        int width = 0;
        for (DisplayText header : headers) {
            width = Math.max(width, header.maxWidth());
        }
        return width;
    }

    /** The widest cell line over all columns and rows. */
    int dataWidth() {
        int width = 0;
        for (DisplayText[] row : rows) {
            for (DisplayText cell : row) {
                width = Math.max(width, cell.maxWidth());
            }
        }
        return width;
    }
}
