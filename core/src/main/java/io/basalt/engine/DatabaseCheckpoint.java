package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.SequenceEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.optimizer.statistics.StatisticsFile;
import io.basalt.storage.file.BufferCache;
import io.basalt.storage.file.Manifest;
import io.basalt.storage.file.MappedRowGroups;
import io.basalt.storage.file.ManifestFile;
import io.basalt.storage.file.TableFile;
import io.basalt.storage.file.TableFileRestore;
import io.basalt.storage.file.TableFileWriter;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.LoggedTableStore;
import io.basalt.storage.table.TableImage;
import io.basalt.storage.table.TableStore;
import io.basalt.storage.transaction.TransactionCoordinator;
import io.basalt.storage.wal.FileErrors;
import io.basalt.storage.wal.WriteAheadLog;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Checkpoints of a database directory, and loading the last one on open.
 *
 * <p>A checkpoint writes the committed state of every table (and materialized view) that changed since the last one
 * to a new data file ({@link TableFileWriter}, {@code <dbdir>/data/table-NNNNNN.bdf}; the row groups the last file
 * of the same generation holds are copied from it without decoding, with new deletion masks), keeps the files of the others,
 * writes a new {@link Manifest} naming them, the write-ahead log position they cover, the catalog and the sequences'
 * states, and then removes the log segments it covers. The catalog is kept as its DDL history: every DDL record the
 * log ever held, in order (this class collects them as they are logged and replayed), which opening executes again
 * before it loads the tables' files, so ALTER TABLE, views, schemas, indexes, constraints and foreign keys come back
 * exactly as the log would have rebuilt them. The state is cut consistently: under the DDL lock, with every table's
 * store locked (in the order COMMIT locks them), the log's last sequence number is read and each table's newest
 * committed version taken; no commit is then between its log record and its publication. The files are written
 * after the locks are released, from those versions (full chunks never change; MVCC snapshots and open transactions
 * go on).
 *
 * <p>Beside each data file it writes, a checkpoint saves the GIN indexes of the rows in it
 * ({@link io.basalt.storage.file.InvertedIndexFile}) and the indexes over expressions
 * ({@link io.basalt.storage.file.ExpressionIndexFile}), which opening hands to the store before restoring its rows, so
 * that the indexes are not rebuilt from every document; the files go with their data file.
 *
 * <p>The planner statistics ANALYZE gathered are saved beside the manifest, in the {@link StatisticsFile}, by ANALYZE
 * and again by each checkpoint (see {@link DurableStatistics}).
 *
 * <p>Table keys in the manifest: {@code t:<store name>} for tables, {@code m:<store name>} for materialized views.
 */
final class DatabaseCheckpoint {
    static final String DATA_DIRECTORY = "data";
    private static final String FILE_PREFIX = "table-";
    private static final String FILE_SUFFIX = ".bdf";
    private static final System.Logger LOG = System.getLogger(DatabaseCheckpoint.class.getName());

    /** What the last checkpoint wrote for one table: the store and state it came from, and its manifest entry. */
    private record Written(InMemoryTableStore store, Object version, List<LogicalType> types,
                           Manifest.TableFileEntry entry) {
    }

    private final Path directory;
    private final Path dataDirectory;
    private final List<String> ddlHistory = new ArrayList<>();
    private Manifest manifest;
    private Map<String, Written> written = new HashMap<>();
    /** The cache stored row groups are read through (set by {@link #load}). */
    private BufferCache cache;

    private DatabaseCheckpoint(Path directory, Manifest manifest) {
        this.directory = directory;
        this.dataDirectory = directory.resolve(DATA_DIRECTORY);
        this.manifest = manifest;
        ddlHistory.addAll(manifest.ddl());
    }

    /**
     * Reads the manifest of {@code directory} (none: a database without checkpoint) and removes data files it does
     * not name (left by a checkpoint cut short).
     *
     * @throws BasaltException DATA_CORRUPTED naming the manifest when it is damaged or of a newer format
     */
    static DatabaseCheckpoint open(Path directory) {
        DatabaseCheckpoint checkpoint = new DatabaseCheckpoint(directory,
                ManifestFile.read(directory).orElse(Manifest.empty()));
        checkpoint.removeUnreferencedFiles();
        return checkpoint;
    }

    /** The manifest of the last checkpoint (an empty one before the first). */
    synchronized Manifest manifest() {
        return manifest;
    }

    /** A DDL record was written to the log (or replayed from it): it joins the catalog's history. */
    void recordDdl(String sql) {
        synchronized (ddlHistory) {
            ddlHistory.add(sql);
        }
    }

