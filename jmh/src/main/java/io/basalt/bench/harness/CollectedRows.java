package io.basalt.bench.harness;

import java.util.ArrayList;
import java.util.List;

/** A sink that keeps every row, for results small enough to compare row by row. */
public final class CollectedRows implements RowSink {
    private List<String> columns = List.of();
    private final List<Object[]> rows = new ArrayList<>();

    @Override
    public void columns(List<String> names) {
        columns = List.copyOf(names);
    }

    @Override
    public void row(Object[] values) {
        rows.add(values.clone());
    }

    public ResultTable table() {
        return new ResultTable(columns, rows);
    }
}
