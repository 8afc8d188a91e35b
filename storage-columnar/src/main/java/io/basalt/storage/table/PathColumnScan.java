package io.basalt.storage.table;

import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.PathColumn;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A scan of an {@link InMemoryTableStore} with path columns ({@link PathColumn}): after the table's columns come two
 * per path, its values and the documents left to evaluate, which {@link PathColumnReads} fills per piece from the
 * row groups' shredded sub-columns. Its predicates (added by {@link #withPredicates}, never replaced) may be on
 * table columns (zone maps and encoded chunks, as {@link PrunedScan}) or on path value columns (the sub-columns'
 * zone maps).
 */
record PathColumnScan(InMemoryTableStore store, List<PathColumn> paths, List<ScanPredicate> predicates)
        implements ScanSource {
    @Override
    public String name() {
        return store.name();
    }

    @Override
    public List<LogicalType> columnTypes() {
        List<LogicalType> types = new ArrayList<>(store.columnTypes());
        for (PathColumn path : paths) {
            types.add(path.type());
            types.add(LogicalType.JSONB);
        }
        return types;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        return store.open(columns, context, predicates, paths);
    }

    @Override
    public ParallelScan openParallel(int[] columns, ExecutionContext context) {
        return store.openParallel(columns, context, predicates, paths);
    }

    @Override
    public ScanSource withPredicates(List<ScanPredicate> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ScanPredicate> all = new ArrayList<>(predicates);
        all.addAll(more);
        return new PathColumnScan(store, paths, List.copyOf(all));
    }

    @Override
    public ScanSource underlying() {
        return store;
    }

    @Override
    public List<PathColumn> pathColumns() {
        return paths;
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
