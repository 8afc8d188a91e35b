package io.basalt.cli;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import java.nio.file.Path;

/** Opens the database the shell works on; tests put a fake in its place. */
@FunctionalInterface
public interface DatabaseOpener {
    /** Opens the database in directory {@code path}, or an in-memory database when it is null. */
    Database open(String path);

    /** The real engine. */
    static DatabaseOpener engine() {
        return path -> path == null ? Basalt.inMemory() : Basalt.open(Path.of(path));
    }
}
