package io.basalt.cli.format;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A small table held in memory, for what the shell itself lists ({@code \dt}, {@code \d TABLE}).
 *
 * @param title          printed centred above the table, or null
 * @param headers        column headers
 * @param rightAligned   per column, whether it is right-aligned
 * @param rows           each row's cells (null for NULL), as many as there are headers
 * @param showsRowCount  whether the {@code (N rows)} footer is printed
 */
public record ListTable(String title, List<String> headers, List<Boolean> rightAligned, List<List<String>> rows,
                        boolean showsRowCount) implements PrintableTable {
    public ListTable {
        requireNonNull(headers, "headers is null");
        requireNonNull(rightAligned, "rightAligned is null");
        requireNonNull(rows, "rows is null");
        if (rightAligned.size() != headers.size()) {
            throw new IllegalArgumentException("one alignment per header expected");
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " cells, expected " + headers.size());
            }
        }
    }

    @Override
    public int columnCount() {
        return headers.size();
    }

    @Override
    public long rowCount() {
        return rows.size();
    }

    @Override
    public String header(int column) {
        return headers.get(column);
    }

    @Override
    public boolean rightAligned(int column) {
        return rightAligned.get(column);
    }

    @Override
    public String cell(long row, int column) {
        return rows.get((int) row).get(column);
    }
}
