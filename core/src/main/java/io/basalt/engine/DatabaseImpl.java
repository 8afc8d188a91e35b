package io.basalt.engine;

import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.SequenceLog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.LoggedTableStore;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.wal.WalRecord;
import io.basalt.storage.wal.WriteAheadLog;
import io.basalt.type.LogicalType;
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
    private final java.util.concurrent.atomic.AtomicInteger sessionNumbers = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong queryIds = new AtomicLong();
    private final Object ddlLock = new Object();
    private final WriteAheadLog log;
    private final java.util.concurrent.ExecutorService workers;
    private final SessionSettings defaultSettings;
    private final io.basalt.storage.transaction.TransactionCoordinator transactions =
            new io.basalt.storage.transaction.TransactionCoordinator();
    private volatile boolean replaying;
    /** The search_path DDL in the log replays under (what the replaying session's SETs leave it at). */
    private String loggedSearchPath;
    private boolean closed;

    /**
     * Opens the database; for a directory, replays its write-ahead log: DDL statements run again, and
     * logged rows go straight into the tables' stores.
     */
    DatabaseImpl(Path path, BasaltConfig config) {
        this.path = path;
        this.config = config;
        this.defaultSettings = SessionSettings.defaults(config);
        this.loggedSearchPath = defaultSettings.show("search_path");
        this.root = MemoryRoots.newRoot("database " + (path == null ? ":memory:" : path), config.memoryLimit());
        this.tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
        this.workers = config.threads() > 1 ? newWorkerPool(config.threads() - 1) : null;
        WriteAheadLog opened = null;
        try {
            if (path != null) {
                opened = WriteAheadLog.open(path);
            }
            this.log = opened;
            if (log != null) {
                recover();
            }
        } catch (RuntimeException | Error failure) {
            if (opened != null) {
                opened.close();
            }
            closeMemory();
            throw failure;
        }
    }

    private void recover() {
        replaying = true;
        try (BufferAllocator replay = root.newChildAllocator("replay", 0, Long.MAX_VALUE);
             SessionImpl session = new SessionImpl(this)) {
            log.replay(replay, (sequence, record) -> {
                switch (record) {
                    case WalRecord.Ddl ddl -> session.execute(ddl.sql()).close();
                    case WalRecord.Append append -> {
                        TableEntry table = loggedTable(append.tableName()).orElseThrow(() ->
                                BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log record " + sequence
                                        + " appends to table \"" + append.tableName() + "\", which does not exist"));
                        ((LoggedTableStore) table.store()).unlogged().appendAll(append.batches());
                    }
                    case WalRecord.Delete delete -> {
                        TableEntry table = loggedTable(delete.tableName()).orElseThrow(() ->
                                BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log record " + sequence
                                        + " deletes from table \"" + delete.tableName() + "\", which does not exist"));
                        ((LoggedTableStore) table.store()).unlogged().modify(delete.rowIds(), List.of(), () -> { });
                    }
                    case WalRecord.Truncate truncate -> {
                        TableEntry table = catalog.findTable(null, truncate.tableName()).orElseThrow(() ->
                                BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log record " + sequence
                                        + " truncates table \"" + truncate.tableName() + "\", which does not exist"));
                        ((LoggedTableStore) table.store()).unlogged().truncate();
                    }
                    case WalRecord.SequenceValue value -> catalog.findSequence(value.schema(), value.name())
                            .orElseThrow(() -> BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log record "
                                    + sequence + " sets sequence \"" + value.name() + "\", which does not exist"))
                            .restore(value.lastValue(), value.isCalled());
                }
            });
            loggedSearchPath = session.settings().show("search_path");
        } finally {
            replaying = false;
        }
    }

    /** The table whose store carries {@code storeName} (see {@link DdlExecutor#storeName}). */
    private Optional<TableEntry> loggedTable(String storeName) {
        List<String> name = DdlExecutor.tableOfStoreName(storeName);
        return name.size() == 2 ? catalog.findTable(name.get(0), name.get(1)) : Optional.empty();
    }

    /** Daemon threads that run parallel pipelines next to the thread that issued the query. */
    private static java.util.concurrent.ExecutorService newWorkerPool(int size) {
        java.util.concurrent.atomic.AtomicInteger number = new java.util.concurrent.atomic.AtomicInteger();
        return java.util.concurrent.Executors.newFixedThreadPool(size, task -> {
            Thread thread = new Thread(task, "basalt-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The order of commits and the snapshots in use, shared by the sessions. */
    io.basalt.storage.transaction.TransactionCoordinator transactions() {
        return transactions;
    }

    /** Whether the log is being replayed (statements then change the stores at once and are not logged again). */
    boolean replaying() {
        return replaying;
    }

    /** The pool parallel pipelines use, or null when the database runs queries on one thread. */
    java.util.concurrent.ExecutorService workers() {
        return workers;
    }

    /** The settings every new session starts from (and RESET returns to). */
    SessionSettings defaultSettings() {
        return defaultSettings;
    }

    /** A number for a new session, unique in this database: it names the session's temporary schema. */
    int nextSessionNumber() {
        return sessionNumbers.incrementAndGet();
    }

    /** A new table's store: logged when the database lives on disk and {@code logged} (not a temporary table). */
    TableStore newTableStore(String name, List<LogicalType> types, boolean logged) {
        TableStore store = new InMemoryTableStore(name, types, tables, config.vectorSize());
        return log == null || !logged ? store : new LoggedTableStore(store, log);
    }

    /**
     * The search_path of the session whose statement is running, so that DDL naming objects without a schema
     * replays with the same search_path.
     */
    static final ScopedValue<String> SEARCH_PATH = ScopedValue.newInstance();

    /**
     * Makes a successful DDL statement durable (called under {@link #ddlLock()}); no-op in memory or replay. When the
     * running statement's search_path differs from the one the log's statements replay under, a SET of it goes
     * first, in the same commit.
     */
    void logDdl(String sql) {
        if (log == null || replaying) {
            return;
        }
        String searchPath = SEARCH_PATH.isBound() ? SEARCH_PATH.get() : loggedSearchPath;
        if (searchPath.equals(loggedSearchPath)) {
            log.append(new WalRecord.Ddl(sql));
            return;
        }
        log.commit(List.of(new WalRecord.Ddl("SET search_path TO " + searchPath), new WalRecord.Ddl(sql)));
        loggedSearchPath = searchPath;
    }

    /**
     * Makes a sequence's state durable before the sequence hands out values it covers; no-op in memory or replay.
     * Called with the sequence's lock held, outside the DDL lock: the log orders concurrent appends itself.
     */
    SequenceLog sequenceLog() {
        return (sequence, lastValue, isCalled) -> {
            if (log != null && !replaying) {
                log.append(new WalRecord.SequenceValue(sequence.schema(), sequence.name(), lastValue, isCalled));
            }
        };
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

    @Override
    public void register(io.basalt.spi.TableFunction function) {
        tableFunctions.register(java.util.Objects.requireNonNull(function, "function is null"));
    }

    TableFunctionRegistry tableFunctions() {
        return tableFunctions;
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
        if (log != null) {
            try {
                for (SequenceEntry sequence : catalog.sequences()) {
                    sequence.logExactState();
                }
            } catch (BasaltException cannotWrite) {
                // The states logged ahead still hold: the sequences only skip values after reopening.
            }
            log.close();
        }
        closeMemory();
    }

    private void closeMemory() {
        if (workers != null) {
            workers.shutdownNow();
        }
        List<TableEntry> all = catalog.tables();
        for (TableEntry table : all) {
            catalog.removeTable(table);
            table.store().close();
        }
        for (io.basalt.catalog.ViewEntry view : catalog.views()) {
            ViewDependents.remove(catalog, view);
        }
        tables.close();
        root.close();
    }
}
