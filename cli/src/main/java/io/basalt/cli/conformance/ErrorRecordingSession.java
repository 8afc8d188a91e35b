package io.basalt.cli.conformance;

import static java.util.Objects.requireNonNull;

import io.basalt.api.CatalogView;
import io.basalt.api.CopyStreams;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.cli.error.ErrorReport;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A session that passes every call to the engine's session and notes the SQLSTATE of each error
 * that escapes, keyed by the message the shell prints after {@code ERROR:  }. The shell's output
 * shows messages only; the runner looks their SQLSTATEs up here to group failures by cause.
 * Exceptions that are not {@link BasaltException}s are engine bugs; the shell reports them as
 * internal errors, and they are noted as XX000.
 */
final class ErrorRecordingSession implements Session {
    private Session session;
    private final Map<String, String> sqlStates = new HashMap<>();

    ErrorRecordingSession(Session session) {
        this.session = requireNonNull(session, "session is null");
    }

    /** Passes calls to {@code replacement} from now on (a reconnection), closing the session used so far. */
    void replace(Session replacement) {
        Session old = session;
        session = requireNonNull(replacement, "replacement is null");
        old.close();
    }

    /** The SQLSTATE of every error message seen so far. */
    Map<String, String> sqlStates() {
        return Map.copyOf(sqlStates);
    }

    @Override
    public QueryResult execute(String sql, Object... parameters) {
        try {
            return session.execute(sql, parameters);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            note(e);
            throw e;
        }
    }

    @Override
    public QueryResult execute(String sql, CopyStreams streams) {
        try {
            return session.execute(sql, streams);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            note(e);
            throw e;
        }
    }

    @Override
    public void executeAll(java.util.List<String> statements, CopyStreams streams,
                           java.util.function.Consumer<QueryResult> each) {
        try {
            session.executeAll(statements, streams, each);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            note(e);
            throw e;
        }
    }

    @Override
    public void cancel() {
        session.cancel();
    }

    @Override
    public QueryResult query(String sql, Object... parameters) {
        try {
            return session.query(sql, parameters);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            note(e);
            throw e;
        }
    }

    @Override
    public long append(String table, VectorSchemaRoot rows) {
        try {
            return session.append(table, rows);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            note(e);
            throw e;
        }
    }

    @Override
    public CatalogView catalog() {
        return session.catalog();
    }

    @Override
    public void close() {
        session.close();
    }

    /** Notes the failure under the message the shell prints for it (see StatementExecutor). */
    private void note(Throwable failure) {
        switch (failure) {
            case BasaltException basalt -> sqlStates.put(basalt.getMessage(), basalt.sqlState().code());
            case StackOverflowError overflow -> sqlStates.put("stack depth limit exceeded", SqlState.INTERNAL_ERROR.code());
            case OutOfMemoryError memory -> sqlStates.put("out of memory", SqlState.OUT_OF_MEMORY.code());
            default -> sqlStates.put(ErrorReport.of(failure).message(), SqlState.INTERNAL_ERROR.code());
        }
    }
}
