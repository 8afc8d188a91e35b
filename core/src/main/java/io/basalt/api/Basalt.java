package io.basalt.api;

import io.basalt.engine.Engine;
import java.nio.file.Path;

/**
 * Entry point of the Java API.
 *
 * <pre>{@code
 * try (Database db = Basalt.open(Path.of("shop"));
 *      Session session = db.connect();
 *      QueryResult result = session.query("SELECT count(*) FROM orders WHERE total > $1", 100)) {
 *     for (VectorSchemaRoot batch : result.batches()) { ... }
 * }
 * }</pre>
 */
public final class Basalt {
    private Basalt() {
    }

    /** Opens (creating it if absent) the database stored in the directory {@code path}. */
    public static Database open(Path path) {
        return open(path, BasaltConfig.defaults());
    }

    public static Database open(Path path, BasaltConfig config) {
        return Engine.open(path, config);
    }

    /** A database that lives in memory only and is gone when closed. */
    public static Database inMemory() {
        return inMemory(BasaltConfig.defaults());
    }

    public static Database inMemory(BasaltConfig config) {
        return Engine.open(null, config);
    }
}
