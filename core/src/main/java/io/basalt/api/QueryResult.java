package io.basalt.api;

import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The outcome of one statement. For statements that return rows it holds them as Arrow batches, whose
 * fields carry their SQL types (see {@link io.basalt.type.LogicalType#of}). The result owns the batches:
 * closing it frees them, so copy what must outlive it.
 */
public interface QueryResult extends AutoCloseable {
    /** Whether the statement returns rows (SELECT, ... RETURNING), even if there are none. */
    boolean returnsRows();

    /** Name and SQL type of each result column; empty when the statement returns no rows. */
    List<ResultColumn> columns();

    Schema schema();

    /** The rows, in order; every batch has the schema of {@link #schema()}. */
    List<VectorSchemaRoot> batches();

    /** Rows returned, or rows affected for INSERT/UPDATE/DELETE. */
    long rowCount();

    /** PostgreSQL's command tag: {@code SELECT 2}, {@code INSERT 0 2}, {@code CREATE TABLE}, ... */
    String commandTag();

    /** Messages PostgreSQL would send as NOTICEs (e.g. "table \"t\" does not exist, skipping"). */
    List<String> notices();

    /**
     * Messages PostgreSQL would send as WARNINGs (e.g. "there is no transaction in progress" for a COMMIT outside a
     * transaction block); they come before the notices.
     */
    default List<String> warnings() {
        return List.of();
    }

    /** The value at {@code row} (0-based over all batches) and {@code column} in PostgreSQL's text output, or null. */
    String getText(long row, int column);

    @Override
    void close();
}
