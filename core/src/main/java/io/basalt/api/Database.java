package io.basalt.api;

import java.nio.file.Path;
import java.util.Optional;

/** An open database. Thread-safe; hand out one {@link Session} per thread of work. */
public interface Database extends AutoCloseable {
    /** A new session (PostgreSQL's "connection"). */
    Session connect();

    /** The directory the database lives in, or empty for an in-memory database. */
    Optional<Path> path();

    /** Closes the database; sessions still open are closed with it. */
    @Override
    void close();
}
