package io.basalt.exec.spill;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The temporary directory of one query's spill files: made under the database directory or
 * {@code java.io.tmpdir}, it hands out {@link SpillFile}s and deletes all of them, and itself, when closed (at
 * the end of the query, also after an error or a cancel).
 */
public final class SpillDirectory implements AutoCloseable {
    /** Spill files made since the process started, and directories not yet deleted: what tests observe. */
    private static final java.util.concurrent.atomic.AtomicLong FILES_CREATED = new java.util.concurrent.atomic.AtomicLong();
    private static final java.util.concurrent.atomic.AtomicInteger OPEN_DIRECTORIES =
            new java.util.concurrent.atomic.AtomicInteger();

    private final Path directory;
    private final List<SpillFile> files = new ArrayList<>();
    private int nextId;
    private boolean closed;

    private SpillDirectory(Path directory) {
        this.directory = directory;
    }

    /** A fresh directory under {@code parent} (null: java.io.tmpdir). */
    public static SpillDirectory create(Path parent) {
        try {
            Path base = parent != null ? parent : Path.of(System.getProperty("java.io.tmpdir"));
            Files.createDirectories(base);
            SpillDirectory created = new SpillDirectory(Files.createTempDirectory(base, "basalt-spill-"));
            OPEN_DIRECTORIES.incrementAndGet();
            return created;
        } catch (IOException e) {
            throw failure("could not create temporary directory for spill files", e);
        }
    }

    public Path path() {
        return directory;
    }

    /** A new empty spill file, open for writing. */
    public synchronized SpillFile newFile(String purpose) {
        SpillFile file = new SpillFile(directory.resolve(purpose + "-" + (nextId++) + ".arrows"));
        FILES_CREATED.incrementAndGet();
        files.add(file);
        return file;
    }

    /** Spill files still on disk (for tests). */
    public synchronized int fileCount() {
        int count = 0;
        for (SpillFile file : files) {
            if (!file.deleted()) {
                count++;
            }
        }
        return count;
    }

    /** Spill files made by every query of this process so far. */
    public static long filesCreated() {
        return FILES_CREATED.get();
    }

    /** Spill directories of this process not yet closed (queries running, or a leak). */
    public static int openDirectories() {
        return OPEN_DIRECTORIES.get();
    }

    static BasaltException failure(String message, IOException cause) {
        return BasaltException.of(SqlState.IO_ERROR, message + ": " + cause.getMessage());
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        OPEN_DIRECTORIES.decrementAndGet();
        for (SpillFile file : files) {
            file.delete();
        }
        files.clear();
        try {
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A file some reader still holds open on a platform that forbids deleting it: left to the OS.
        }
    }
}
