package io.basalt.jdbc;

import io.basalt.api.ResultColumn;
import io.basalt.exec.vector.ValueAccess;
import java.util.List;

/** Rows held as Java arrays of canonical values: the driver's own metadata results. */
final class ListRows implements ResultRows {
    private final List<ResultColumn> columns;
    private final List<Object[]> rows;

    ListRows(List<ResultColumn> columns, List<Object[]> rows) {
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public long size() {
        return rows.size();
    }

    @Override
    public Object value(long row, int column) {
        return rows.get((int) row)[column];
    }

    @Override
    public String text(long row, int column) {
        return ValueAccess.text(columns.get(column).type(), value(row, column));
    }

    @Override
    public void close() {
    }
}
