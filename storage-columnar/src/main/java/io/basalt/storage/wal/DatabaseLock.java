package io.basalt.storage.wal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Exclusive ownership of a database directory for writing: an operating-system lock on
 * {@code <dbdir>/lock}, which also holds the owner's process id for error messages, plus a registry of
 * the directories this JVM has open, because file locks do not tell two owners within one process
 * apart. The lock file is left in place on release; the lock, not the file, is what counts, so a
 * crashed owner never leaves a stale lock behind.
 */
final class DatabaseLock implements AutoCloseable {
    static final String FILE_NAME = "lock";
    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean released;

    private DatabaseLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks the existing directory {@code directory}.
     *
     * @throws BasaltException IO_ERROR {@code database "<dir>" is locked by another process} when another
     *     process holds it, or {@code ... is already open in this process} when this JVM does
     */
    static DatabaseLock acquire(Path directory) {
        Path key;
        try {
            key = directory.toRealPath();
        } catch (IOException e) {
            throw FileErrors.failed("could not open directory", directory, e);
        }
        if (!OPEN_IN_THIS_PROCESS.add(key)) {
            throw BasaltException.of(SqlState.IO_ERROR, "database \"" + directory + "\" is already open in this process")
                    .withHint("Close the other Database before opening it again.");
        }
        Path file = key.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = readHolder(channel);
                BasaltException locked = BasaltException.of(SqlState.IO_ERROR,
                        "database \"" + directory + "\" is locked by another process");
                throw holder == null ? locked
                        : locked.withDetail("Lock file \"" + file + "\" is held by process " + holder + ".");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(US_ASCII)), 0);
            return new DatabaseLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, e);
            OPEN_IN_THIS_PROCESS.remove(key);
            if (e instanceof IOException io) {
                throw FileErrors.failed("could not lock file", file, io);
            }
            throw (RuntimeException) e;
        }
    }

    /** The process id the holder wrote into the lock file, or null when it is not readable. */
    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer content = ByteBuffer.allocate(32);
        channel.read(content, 0);
        String text = new String(content.array(), 0, content.position(), US_ASCII).strip();
        return text.isEmpty() || !text.chars().allMatch(Character::isDigit) ? null : text;
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** Releases the lock; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try (channel) {
            lock.release();
        } catch (IOException e) {
            throw FileErrors.failed("could not close file", key.resolve(FILE_NAME), e);
        } finally {
            OPEN_IN_THIS_PROCESS.remove(key);
        }
    }
}
