package io.basalt.engine;

import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens databases: in memory, or in a directory (created when absent). */
public final class Engine {
    private Engine() {
    }

    /** @param path the database directory, or null for an in-memory database */
    public static Database open(Path path, BasaltConfig config) {
        if (path != null) {
            try {
                Files.createDirectories(path);
            } catch (IOException failure) {
                throw BasaltException.of(SqlState.IO_ERROR,
                        "could not create database directory \"" + path + "\": " + failure.getMessage());
            }
        }
        return new DatabaseImpl(path, config);
    }
}
