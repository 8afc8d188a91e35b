package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.scan.ScanSource;

/**
 * The rows of one table, as the executor reads and writes them. Today's implementation keeps them in
 * memory ({@link InMemoryTableStore}); the columnar on-disk store with row groups, zone maps and a
 * write-ahead log implements this same interface.
 *
 * <p>Contract: {@link #append} is atomic (all rows or none become visible) and may run concurrently
 * with scans, which see the rows appended before they were opened.
 */
public interface TableStore extends ScanSource, AutoCloseable {
    /** Rows currently stored. */
    long rowCount();

    /** Appends the batch's rows; its columns are the table's, in order, with the table's types. */
    void append(Batch batch);

    /** Appends several batches atomically: a reader sees all of them or none. */
    void appendAll(java.util.List<Batch> batches);

    /** Frees the table's memory. The store must not be used afterwards. */
    @Override
    void close();
}
