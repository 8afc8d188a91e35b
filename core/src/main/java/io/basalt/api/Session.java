package io.basalt.api;

/**
 * A connection to a database: runs statements one at a time. Not thread-safe, except {@link #cancel}.
 *
 * <p>Parameters {@code $1, $2, ...} take Java values: {@code null}, Boolean, Short, Integer, Long,
 * Double, BigDecimal, String, LocalDate.
 */
public interface Session extends AutoCloseable {
    /**
     * Runs one SQL statement (a trailing semicolon is allowed) and returns its result: rows for a
     * query, otherwise just the command tag. The caller closes the result.
     *
     * @throws io.basalt.error.BasaltException with a PostgreSQL SQLSTATE when the statement fails
     */
    QueryResult execute(String sql, Object... parameters);

    /**
     * Runs one statement as {@link #execute(String, Object...)} does, with the client's side of COPY:
     * {@code COPY ... FROM STDIN} reads {@code streams.input()} and {@code COPY ... TO STDOUT} writes to
     * {@code streams.output()}. Without streams (the default here, for sessions that have none) both fail.
     */
    default QueryResult execute(String sql, CopyStreams streams) {
        return execute(sql);
    }

    /**
     * Runs the statements of one query string as PostgreSQL runs a simple-query message (psql sends a {@code -c}
     * string, or statements joined with {@code \;}, this way). Outside a transaction block they share one implicit
     * transaction that commits after the last statement; an error ends the string there and rolls that transaction
     * back. BEGIN in the string makes the transaction an ordinary block that outlives the string; COMMIT and ROLLBACK
     * end the implicit transaction with the warning "there is no transaction in progress" (the statements after them
     * start another); SAVEPOINT, RELEASE, ROLLBACK TO and AND CHAIN fail there as outside a block. A single
     * statement runs as {@link #execute(String, CopyStreams)} runs it.
     *
     * <p>Each result is handed to {@code each}, which closes it, before the next statement runs.
     *
     * @throws io.basalt.error.BasaltException the first failure, after the results of the statements before it
     */
    default void executeAll(java.util.List<String> statements, CopyStreams streams,
                            java.util.function.Consumer<QueryResult> each) {
        for (String statement : statements) {
            each.accept(execute(statement, streams));
        }
    }

    /** Like {@link #execute} but for statements that return rows. */
    QueryResult query(String sql, Object... parameters);

    /**
     * Appends the rows of an Arrow batch to an existing table, matching columns by position; the
     * values are copied, the caller keeps ownership of {@code rows}. The bulk-load path for loaders.
     *
     * @return the number of rows appended
     */
    long append(String table, org.apache.arrow.vector.VectorSchemaRoot rows);

    /**
     * Writes the whole database as a SQL script that recreates it, as pg_dump's plain format does: the schema, each
     * table's rows as {@code COPY ... FROM stdin} data, then the indexes ({@code basalt dump}). Read in
     * one snapshot. Sessions without a catalog of their own refuse (0A000).
     */
    default void dump(java.io.OutputStream out) {
        throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                "this session cannot dump its database");
    }

    /** What the session can see of the catalog, for the shell's {@code \d} commands and tools. */
    CatalogView catalog();

    /**
     * Cancels the statement running on this session; the one method callable from another thread. The statement fails
     * with SQLSTATE 57014 at its next batch and the session stays usable (in a transaction block the block is aborted,
     * as in PostgreSQL). Nothing happens while no statement runs. Sessions that cannot cancel ignore it.
     */
    default void cancel() {
    }

    @Override
    void close();
}
