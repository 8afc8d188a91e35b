package io.basalt.jdbc;

import io.basalt.api.Session;
import io.basalt.exec.pipeline.StatementCancellation;
import java.util.concurrent.ScheduledFuture;

/**
 * {@link java.sql.Statement#setQueryTimeout}: cancels the session's statement once the timeout has passed while a
 * JDBC call still runs it, as PostgreSQL's driver sends a cancel request (the statement fails with 57014). Closing
 * disarms it; a timer that fires while the call is ending waits for the lock and then does nothing, so it never
 * cancels a later statement of the session.
 */
final class QueryTimeout implements AutoCloseable {
    private final Session session;
    private final ScheduledFuture<?> timer;
    private boolean running = true;

    private QueryTimeout(Session session, int seconds) {
        this.session = session;
        this.timer = seconds > 0 ? StatementCancellation.schedule(this::expire, seconds * 1000L) : null;
    }

    /** Arms a timeout of {@code seconds} (0: none) over the call that closes what this returns. */
    static QueryTimeout start(Session session, int seconds) {
        return new QueryTimeout(session, seconds);
    }

    private synchronized void expire() {
        if (running) {
            session.cancel();
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
