package io.basalt.api;

import java.nio.file.Path;
import java.util.Optional;

/** An open database. Thread-safe; hand out one {@link Session} per thread of work. */
public interface Database extends AutoCloseable {
    /** A new session (PostgreSQL's "connection"), as the bootstrap superuser {@code basalt}. */
    Session connect();

    /**
     * A new session as role {@code user}, which must exist and have LOGIN (28000 otherwise). Basalt authenticates
     * nobody: the embedding application vouches for the name.
     */
    default Session connect(String user) {
        throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                "this database does not take user names");
    }

    /**
     * Makes a table function known to every session of this database from now on, beside those found through the
     * service loader: {@code io.basalt.arrow.ArrowTableFunction} registers Arrow data held by the application.
     */
    default void register(io.basalt.spi.TableFunction function) {
        throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                "this database does not take table functions");
    }

    /** The directory the database lives in, or empty for an in-memory database. */
    Optional<Path> path();

    /** Closes the database; sessions still open are closed with it. */
    @Override
    void close();
}
