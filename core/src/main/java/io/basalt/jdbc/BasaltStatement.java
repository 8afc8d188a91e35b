package io.basalt.jdbc;

import io.basalt.api.QueryResult;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement run through its connection's session. The result of the last execution is either a result set
 * (the rows, read in place from the engine's Arrow batches) or an update count (rows affected by INSERT, UPDATE,
 * DELETE, COPY, ...; 0 for other commands, as PostgreSQL's driver reports). With generated keys requested, an
 * INSERT, UPDATE or DELETE without RETURNING gets {@code RETURNING *} (or the requested columns) appended, and its
 * rows become {@link #getGeneratedKeys()}. A string of several statements without parameters runs as one query
 * string ({@link io.basalt.api.Session#executeAll}); {@link #getMoreResults} steps through its results.
 */
class BasaltStatement extends StatementRefusals {
    final BasaltConnection connection;
    private final List<String> batch = new ArrayList<>();
    private BasaltResultSet resultSet;
    private BasaltResultSet generatedKeys;
    private long updateCount = -1;
    /** The results after the current one of a query string of several statements, for {@link #getMoreResults}. */
    private final java.util.ArrayDeque<QueryResult> moreResults = new java.util.ArrayDeque<>();
    private long maxRows;
    private int fetchSize;
    private int queryTimeout;
    private boolean closed;
    private boolean closeOnCompletion;

    BasaltStatement(BasaltConnection connection) {
        this.connection = connection;
    }

    /**
     * Runs {@code sql} (already in PostgreSQL's {@code $n} form) with {@code parameters}, replacing the previous
     * result; {@code keyColumns} non-null asks for generated keys (empty: all columns).
     *
     * @return whether the result is a result set
     */
    final boolean run(String sql, Object[] parameters, String[] keyColumns) throws SQLException {
        checkOpen();
        clearResults();
        try (QueryTimeout timeout = QueryTimeout.start(connection.session(), queryTimeout)) {
            return runTimed(sql, parameters, keyColumns);
        }
    }

    private boolean runTimed(String sql, Object[] parameters, String[] keyColumns) throws SQLException {
        if (parameters.length == 0 && keyColumns == null) {
            List<String> statements = io.basalt.sql.parser.StatementTexts.split(sql);
            if (statements.size() > 1) {
                return runAll(statements);
            }
        }
        String text = keyColumns != null ? withReturning(sql, keyColumns) : sql;
        QueryResult result = connection.run(text, parameters);
        boolean keys = keyColumns != null && !text.equals(sql);
        if (result.returnsRows() && !keys) {
            resultSet = new BasaltResultSet(this, new ArrowRows(result)).limitedTo(maxRows);
            return true;
        }
        updateCount = result.rowCount();
        if (keys) {
            generatedKeys = new BasaltResultSet(this, new ArrowRows(result));
        } else {
            result.close();
            if (!countsRows(result.commandTag())) {
                updateCount = 0;
            }
        }
        return false;
    }

    /**
     * Runs a query string of several statements in one go, as PostgreSQL's driver does: the first result becomes the
     * current one and {@link #getMoreResults} steps through the others. A failing statement fails the call (the
     * results before it are dropped).
     */
    private boolean runAll(List<String> statements) throws SQLException {
        List<QueryResult> results = new ArrayList<>();
        try {
            connection.runAll(statements, results::add);
        } catch (SQLException failure) {
            for (QueryResult result : results) {
                result.close();
            }
            throw failure;
        }
        moreResults.addAll(results);
        return present(moreResults.poll());
    }

    /** Makes {@code result} the current result: its rows, or its update count. */
    private boolean present(QueryResult result) {
        if (result.returnsRows()) {
            resultSet = new BasaltResultSet(this, new ArrowRows(result)).limitedTo(maxRows);
            return true;
        }
        updateCount = countsRows(result.commandTag()) ? result.rowCount() : 0;
        result.close();
        return false;
    }

    /** Whether the command's tag ends with a row count that is the statement's update count. */
    private static boolean countsRows(String tag) {
        return tag.startsWith("INSERT") || tag.startsWith("UPDATE") || tag.startsWith("DELETE")
                || tag.startsWith("COPY") || tag.startsWith("MERGE") || tag.startsWith("SELECT");
    }

    /** {@code sql} with a RETURNING clause for generated keys, when it is an INSERT/UPDATE/DELETE without one. */
    static String withReturning(String sql, String[] keyColumns) {
        String trimmed = sql.strip();
        while (trimmed.endsWith(";")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        boolean writes = lower.startsWith("insert") || lower.startsWith("update") || lower.startsWith("delete");
        if (!writes || lower.matches("(?s).*\\breturning\\b.*")) {
            return sql;
        }
        if (keyColumns.length == 0) {
            return trimmed + " RETURNING *";
        }
        StringBuilder out = new StringBuilder(trimmed).append(" RETURNING ");
        for (int i = 0; i < keyColumns.length; i++) {
            out.append(i == 0 ? "" : ", ").append(io.basalt.sql.lexer.IdentifierQuoting.quote(keyColumns[i]));
        }
        return out.toString();
    }

    private void clearResults() {
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
        if (generatedKeys != null) {
            generatedKeys.close();
            generatedKeys = null;
        }
        updateCount = -1;
        while (!moreResults.isEmpty()) {
            moreResults.poll().close();
        }
    }

    private static String[] noKeys(int autoGeneratedKeys) {
        return autoGeneratedKeys == RETURN_GENERATED_KEYS ? new String[0] : null;
    }

    // ---- Statement -----------------------------------------------------------------------------------------

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!execute(sql)) {
            throw SqlExceptions.usage("No results were returned by the query.", "02000");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (execute(sql)) {
            throw SqlExceptions.usage("A result was returned when none was expected.", "0100E");
        }
        return updateCount;
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql, new Object[0], null);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, new Object[0], noKeys(autoGeneratedKeys));
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return run(sql, new Object[0], columnNames == null ? new String[0] : columnNames);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        execute(sql, autoGeneratedKeys);
        return (int) updateCount;
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        execute(sql, columnNames);
        return (int) updateCount;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        return (int) getLargeUpdateCount();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return resultSet != null ? -1 : updateCount;
    }

    /** The next result of a query string of several statements; after the last, none (update count -1). */
    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        if (resultSet != null) {
            resultSet.close();
            resultSet = null;
        }
        updateCount = -1;
        QueryResult next = moreResults.poll();
        return next != null && present(next);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        if (generatedKeys == null) {
            return new BasaltResultSet(this, new ListRows(List.of(), List.of()));
        }
        return generatedKeys;
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (int) counts[i];
        }
        return out;
    }

    /** Runs the batch's statements in order; the first failure stops it (BatchUpdateException with the counts). */
    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        long[] counts = new long[statements.size()];
        for (int i = 0; i < statements.size(); i++) {
            try {
                if (run(statements.get(i), new Object[0], null)) {
                    throw SqlExceptions.usage("A result was returned when none was expected.", "0100E");
                }
            } catch (SQLException failure) {
                throw BatchFailures.of(failure, java.util.Arrays.copyOf(counts, i));
            }
            counts[i] = updateCount;
        }
        return counts;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw SqlExceptions.usage("Maximum number of rows must be a value greater than or equal to 0.", "22023");
        }
        maxRows = max;
    }

    @Override
    public int getMaxRows() throws SQLException {
        return (int) getLargeMaxRows();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public int getMaxFieldSize() {
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) {
    }

    @Override
    public void setEscapeProcessing(boolean enable) {
    }

    @Override
    public int getQueryTimeout() {
        return queryTimeout;
    }

    /** Each execution running longer than {@code seconds} (0: no limit) is cancelled and fails with 57014. */
    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw new SQLException("Query timeout must be a value greater than or equals to 0.", "22023");
        }
        queryTimeout = seconds;
    }

    /**
     * Cancels what the connection's session is running (callable from another thread): the statement fails with 57014
     * "canceling statement due to user request". As in PostgreSQL's driver, the cancel reaches the connection's
     * running statement; nothing happens while none runs.
     */
    @Override
    public void cancel() throws SQLException {
        if (!closed) {
            connection.session().cancel();
        }
    }

    @Override
    public SQLWarning getWarnings() {
        return null;
    }

    @Override
    public void clearWarnings() {
    }

    @Override
    public void setFetchDirection(int direction) {
    }

    @Override
    public int getFetchDirection() {
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) {
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() {
        return fetchSize;
    }

    @Override
    public int getResultSetConcurrency() {
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() {
        return ResultSet.TYPE_SCROLL_INSENSITIVE;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    /** Closed by {@link #close()} or with its connection (whose session freed the results). */
    @Override
    public boolean isClosed() {
        return closed || connection.isClosed();
    }

    @Override
    public void setPoolable(boolean poolable) {
    }

    @Override
    public boolean isPoolable() {
        return false;
    }

    @Override
    public void closeOnCompletion() {
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() {
        return closeOnCompletion;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            clearResults();
        }
    }

    final void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("statement");
        }
        connection.checkOpen();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw SqlExceptions.usage("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
