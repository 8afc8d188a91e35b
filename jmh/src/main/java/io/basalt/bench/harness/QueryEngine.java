package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * One engine the harness measures: it creates tables, takes generated rows batch by batch, runs queries
 * (timed, reading every row as a user of the engine would) and hands results over as plain values for
 * comparison. Failures surface as {@link EngineFailure} with the engine's own message.
 */
public interface QueryEngine extends AutoCloseable {
    /** A short name for reports: {@code basalt}, {@code duckdb}. */
    String name();

    /** The engine's version, for the report's header. */
    String version();

    void createTable(GeneratedTable table);

    /** Appends the rows of {@code batch}, matching columns by position. */
    void append(String table, VectorSchemaRoot batch);

    /** Runs a statement that returns no rows (DDL). */
    void run(String sql);

    /** Runs a query and reads its whole result; the number of rows. This is what the harness times. */
    long execute(String sql);

    /** Runs a query and streams its rows, as normalized values (see {@link ResultTable#normalize}), to a sink. */
    void fetch(String sql, RowSink sink);

    @Override
    void close();
}
