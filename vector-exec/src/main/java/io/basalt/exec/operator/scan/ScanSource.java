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
    /** A name for plan printing, e.g. the table's name. */
    String name();

    /** The types of all the source's columns, in order. */
    List<LogicalType> columnTypes();

    /**
     * Starts reading the given columns (indices into {@link #columnTypes()}), producing batches of at most
     * {@code context.vectorSize()} rows whose columns are exactly those, in that order.
     */
    SourceState open(int[] columns, ExecutionContext context);

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
}
