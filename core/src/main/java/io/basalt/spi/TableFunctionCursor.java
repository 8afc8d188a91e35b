package io.basalt.spi;

import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Produces a table function's rows batch by batch. The cursor owns the returned root and may refill it
 * on the next call; the caller reads it before calling {@link #next()} again and never closes it.
 */
public interface TableFunctionCursor extends AutoCloseable {
    /** The next batch (at least one row), or null when there are no more rows. */
    VectorSchemaRoot next();

    @Override
    void close();
}
