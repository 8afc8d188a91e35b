package io.basalt.cli.fake;

import static java.util.Objects.requireNonNull;

import io.basalt.api.Database;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.Optional;

/** A database whose one session is a {@link FakeSession} the test prepared. */
public final class FakeDatabase implements Database {
    private final FakeSession session;
    private final Path path;
    private boolean closed;

    public FakeDatabase(FakeSession session, Path path) {
        this.session = requireNonNull(session, "session is null");
        this.path = path;
    }

    @Override
    public Session connect() {
        return session;
    }

    @Override
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
