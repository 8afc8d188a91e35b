package io.basalt.cli.format;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A {@link ListTable} with footer lines, as psql prints {@code \d TABLE}: the columns, then indexes, constraints, .... */
public record FootedTable(ListTable table, List<String> footers) implements PrintableTable {
    public FootedTable {
        requireNonNull(table, "table is null");
        footers = List.copyOf(footers);
    }

    @Override
    public int columnCount() {
        return table.columnCount();
    }

    @Override
    public long rowCount() {
        return table.rowCount();
    }

    @Override
    public String header(int column) {
        return table.header(column);
    }

    @Override
    public boolean rightAligned(int column) {
        return table.rightAligned(column);
    }

    @Override
    public String cell(long row, int column) {
        return table.cell(row, column);
    }

    @Override
    public String title() {
        return table.title();
    }

    @Override
    public boolean showsRowCount() {
        return table.showsRowCount();
    }
}
