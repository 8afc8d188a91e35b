package io.basalt.jdbc;

import io.basalt.api.ResultColumn;
import java.util.List;

/**
 * The rows a {@link BasaltResultSet} walks, addressed by 0-based row and column: a query's Arrow batches
 * ({@link ArrowRows}) or rows the driver builds itself for metadata ({@link ListRows}). Values are in the engine's
 * canonical form, text in PostgreSQL's output form.
 */
interface ResultRows {
    List<ResultColumn> columns();

    long size();

    /** The canonical value, or null for SQL NULL. */
    Object value(long row, int column);

    /** PostgreSQL's text output of the value, or null for SQL NULL. */
    String text(long row, int column);

    /** Frees what the rows hold; idempotent. */
    void close();
}