    /**
     * Opening, after the manifest's DDL has run again: restores the sequences' states and hands every table's data
     * file to its store, which reads its row groups through {@code cache} when scans need them (a file written with
     * another vector size is read into memory at once). The log's tail is replayed afterwards by the caller.
     *
     * @throws BasaltException DATA_CORRUPTED naming the file when a data file is damaged, or naming the manifest
     *     when it names a table the catalog does not have
     */
    synchronized void load(Catalog catalog, BufferAllocator tables, BufferCache cache) {
        this.cache = cache;
        for (Manifest.SequenceState state : manifest.sequences()) {
            SequenceEntry sequence = catalog.findSequence(state.schema(), state.name()).orElseThrow(() ->
                    corruptManifest("it names sequence \"" + state.name() + "\", which its DDL does not create"));
            sequence.restore(state.lastValue(), state.isCalled());
        }
        Map<String, InMemoryTableStore> stores = stores(catalog, new PendingAlterations());
        Map<String, Written> loaded = new HashMap<>();
        for (Manifest.TableFileEntry entry : manifest.tables()) {
            InMemoryTableStore store = stores.get(entry.storeName());
            if (store == null) {
                throw corruptManifest("it names table \"" + entry.storeName() + "\", which its DDL does not create");
            }
            TableFile file = TableFile.open(dataDirectory.resolve(entry.fileName()), store.columnTypes());
            boolean kept = false;
            try {
                if (file.positions() != entry.positions()) {
                    throw BasaltException.of(SqlState.DATA_CORRUPTED, "invalid data in file \""
                            + file.path() + "\"").withDetail("The file holds " + file.positions()
                            + " rows, the manifest says " + entry.positions() + ".");
                }
                io.basalt.storage.file.InvertedIndexFile.offer(dataDirectory.resolve(entry.fileName()), store,
                        entry.generation(), entry.positions());
                io.basalt.storage.file.ExpressionIndexFile.offer(dataDirectory.resolve(entry.fileName()), store,
                        entry.generation(), entry.positions());
                kept = TableFileRestore.restoreStored(store, file, entry.generation(), tables, cache);
                if (!kept) {
                    TableFileRestore.restore(store, file, entry.generation(), tables);
                }
            } finally {
                if (!kept) {
                    file.close();
                }
            }
            try (TableImage image = store.image(tables)) {
                loaded.put(entry.storeName(), new Written(store, image.version(), image.columnTypes(), entry));
            }
        }
        written = loaded;
    }

    private BasaltException corruptManifest(String detail) {
        return BasaltException.of(SqlState.DATA_CORRUPTED, "invalid data in file \""
                + directory.resolve(ManifestFile.NAME) + "\"").withDetail("The manifest is inconsistent: " + detail
                + ".");
    }

    /** The stores a checkpoint writes, by manifest key: permanent tables' and materialized views'. */
    private static Map<String, InMemoryTableStore> stores(Catalog catalog, PendingAlterations pending) {
        Map<String, InMemoryTableStore> stores = new LinkedHashMap<>();
        for (TableEntry table : pending.committed(catalog.tables())) {
            InMemoryTableStore store = memoryStore(table.store());
            if (store != null) {
                stores.put("t:" + DdlExecutor.storeName(table.schema(), table.name()), store);
            }
        }
        for (ViewEntry view : catalog.views()) {
            InMemoryTableStore store = view.materialized() ? memoryStore(view.rows()) : null;
            if (store != null) {
                stores.put("m:" + DdlExecutor.storeName(view.schema(), view.name()), store);
            }
        }
        return stores;
    }

    private static InMemoryTableStore memoryStore(TableStore store) {
        TableStore inner = store instanceof LoggedTableStore logged ? logged.unlogged() : store;
        return inner instanceof InMemoryTableStore memory ? memory : null;
    }

    /** What a checkpoint took while the database stood still. */
    private record Cut(long walSequence, Map<String, TableImage> images, List<Manifest.SequenceState> sequences,
                       List<String> ddl, StatisticsFile.Contents statistics) {
    }

    /**
     * CHECKPOINT: writes the committed state of the tables changed since the last checkpoint, a new manifest, and
     * removes the log records it covers. Returns the new manifest. Checkpoints run one at a time.
     *
     * @throws BasaltException IO_ERROR when a file cannot be written (the last checkpoint stays in force)
     */
    synchronized Manifest run(Catalog catalog, WriteAheadLog log, Object ddlLock, Supplier<BufferAllocator> allocators,
                              PendingAlterations pending, TransactionCoordinator transactions) {
        try (BufferAllocator allocator = allocators.get()) {
            Cut cut = cut(catalog, log, ddlLock, allocator, pending, transactions);
            try {
                return write(cut, log, allocator);
            } finally {
                for (TableImage image : cut.images().values()) {
                    image.close();
                }
            }
        }
    }

