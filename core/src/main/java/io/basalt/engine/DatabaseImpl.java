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
import io.basalt.optimizer.statistics.StatisticsFile;
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
    /** Roles, memberships, owners and privileges (see {@link io.basalt.catalog.privilege.Authorization}). */
    private final io.basalt.catalog.privilege.Authorization authorization =
            new io.basalt.catalog.privilege.Authorization();
    /** The role DDL in the log replays as (what the replaying session's SET SESSION AUTHORIZATIONs leave it at). */
    private String loggedUser = io.basalt.catalog.privilege.Authorization.BOOTSTRAP_SUPERUSER;
    private final TableFunctionRegistry tableFunctions = TableFunctionRegistry.discover();
    private final Set<SessionImpl> sessions = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger sessionNumbers = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong queryIds = new AtomicLong();
    private final Object ddlLock = new Object();
    /** The table-level locks of this database's transactions. */
    private final io.basalt.storage.lock.RelationLocks relationLocks = new io.basalt.storage.lock.RelationLocks();
    /** User-defined functions, procedures and triggers (logged as DDL, like the catalog's objects). */
    private final io.basalt.routine.RoutineCatalog routines = new io.basalt.routine.RoutineCatalog();
    private final io.basalt.rule.RuleCatalog rules = new io.basalt.rule.RuleCatalog();
    private final WriteAheadLog log;
    private final PendingAlterations pendingAlterations = new PendingAlterations();
    /** The directory's checkpoints (null in memory). */
    private final DatabaseCheckpoint checkpoints;
    /**
     * Decoded column chunks of the tables' data files, bounded by {@code basalt.buffer_cache_size} bytes (default: a
     * quarter of the memory limit); null in memory.
     */
    private final io.basalt.storage.file.BufferCache bufferCache;
    /** Where large inserts write their rows as row groups (null in memory). */
    private final io.basalt.storage.file.RowGroupFiles rowGroupFiles;
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
        this.bufferCache = path == null ? null : new io.basalt.storage.file.BufferCache(
                root.newChildAllocator("buffer cache", 0, Long.MAX_VALUE),
                Long.getLong("basalt.buffer_cache_size", config.memoryLimit() / 4));
        this.rowGroupFiles = path == null ? null : new io.basalt.storage.file.RowGroupFiles(
                path.resolve(DatabaseCheckpoint.DATA_DIRECTORY), bufferCache, tables);
        this.workers = config.threads() > 1 ? newWorkerPool(config.threads() - 1) : null;
        WriteAheadLog opened = null;
        try {
            if (path != null) {
                opened = WriteAheadLog.open(path);
                io.basalt.engine.setting.TempDirectory.removeLeftovers(path);
            }
            this.log = opened;
            this.checkpoints = path == null ? null : DatabaseCheckpoint.open(path);
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

    /**
     * Opening a directory: runs the last checkpoint's DDL again, loads its tables' data files, then replays the
     * log records after the checkpoint; the saved planner statistics are attached to their tables when the replay
     * reaches the log position they were saved at (see {@link DurableStatistics}).
     */
    private void recover() {
        replaying = true;
        try (BufferAllocator replay = root.newChildAllocator("replay", 0, Long.MAX_VALUE);
             SessionImpl session = new SessionImpl(this)) {
            io.basalt.storage.file.Manifest manifest = checkpoints.manifest();
            for (String ddl : manifest.ddl()) {
                session.execute(ddl).close();
            }
            checkpoints.load(catalog, tables, bufferCache);
            long covered = manifest.walSequence();
            StatisticsFile.Contents statistics = savedStatistics(covered);
            if (statistics != null && statistics.walSequence() == covered) {
                DurableStatistics.apply(statistics, catalog);
                statistics = null;
            }
            StatisticsFile.Contents pendingStatistics = statistics;
            boolean[] statisticsApplied = {pendingStatistics == null};
            Set<String> attachedFiles = new java.util.HashSet<>();
            if (log.lastSequence() < covered) {
                throw BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log ends before the checkpoint")
                        .withDetail("The manifest covers the log up to record " + covered + ", but the log in \""
                                + path.resolve(WriteAheadLog.DIRECTORY_NAME) + "\" ends at record "
                                + log.lastSequence() + ".");
            }
            log.replay(replay, (sequence, record) -> {
                if (sequence <= covered) {
                    return;
                }
                if (!statisticsApplied[0] && sequence > pendingStatistics.walSequence()) {
                    DurableStatistics.apply(pendingStatistics, catalog);
                    statisticsApplied[0] = true;
                }
                switch (record) {
                    case WalRecord.Ddl ddl -> {
                        checkpoints.recordDdl(ddl.sql());
                        session.execute(ddl.sql()).close();
                    }
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
                    case WalRecord.AttachRows attach -> {
                        TableEntry table = loggedTable(attach.tableName()).orElseThrow(() ->
                                BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log record " + sequence
                                        + " appends to table \"" + attach.tableName() + "\", which does not exist"));
                        io.basalt.storage.table.InMemoryTableStore store = (io.basalt.storage.table.InMemoryTableStore)
                                ((LoggedTableStore) table.store()).unlogged();
                        io.basalt.storage.table.StoredRowGroups groups =
                                rowGroupFiles.open(attach.fileName(), store.columnTypes());
                        try {
                            store.replayAttached(groups, attach.firstPosition(), attach.rows(), attach.fileName());
                        } catch (RuntimeException | Error failure) {
                            groups.release();
                            throw failure;
                        }
                        attachedFiles.add(attach.fileName());
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
            if (!statisticsApplied[0]) {
                DurableStatistics.apply(pendingStatistics, catalog);
            }
            rowGroupFiles.removeAllBut(attachedFiles); // files of commits that never became durable
            loggedSearchPath = session.settings().show("search_path");
            loggedUser = session.currentUser();
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
        return log == null || !logged ? store : new LoggedTableStore(store, log, rowGroupFiles);
    }

    /**
     * The search_path of the session whose statement is running, so that DDL naming objects without a schema
     * replays with the same search_path.
     */
    static final ScopedValue<String> SEARCH_PATH = ScopedValue.newInstance();

    /** The current user of the session whose statement is running, so that DDL replays as the role that ran it. */
    static final ScopedValue<String> CURRENT_USER = ScopedValue.newInstance();

    /** The roles, memberships, owners and privileges of this database. */
    io.basalt.catalog.privilege.Authorization authorization() {
        return authorization;
    }

    /**
     * Makes a successful DDL statement durable (called under {@link #ddlLock()}); no-op in memory or replay. When the
     * running statement's search_path differs from the one the log's statements replay under, a SET of it goes
     * first, in the same commit.
     */
    io.basalt.routine.RoutineCatalog routines() {
        return routines;
    }

    /** The database's rewrite rules. */
    io.basalt.rule.RuleCatalog rules() {
        return rules;
    }

    void logDdl(String sql) {
        if (log == null || replaying) {
            return;
        }
        String searchPath = SEARCH_PATH.isBound() ? SEARCH_PATH.get() : loggedSearchPath;
        String user = CURRENT_USER.isBound() ? CURRENT_USER.get() : loggedUser;
        if (!user.equals(loggedUser)) {
            String set = "SET SESSION AUTHORIZATION " + io.basalt.sql.lexer.IdentifierQuoting.quote(user);
            log.append(new WalRecord.Ddl(set));
            checkpoints.recordDdl(set);
            loggedUser = user;
        }
        if (searchPath.equals(loggedSearchPath)) {
            log.append(new WalRecord.Ddl(sql));
            checkpoints.recordDdl(sql);
            return;
        }
        String set = "SET search_path TO " + searchPath;
        log.commit(List.of(new WalRecord.Ddl(set), new WalRecord.Ddl(sql)));
        checkpoints.recordDdl(set);
        checkpoints.recordDdl(sql);
        loggedSearchPath = searchPath;
    }

    /**
     * Makes a DDL statement of {@code block} durable at its COMMIT, in the commit's log record before its changes
     * (see {@link io.basalt.storage.transaction.Transaction#logAtCommit}), under the search_path and role it ran
     * under; no-op in memory or replay. Called under {@link #ddlLock()} while the statement runs.
     */
    void logDdlAtCommit(io.basalt.storage.transaction.Transaction block, String sql) {
        if (log == null || replaying) {
            return;
        }
        String searchPath = SEARCH_PATH.isBound() ? SEARCH_PATH.get() : loggedSearchPath;
        String user = CURRENT_USER.isBound() ? CURRENT_USER.get() : loggedUser;
        block.logAtCommit(log, () -> committedDdl(sql, searchPath, user), ddlLock);
    }

    /** The records {@link #logDdlAtCommit} writes, taken as written (COMMIT holds the DDL lock). */
    private List<WalRecord> committedDdl(String sql, String searchPath, String user) {
        List<WalRecord> records = new java.util.ArrayList<>(3);
        if (!user.equals(loggedUser)) {
            String set = "SET SESSION AUTHORIZATION " + io.basalt.sql.lexer.IdentifierQuoting.quote(user);
            records.add(new WalRecord.Ddl(set));
            checkpoints.recordDdl(set);
            loggedUser = user;
        }
        if (!searchPath.equals(loggedSearchPath)) {
            String set = "SET search_path TO " + searchPath;
            records.add(new WalRecord.Ddl(set));
            checkpoints.recordDdl(set);
            loggedSearchPath = searchPath;
        }
        records.add(new WalRecord.Ddl(sql));
        checkpoints.recordDdl(sql);
        return records;
    }

    /** The ALTER TABLE statements of open blocks, not yet logged. */
    PendingAlterations pendingAlterations() {
        return pendingAlterations;
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

    /**
     * CHECKPOINT: writes the committed state of the changed tables to data files and a new manifest, and removes
     * the log records it covers (see {@link DatabaseCheckpoint}). A database in memory has nothing to write.
     */
    void checkpoint() {
        if (checkpoints == null || replaying) {
            return;
        }
        checkpoints.run(catalog, log, ddlLock, () -> newAllocator("checkpoint"), pendingAlterations, transactions);
    }

    /**
     * The planner statistics saved in the directory when they can be attached during this replay: their log
     * position is within the log, at or after the checkpoint's {@code covered} (else null, and they are lost: the
     * catalog's names at their position cannot be recovered).
     */
    private StatisticsFile.Contents savedStatistics(long covered) {
        StatisticsFile.Contents saved = StatisticsFile.read(path).orElse(null);
        if (saved == null || saved.walSequence() < covered || saved.walSequence() > log.lastSequence()) {
            return null;
        }
        return saved;
    }

    /** After ANALYZE: makes the statistics it gathered durable (see {@link DurableStatistics}); no-op in memory. */
    void saveStatistics() {
        if (checkpoints != null && !replaying) {
            checkpoints.saveStatistics(catalog, log, ddlLock);
        }
    }

    /** After a statement: a checkpoint when the log has grown past {@code maxWalBytes} (max_wal_size). */
    void checkpointWhenLogExceeds(long maxWalBytes) {
        if (checkpoints != null && !replaying && log.sizeBytes() > maxWalBytes) {
            try {
                checkpoint();
            } catch (BasaltException failed) {
                // The statement has committed and its log record is durable: the log keeps growing until a
                // checkpoint succeeds, nothing is lost.
                System.getLogger(DatabaseImpl.class.getName()).log(System.Logger.Level.WARNING,
                        "automatic checkpoint failed: " + failed.getMessage());
            }
        }
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
    public synchronized Session connect(String user) {
        if (closed) {
            throw new IllegalStateException("database is closed");
        }
        SessionRoles.checkLogin(authorization, java.util.Objects.requireNonNull(user, "user is null"));
        SessionImpl session = new SessionImpl(this, user);
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

    io.basalt.storage.lock.RelationLocks relationLocks() {
        return relationLocks;
    }

    Object ddlLock() {
        return ddlLock;
    }

    /** A fresh allocator for one query or one result, limited by the database's memory. */
    BufferAllocator newAllocator(String purpose) {
        return root.newChildAllocator(purpose + "-" + queryIds.incrementAndGet(), 0, Long.MAX_VALUE);
    }

    /** The cache of decoded data-file chunks (null in memory). */
    io.basalt.storage.file.BufferCache bufferCache() {
        return bufferCache;
    }

    /** A fresh allocator for one query's execution, holding at most {@code limit} bytes (SET memory_limit). */
    BufferAllocator newQueryAllocator(long limit) {
        return root.newChildAllocator("query-" + queryIds.incrementAndGet(), 0, limit);
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
            try {
                if (log.lastSequence() > checkpoints.manifest().walSequence()) {
                    checkpoint();
                }
            } catch (RuntimeException cannotWrite) {
                // The log still holds every commit: the next open replays it.
                System.getLogger(DatabaseImpl.class.getName()).log(System.Logger.Level.WARNING,
                        "checkpoint at close failed: " + cannotWrite.getMessage());
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
        if (bufferCache != null) {
            bufferCache.close();
        }
        tables.close();
        root.close();
    }
}
