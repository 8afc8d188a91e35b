package io.basalt.engine;

import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.spi.TableFunctionRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * One open database: its catalog, its memory (a root allocator with a child for table data and one per
 * query and per result), and its sessions. DDL is serialised on {@link #ddlLock()}.
 */
final class DatabaseImpl implements Database {
    private final Path path;
    private final BasaltConfig config;
    private final BufferAllocator root;
    private final BufferAllocator tables;
    private final Catalog catalog = new Catalog();
    private final TableFunctionRegistry tableFunctions = TableFunctionRegistry.discover();
    private final Set<SessionImpl> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong queryIds = new AtomicLong();
    private final Object ddlLock = new Object();
    private boolean closed;

    DatabaseImpl(Path path, BasaltConfig config) {
        this.path = path;
        this.config = config;
        this.root = MemoryRoots.newRoot("database " + (path == null ? ":memory:" : path), config.memoryLimit());
        this.tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    }

    @Override
    public synchronized Session connect() {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
        SessionImpl session = new SessionImpl(this);
        sessions.add(session);
        return session;
    }

    @Override
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    BasaltConfig config() {
        return config;
    }

    Catalog catalog() {
        return catalog;
    }

    TableFunctionRegistry tableFunctions() {
        return tableFunctions;
    }

    BufferAllocator tableAllocator() {
        return tables;
    }

    Object ddlLock() {
        return ddlLock;
    }

    /** A fresh allocator for one query or one result, limited by the database's memory. */
    BufferAllocator newAllocator(String purpose) {
        return root.newChildAllocator(purpose + "-" + queryIds.incrementAndGet(), 0, Long.MAX_VALUE);
    }

    void sessionClosed(SessionImpl session) {
        sessions.remove(session);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (SessionImpl session : new ArrayList<>(sessions)) {
            session.close();
        }
        List<TableEntry> all = catalog.tables();
        for (TableEntry table : all) {
            catalog.removeTable(table);
            table.store().close();
        }
        tables.close();
        root.close();
    }
}
