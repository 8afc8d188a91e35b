package io.basalt.exec.operator.scan;

import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * Something a scan reads: a stored table, a table function, registered Arrow data. Implemented by the
 * storage layer and by core; the executor knows only this.
 */
public interface ScanSource {
    /**
     * A column index that asks {@link #open} for each row's id instead of a stored column: a BIGINT that
     * identifies the row within its table until the row is deleted, for DELETE and UPDATE to name the rows
     * they change. Only table stores provide it (see {@link #providesRowIds}).
     */
    int ROW_ID = -1;

    /** A name for plan printing, e.g. the table's name. */
    String name();

    /** The types of all the source's columns, in order. */
    List<LogicalType> columnTypes();

    /**
     * Starts reading the given columns (indices into {@link #columnTypes()}), producing batches of at most
     * {@code context.vectorSize()} rows whose columns are exactly those, in that order.
     */
    SourceState open(int[] columns, ExecutionContext context);

    /** Whether {@link #open} accepts {@link #ROW_ID} among its columns. */
    default boolean providesRowIds() {
        return false;
    }

    /**
     * The source this one reads, when it is a view of another with predicates or path columns added (or a logging
     * wrapper): what plan printing and the planner's statistics name the table by. This source itself by default.
     */
    default ScanSource underlying() {
        return this;
    }

    /**
     * The path columns this source reads after its own columns ({@link #withPathColumns}): path {@code i} is columns
     * {@code columnTypes().size() - 2 * pathColumns().size() + 2 * i} and the one after. Empty by default.
     */
    default List<PathColumn> pathColumns() {
        return List.of();
    }

    /** Rows the source will produce, or -1 when unknown; decides whether a scan is worth splitting. */
    default long estimatedRows() {
        return -1;
    }

    /**
     * A scan that several workers read together, each claiming whole morsels (chunks, row groups) as it
     * goes; null when the source cannot be split.
     */
    default ParallelScan openParallel(int[] columns, ExecutionContext context) {
        return null;
    }

    /**
     * This source, reading only what may satisfy {@code predicates} (conjuncts of the scan's filter, see
     * {@link ScanPredicate}): a source that keeps zone maps skips the row groups they exclude. The default ignores
     * them. The rows still pass through the full filter above the scan.
     */
    default ScanSource withPredicates(List<ScanPredicate> predicates) {
        return this;
    }

    /**
     * This source with {@code paths} added as columns: path column {@code i} reads as columns
     * {@code columnTypes().size() + 2 * i} (the values, of the path column's type) and {@code + 1} (the documents left
     * to evaluate), see {@link PathColumn}; predicates on the values columns may skip row groups whose sub-column's zone
     * map excludes them where no row needs its document. Null when the source has no shredded sub-columns to offer.
     */
    default ScanSource withPathColumns(List<PathColumn> paths) {
        return null;
    }
}
