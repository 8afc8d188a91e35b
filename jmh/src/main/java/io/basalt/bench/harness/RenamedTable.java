package io.basalt.bench.harness;

import io.basalt.api.ResultColumn;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.RowProducer;
import java.util.List;

/** A generated table under another name (the load benchmark creates a fresh table per run). */
record RenamedTable(GeneratedTable table, String name) implements GeneratedTable {
    @Override
    public List<ResultColumn> columns() {
        return table.columns();
    }

    @Override
    public long expectedRowCount() {
        return table.expectedRowCount();
    }

    @Override
    public RowProducer newRowProducer() {
        return table.newRowProducer();
    }
}
