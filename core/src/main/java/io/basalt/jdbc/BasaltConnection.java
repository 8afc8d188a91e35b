package io.basalt.jdbc;

import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.type.LogicalType;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A JDBC connection: one Basalt {@link Session} on a database shared with the URL's other connections. With
 * auto-commit off, the first statement after a COMMIT or ROLLBACK opens a transaction block
 * ({@code BEGIN ISOLATION LEVEL ...}) as PostgreSQL's driver does, so every statement until {@link #commit} or
 * {@link #rollback} is one transaction. JDBC isolation levels map to PostgreSQL's (READ UNCOMMITTED is READ
 * COMMITTED). Statements of one connection run one at a time.
 */
final class BasaltConnection extends ConnectionRefusals {
    private final String url;
    private final JdbcUrl parsedUrl;
    private final SharedDatabases databases;
    private final Database database;
    private final Session session;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_READ_COMMITTED;
    /** Whether a transaction block is open in the session. */
    private boolean inTransaction;
    private int savepointCounter;
    private boolean closed;

    BasaltConnection(String url, JdbcUrl parsedUrl, SharedDatabases databases) {
        this(url, parsedUrl, databases, null);
    }

    /** A connection as role {@code user} (null or empty: the bootstrap superuser). */
    BasaltConnection(String url, JdbcUrl parsedUrl, SharedDatabases databases, String user) {
        this.url = url;
        this.parsedUrl = parsedUrl;
        this.databases = databases;
        this.database = databases.acquire(parsedUrl);
        Session opened;
        try {
            opened = user == null || user.isEmpty() ? database.connect() : database.connect(user);
        } catch (RuntimeException failure) {
            databases.release(parsedUrl, database);
            throw failure;
        }
        this.session = opened;
    }

    String url() {
        return url;
    }

    Session session() {
        return session;
    }

    /**
     * Runs one statement in the session, opening a transaction block first when auto-commit is off, and keeps
     * track of blocks the statement itself opens or ends. The caller closes the result.
     */
    synchronized QueryResult run(String sql, Object... parameters) throws SQLException {
        checkOpen();
        try {
            if (!autoCommit && !inTransaction) {
                session.execute(beginStatement()).close();
                inTransaction = true;
            }
            QueryResult result = session.execute(sql, parameters);
            noteCommand(result.commandTag());
            return result;
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    /**
     * Runs the statements of one query string as PostgreSQL's driver sends them (one simple query: outside a
     * transaction they share an implicit one), handing each result to {@code each}.
     */
    synchronized void runAll(List<String> statements, java.util.function.Consumer<QueryResult> each)
            throws SQLException {
        checkOpen();
        try {
            if (!autoCommit && !inTransaction) {
                session.execute(beginStatement()).close();
                inTransaction = true;
            }
            session.executeAll(statements, io.basalt.api.CopyStreams.NONE, result -> {
                noteCommand(result.commandTag());
                each.accept(result);
            });
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    /** Runs a statement of the driver's own and closes its result. */
    private void runOwn(String sql) throws SQLException {
        try {
            session.execute(sql).close();
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    private void noteCommand(String tag) {
        switch (tag) {
            case "BEGIN", "START TRANSACTION" -> inTransaction = true;
            case "COMMIT", "ROLLBACK" -> inTransaction = false;
            default -> {
            }
        }
    }

    private String beginStatement() {
        String level = switch (isolation) {
            case Connection.TRANSACTION_SERIALIZABLE -> "SERIALIZABLE";
            case Connection.TRANSACTION_REPEATABLE_READ -> "REPEATABLE READ";
            case Connection.TRANSACTION_READ_UNCOMMITTED -> "READ UNCOMMITTED";
            default -> "READ COMMITTED";
        };
        return "BEGIN ISOLATION LEVEL " + level + (readOnly ? " READ ONLY" : "");
    }

    // ---- statements ----------------------------------------------------------------------------------------

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new BasaltStatement(this);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        checkConcurrency(concurrency);
        return createStatement();
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return createStatement(type, concurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new BasaltPreparedStatement(this, sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        checkConcurrency(concurrency);
        return prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepareStatement(sql, type, concurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return new BasaltPreparedStatement(this, sql,
                autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS ? new String[0] : null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return new BasaltPreparedStatement(this, sql, columnNames == null ? new String[0] : columnNames.clone());
    }

    private static void checkConcurrency(int concurrency) throws SQLException {
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw SqlExceptions.unsupported("Updatable result sets");
        }
    }

    @Override
    public String nativeSQL(String sql) {
        return PlaceholderTranslation.of(sql).sql();
    }

    // ---- transactions --------------------------------------------------------------------------------------

    @Override
    public synchronized void setAutoCommit(boolean newAutoCommit) throws SQLException {
        checkOpen();
        if (newAutoCommit && !autoCommit && inTransaction) {
            commit(); // JDBC: switching auto-commit on commits the open transaction
        }
        autoCommit = newAutoCommit;
    }

    @Override
    public synchronized boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public synchronized void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlExceptions.usage("Cannot commit when autoCommit is enabled.", "25000");
        }
        if (inTransaction) {
            inTransaction = false;
            runOwn("COMMIT");
        }
    }

    @Override
    public synchronized void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlExceptions.usage("Cannot rollback when autoCommit is enabled.", "25000");
        }
        if (inTransaction) {
            inTransaction = false;
            runOwn("ROLLBACK");
        }
    }

    @Override
    public synchronized Savepoint setSavepoint() throws SQLException {
        return savepoint(new BasaltSavepoint(++savepointCounter, null));
    }

    @Override
    public synchronized Savepoint setSavepoint(String name) throws SQLException {
        return savepoint(new BasaltSavepoint(0, name));
    }

    private Savepoint savepoint(BasaltSavepoint savepoint) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw SqlExceptions.usage("Cannot establish a savepoint in auto-commit mode.", "25000");
        }
        run("SAVEPOINT " + savepoint.sqlName());
        return savepoint;
    }

    @Override
    public synchronized void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        runOwn("ROLLBACK TO SAVEPOINT " + BasaltSavepoint.cast(savepoint).sqlName());
    }

    @Override
    public synchronized void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        runOwn("RELEASE SAVEPOINT " + BasaltSavepoint.cast(savepoint).sqlName());
    }

