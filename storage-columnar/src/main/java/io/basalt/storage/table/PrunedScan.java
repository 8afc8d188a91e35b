package io.basalt.storage.table;

import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A scan of an {@link InMemoryTableStore} that skips the chunks whose zone maps exclude its predicates (the chunks
 * loaded from a data file carry their row group's zone map); everything else is the store's own scan.
 */
record PrunedScan(InMemoryTableStore store, List<ScanPredicate> predicates) implements ScanSource {
    @Override
    public String name() {
        return store.name();
    }

    @Override
    public ScanSource underlying() {
        return store;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return store.columnTypes();
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return store.open(columns, context, predicates);
    }

    @Override
    public ParallelScan openParallel(int[] columns, ExecutionContext context) {
        return store.openParallel(columns, context, predicates);
    }

    @Override
    public boolean providesRowIds() {
        return store.providesRowIds();
    }

    @Override
    public long estimatedRows() {
        return store.estimatedRows();
    }
}