    private Cut cut(Catalog catalog, WriteAheadLog log, Object ddlLock, BufferAllocator allocator,
                    PendingAlterations pending, TransactionCoordinator transactions) {
        synchronized (ddlLock) {
            Map<String, InMemoryTableStore> stores = stores(catalog, pending);
            List<Map.Entry<String, InMemoryTableStore>> ordered = new ArrayList<>(stores.entrySet());
            ordered.sort(Comparator.comparingLong(entry -> entry.getValue().id()));
            Map<String, TableImage> images = new LinkedHashMap<>();
            long[] walSequence = new long[1];
            try {
                // no commit may be between its durable log record and its publication while the position is read
                transactions.withCommitsSettled(() -> {
                    lockAndTake(ordered, 0, log, images, walSequence, allocator);
                    return null;
                });
            } catch (RuntimeException | Error failure) {
                for (TableImage image : images.values()) {
                    image.close();
                }
                throw failure;
            }
            List<Manifest.SequenceState> sequences = new ArrayList<>();
            for (SequenceEntry sequence : catalog.sequences()) {
                SequenceEntry.State state = sequence.durableState();
                sequences.add(new Manifest.SequenceState(sequence.schema(), sequence.name(), state.lastValue(),
                        state.isCalled()));
            }
            List<String> ddl;
            synchronized (ddlHistory) {
                ddl = List.copyOf(ddlHistory);
            }
            return new Cut(walSequence[0], images, sequences, ddl,
                    DurableStatistics.snapshot(catalog, walSequence[0]));
        }
    }

    /** Locks the stores from {@code from} on, in order; with all held, reads the log position and the versions. */
    private static void lockAndTake(List<Map.Entry<String, InMemoryTableStore>> stores, int from, WriteAheadLog log,
                                    Map<String, TableImage> images, long[] walSequence, BufferAllocator allocator) {
        if (from < stores.size()) {
            synchronized (stores.get(from).getValue()) {
                lockAndTake(stores, from + 1, log, images, walSequence, allocator);
            }
            return;
        }
        walSequence[0] = log.lastSequence();
        for (Map.Entry<String, InMemoryTableStore> entry : stores) {
            images.put(entry.getKey(), entry.getValue().image(allocator));
        }
    }