    @Override
    public synchronized void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                 Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE -> {
            }
            default -> throw SqlExceptions.usage("Transaction isolation level " + level + " not supported.",
                    "0A000");
        }
        if (inTransaction) {
            throw SqlExceptions.usage("Cannot change transaction isolation level in the middle of a transaction.",
                    "25001");
        }
        isolation = level;
    }

    @Override
    public synchronized int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public synchronized void setReadOnly(boolean newReadOnly) throws SQLException {
        checkOpen();
        if (inTransaction && newReadOnly != readOnly) {
            throw SqlExceptions.usage("Cannot change transaction read-only property in the middle of a transaction.",
                    "25001");
        }
        readOnly = newReadOnly;
    }

    @Override
    public synchronized boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    // ---- metadata and the rest -------------------------------------------------------------------------------

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new BasaltDatabaseMetaData(this);
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        checkOpen();
        LogicalType element = JdbcTypes.byName(typeName);
        if (element == null) {
            throw SqlExceptions.usage("Unable to find server array type for provided name " + typeName + ".",
                    "42704");
        }
        return new BasaltArray(element, BasaltArray.canonical(elements, element));
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen(); // PostgreSQL's driver ignores it too: a connection reaches one database
    }

    @Override
    public synchronized void setSchema(String schema) throws SQLException {
        checkOpen();
        runOwn("SET search_path TO " + io.basalt.sql.lexer.IdentifierQuoting.quote(schema));
    }

    @Override
    public synchronized String getSchema() throws SQLException {
        checkOpen();
        try (QueryResult result = session.query("SELECT current_schema()")) {
            return result.getText(0, 0);
        } catch (RuntimeException failure) {
            throw SqlExceptions.of(failure);
        }
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public int getHoldability() {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() {
        return Map.of();
    }

    @Override
    public boolean isValid(int timeout) {
        return !closed;
    }

    @Override
    public void setClientInfo(String name, String value) {
    }

    @Override
    public void setClientInfo(Properties properties) {
    }

    @Override
    public String getClientInfo(String name) {
        return null;
    }

    @Override
    public Properties getClientInfo() {
        return new Properties();
    }

    @Override
    public void abort(Executor executor) {
        close();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) {
    }

    @Override
    public int getNetworkTimeout() {
        return 0;
    }

    /** Closes the session (rolling back an open transaction) and gives the database back. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            session.close();
        } finally {
            databases.release(parsedUrl, database);
        }
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlExceptions.closed("connection");
        }
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        if (type.isInstance(session)) {
            return type.cast(session);
        }
        throw SqlExceptions.usage("not a wrapper for " + type.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this) || type.isInstance(session);
    }
}
