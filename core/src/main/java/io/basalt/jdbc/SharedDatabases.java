package io.basalt.jdbc;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import java.util.HashMap;
import java.util.Map;

/**
 * The databases the driver has open, so that several connections to one URL share one database (a directory can
 * be opened by one process once: its lock file forbids a second opening). A database is opened by its first
 * connection and closed when its last connection closes; a private in-memory database lives exactly as long as its
 * one connection.
 */
final class SharedDatabases {
    /** An open database and how many connections use it. */
    private static final class Entry {
        final Database database;
        int users;

        Entry(Database database) {
            this.database = database;
        }
    }

    private final Map<String, Entry> open = new HashMap<>();

    /** The database {@code url} names, opened if needed; the caller must {@link #release} it once. */
    synchronized Database acquire(JdbcUrl url) {
        if (url.key() == null) {
            return Basalt.inMemory();
        }
        Entry entry = open.get(url.key());
        if (entry == null) {
            entry = new Entry(url.inMemory() ? Basalt.inMemory() : Basalt.open(url.path()));
            open.put(url.key(), entry);
        }
        entry.users++;
        return entry.database;
    }

    /** Gives back a database {@link #acquire} handed out, closing it when no connection uses it any more. */
    synchronized void release(JdbcUrl url, Database database) {
        if (url.key() == null) {
            database.close();
            return;
        }
        Entry entry = open.get(url.key());
        if (entry == null || entry.database != database) {
            return;
        }
        if (--entry.users == 0) {
            open.remove(url.key());
            entry.database.close();
        }
    }
}