    private Manifest write(Cut cut, WriteAheadLog log, BufferAllocator allocator) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw FileErrors.failed("could not create directory", dataDirectory, e);
        }
        long nextFile = manifest.nextFileNumber();
        Map<String, Written> nowWritten = new HashMap<>();
        List<Manifest.TableFileEntry> entries = new ArrayList<>();
        boolean created = false;
        Map<String, TableImage> createdFiles = new LinkedHashMap<>();
        // large inserts' files committed before the cut: their rows go into the tables' files written now
        Set<String> rowFiles = new HashSet<>();
        for (Map.Entry<String, TableImage> taken : cut.images().entrySet()) {
            TableImage image = taken.getValue();
            rowFiles.addAll(io.basalt.storage.file.RowGroupFiles.namesRead(image));
            Written before = written.get(taken.getKey());
            Manifest.TableFileEntry entry;
            if (before != null && before.store() == image.store() && before.version() == image.version()
                    && before.types().equals(image.columnTypes())) {
                entry = before.entry();
            } else {
                String fileName = fileName(nextFile++);
                if (before != null && before.store() == image.store()
                        && before.entry().generation() == image.generation()
                        && before.types().equals(image.columnTypes())) {
                    // the same store's generation: its rows up to the old file's end are those of the old file
                    // (rows never change in place, only their masks), so the file's row groups are copied
                    try (TableFile base = TableFile.open(dataDirectory.resolve(before.entry().fileName()),
                            image.columnTypes())) {
                        TableFileWriter.write(dataDirectory.resolve(fileName), image, allocator, base);
                    }
                } else {
                    TableFileWriter.write(dataDirectory.resolve(fileName), image, allocator);
                }
                io.basalt.storage.file.InvertedIndexFile.write(dataDirectory.resolve(fileName), image.store(),
                        image.generation(), image.positions());
                io.basalt.storage.file.ExpressionIndexFile.write(dataDirectory.resolve(fileName), image.store(),
                        image.generation(), image.positions());
                created = true;
                createdFiles.put(fileName, image);
                entry = new Manifest.TableFileEntry(taken.getKey(), fileName, image.generation(), image.positions(),
                        image.columnTypes().size());
            }
            entries.add(entry);
            nowWritten.put(taken.getKey(), new Written(image.store(), image.version(), image.columnTypes(), entry));
        }
        if (created) {
            syncDirectory(dataDirectory);
        }
        // before the manifest, so that the statistics' log position is never behind the manifest's
        saveStatistics(cut.statistics());
        Manifest next = new Manifest(cut.walSequence(), nextFile, cut.ddl(), cut.sequences(), entries);
        ManifestFile.write(directory, next);
        manifest = next;
        written = nowWritten;
        adoptWrittenFiles(createdFiles);
        removeUnreferencedFiles();
        io.basalt.storage.file.RowGroupFiles.remove(dataDirectory, rowFiles);
        log.removeThrough(cut.walSequence());
        return next;
    }

    /**
     * The rows just written to new data files need not stay in memory: each store reads its full chunks from its new
     * file from now on (see {@link InMemoryTableStore#adoptStored}), so that loading a table larger than memory works
     * as long as checkpoints (max_wal_size) come often enough. A file that cannot be mapped again is left alone: the
     * store keeps its rows in memory.
     */
    private void adoptWrittenFiles(Map<String, TableImage> createdFiles) {
        if (cache == null) {
            return;
        }
        for (Map.Entry<String, TableImage> created : createdFiles.entrySet()) {
            TableImage image = created.getValue();
            TableFile file;
            try {
                file = TableFile.open(dataDirectory.resolve(created.getKey()), image.columnTypes());
            } catch (BasaltException e) {
                LOG.log(System.Logger.Level.WARNING, "could not map " + created.getKey() + " again: " + e);
                continue;
            }
            MappedRowGroups groups = new MappedRowGroups(file, cache);
            if (!image.store().adoptStored(image.generation(), groups)) {
                groups.release();
            }
        }
    }

    /**
     * After ANALYZE: saves the planner statistics of the catalog's permanent tables to the {@link StatisticsFile},
     * named as the catalog names them at the log's current position (read under {@code ddlLock}). Runs one at a
     * time with checkpoints, which save them too. A file that cannot be written is logged and left as it was.
     */
    synchronized void saveStatistics(Catalog catalog, WriteAheadLog log, Object ddlLock) {
        StatisticsFile.Contents contents;
        synchronized (ddlLock) {
            contents = DurableStatistics.snapshot(catalog, log.lastSequence());
        }
        saveStatistics(contents);
    }

    /** Writes {@code contents} unless there is nothing to keep and no older file to replace. */
    private void saveStatistics(StatisticsFile.Contents contents) {
        if (contents.entries().isEmpty() && !Files.exists(directory.resolve(StatisticsFile.NAME))) {
            return;
        }
        try {
            StatisticsFile.write(directory, contents);
        } catch (BasaltException e) {
            // statistics are a hint: without them the optimizer falls back to its defaults after a restart
            LOG.log(System.Logger.Level.WARNING, "could not save planner statistics: " + e.getMessage());
        }
    }

    private static String fileName(long number) {
        String digits = Long.toString(number);
        return FILE_PREFIX + "0".repeat(Math.max(0, 6 - digits.length())) + digits + FILE_SUFFIX;
    }

    /**
     * Deletes the data files the manifest does not name (older checkpoints', or a checkpoint's cut short), and the
     * GIN index files beside them.
     */
    private void removeUnreferencedFiles() {
        if (!Files.isDirectory(dataDirectory)) {
            return;
        }
        Set<String> named = new HashSet<>();
        for (Manifest.TableFileEntry entry : manifest.tables()) {
            named.add(entry.fileName());
        }
        boolean removed = false;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dataDirectory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                String dataName = name.endsWith(io.basalt.storage.file.InvertedIndexFile.SUFFIX)
                        ? name.substring(0, name.length() - io.basalt.storage.file.InvertedIndexFile.SUFFIX.length())
                        : name.endsWith(io.basalt.storage.file.ExpressionIndexFile.SUFFIX)
                        ? name.substring(0, name.length() - io.basalt.storage.file.ExpressionIndexFile.SUFFIX.length())
                        : name;
                if (dataName.startsWith(FILE_PREFIX) && dataName.endsWith(FILE_SUFFIX) && !named.contains(dataName)) {
                    Files.deleteIfExists(file);
                    removed = true;
                }
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove old data files in " + dataDirectory + ": " + e);
            return;
        }
        if (removed) {
            syncDirectory(dataDirectory);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            throw FileErrors.failed("could not fsync file", directory, e);
        }
    }
}
