package io.basalt.storage.file;

import io.basalt.exec.batch.Batch;
import io.basalt.storage.table.RowGroupWriter;
import io.basalt.storage.table.StoredRowGroups;
import io.basalt.storage.wal.FileErrors;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The data files large inserts write their rows to ({@link RowGroupWriter}): {@code <db>/data/rows-N.bdf}, table data
 * files ({@link DataFileFormat}) whose row groups start where the commit places the rows. A file is durable before the
 * log record naming it; the checkpoint that copies its row groups into the table's file removes it
 * ({@link #remove}), and opening removes those no replayed record named ({@link #removeAllBut}).
 */
public final class RowGroupFiles implements RowGroupWriter {
    /** Prefix and suffix of the files' names. */
    public static final String PREFIX = "rows-";
    public static final String SUFFIX = ".bdf";
    /**
     * The JVM system property giving {@link #minimumRows} (default 262,144: two row groups); {@code 0} or less turns
     * writing to files off (every row through the log).
     */
    public static final String MINIMUM_ROWS_PROPERTY = "basalt.insert_to_row_groups_rows";
    private static final long DEFAULT_MINIMUM_ROWS = 262_144;

    private final Path directory;
    private final BufferCache cache;
    private final BufferAllocator allocator;
    private final AtomicLong numbers = new AtomicLong(System.currentTimeMillis() * 1000);

    /**
     * Files in {@code directory} (the database's data directory, created when the first file is written), read
     * through {@code cache}; rows are gathered into row groups in {@code allocator} while they are encoded.
     */
    public RowGroupFiles(Path directory, BufferCache cache, BufferAllocator allocator) {
        this.directory = directory;
        this.cache = cache;
        this.allocator = allocator;
    }

    @Override
    public long minimumRows() {
        long rows = Long.getLong(MINIMUM_ROWS_PROPERTY, DEFAULT_MINIMUM_ROWS);
        return rows <= 0 ? Long.MAX_VALUE : rows;
    }

    @Override
    public int rowGroupRows(int chunkRows) {
        return TableFileWriter.rowGroupRows(chunkRows);
    }

    @Override
    public Stream stream(List<LogicalType> types) {
        return new StreamedRowGroupFile(this, newFile(), types, allocator);
    }

    /** A new file's path in the directory (created if need be), under a name no file has. */
    private Path newFile() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw FileErrors.failed("could not create directory", directory, e);
        }
        Path path;
        do {
            path = directory.resolve(PREFIX + numbers.incrementAndGet() + SUFFIX);
        } while (Files.exists(path));
        return path;
    }

    /** Syncs the directory, so that a new file's entry is durable before a log record names it. */
    void syncDirectory() {
        syncDirectory(directory);
    }

    @Override
    public Written write(List<LogicalType> types, List<Batch> batches, long from, long rows, long firstPosition,
                         int chunkRows, long generation) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw FileErrors.failed("could not create directory", directory, e);
        }
        String name;
        Path path;
        do {
            name = PREFIX + numbers.incrementAndGet() + SUFFIX;
            path = directory.resolve(name);
        } while (Files.exists(path));
        try {
            TableFileWriter.writeRows(path, types, batches, from, rows, firstPosition, chunkRows, allocator);
            syncDirectory(directory);
            return new Written(name, generation, firstPosition, rows, open(name, types));
        } catch (RuntimeException | Error failure) {
            deleteQuietly(path);
            throw failure;
        }
    }

    /**
     * The file {@code name} a large insert wrote, opened for reading (replay).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when it is missing or damaged
     */
    public StoredRowGroups open(String name, List<LogicalType> types) {
        return new MappedRowGroups(TableFile.open(directory.resolve(name), types), cache);
    }

    @Override
    public void discard(Written written) {
        written.groups().release();
        deleteQuietly(directory.resolve(written.fileName()));
    }

    /** The names of the large inserts' files {@code image}'s stored chunks are read from. */
    public static Set<String> namesRead(io.basalt.storage.table.TableImage image) {
        Set<String> names = new java.util.HashSet<>();
        for (StoredRowGroups part : image.storedFiles()) {
            if (part instanceof MappedRowGroups mapped) {
                String name = mapped.file().path().getFileName().toString();
                if (name.startsWith(PREFIX) && name.endsWith(SUFFIX)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * Removes the files {@code names} of {@code directory}: a checkpoint copied their rows into the tables' files and
     * its manifest covers the records naming them (stores reading them keep their mappings).
     */
    public static void remove(Path directory, Set<String> names) {
        for (String name : names) {
            deleteQuietly(directory.resolve(name));
        }
    }

    /** Opening, after replay: removes every such file but {@code named} (those no durable commit names). */
    public void removeAllBut(Set<String> named) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> unnamed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (!named.contains(file.getFileName().toString())) {
                    unnamed.add(file);
                }
            }
        } catch (IOException e) {
            System.getLogger(RowGroupFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "could not list " + directory + ": " + e);
            return;
        }
        for (Path file : unnamed) {
            deleteQuietly(file);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            System.getLogger(RowGroupFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remove " + path + ": " + e);
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
