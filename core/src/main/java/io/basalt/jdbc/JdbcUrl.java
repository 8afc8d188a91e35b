package io.basalt.jdbc;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A Basalt JDBC URL taken apart. {@code jdbc:basalt:}, {@code jdbc:basalt:mem:} and {@code jdbc:basalt::memory:}
 * name a private in-memory database (one per connection); {@code jdbc:basalt:mem:NAME} a named in-memory database
 * that every connection to the same name shares while one of them is open; {@code jdbc:basalt:PATH} the database
 * stored in the directory PATH, shared by every connection of this class loader. Anything after {@code ?} is
 * ignored (connection properties are passed as {@link java.util.Properties}).
 *
 * @param key  what connections share on (the absolute path, or {@code mem:NAME}); null for a private database
 * @param path the directory, or null for an in-memory database
 */
record JdbcUrl(String key, Path path) {
    static final String PREFIX = "jdbc:basalt:";

    static boolean accepts(String url) {
        return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /** The parts of {@code url}, which {@link #accepts} must accept. */
    static JdbcUrl parse(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        String lower = rest.toLowerCase(Locale.ROOT);
        if (rest.isEmpty() || lower.equals("mem:") || lower.equals(":memory:") || lower.equals("mem")) {
            return new JdbcUrl(null, null);
        }
        if (lower.startsWith("mem:")) {
            return new JdbcUrl("mem:" + rest.substring(4), null);
        }
        Path path = Path.of(rest).toAbsolutePath().normalize();
        return new JdbcUrl(path.toString(), path);
    }

    boolean inMemory() {
        return path == null;
    }
}
