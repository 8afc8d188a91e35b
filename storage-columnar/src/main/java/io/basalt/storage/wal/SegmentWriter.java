package io.basalt.storage.wal;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The appending end of the log: the open last segment, where the next record goes, and the sequence
 * number it gets. It starts a new segment when a record would overflow the current one, after syncing
 * the current one, so that records become durable in log order. Written under the log's I/O lock only; the channel
 * it hands out ({@link #channel()}) may be synced by any thread meanwhile ({@link #sync(FileChannel, long)}).
 *
 * <p>A record whose write fails is cut off again, so the log never holds a partial record while it is
 * open (nor, see {@link #write(ByteBuffer, boolean)}, a partial commit that later writes could follow). When that cut fails, or a sync fails, the writer refuses every later write: after a failed
 * sync the kernel may have dropped the unwritten pages, so nothing written since can be trusted.
 *
 * <p>Its channels ignore interrupts when the JDK allows it ({@link #uninterruptibleChannels()}): a committer
 * thread writing the log for itself and interrupted meanwhile must not close the segment under everyone.
 */
final class SegmentWriter {
    private static final Method SET_UNINTERRUPTIBLE = uninterruptibleSetter();
    private final Path walDirectory;
    private final long segmentBytes;
    private final List<SegmentFile> segments;
    private FileChannel channel;
    private long position;
    private long lastSequence;
    private volatile BasaltException failure;
    private boolean inCommit;
    /** The last sequence number of the segments synced and closed: a sync of their channel is no longer needed. */
    private volatile long retiredThrough;
    /** An immutable copy of {@link #segments}, made again when they change. */
    private volatile List<SegmentFile> segmentsCopy;

    /**
     * Continues the log whose segments are {@code segments}, the last one ending at {@code end}.
     *
     * @throws IOException when the last segment cannot be opened
     */
    SegmentWriter(Path walDirectory, List<SegmentFile> segments, long end, long lastSequence, long segmentBytes)
            throws IOException {
        this.walDirectory = walDirectory;
        this.segmentBytes = segmentBytes;
        this.segments = new ArrayList<>(segments);
        this.channel = openChannel(segments.getLast().path());
        this.position = end;
        this.lastSequence = lastSequence;
        this.segmentsCopy = List.copyOf(segments);
    }

    /**
     * Writes one framed record (not yet durable: see {@link #sync}) and returns its sequence number.
     *
     * @throws BasaltException IO_ERROR when it cannot be written
     */
    long write(ByteBuffer record) {
        if (failure != null) {
            throw BasaltException.of(SqlState.IO_ERROR, "write-ahead log is unusable after an earlier failure")
                    .withDetail(failure.getMessage())
                    .withHint("Close and reopen the database.");
        }
        if (position > WalFormat.HEADER_BYTES && position + record.remaining() > segmentBytes) {
            startNextSegment();
        }
        long start = position;
        try {
            while (record.hasRemaining()) {
                position += channel.write(record, position);
            }
        } catch (IOException e) {
            position = start;
            BasaltException error = FileErrors.failed("could not write to file", currentPath(), e);
            try {
                channel.truncate(start);
            } catch (IOException truncation) {
                error.addSuppressed(truncation);
                failure = error;
            }
            throw error;
        }
        return ++lastSequence;
    }

    /**
     * Writes one record of a commit: with {@code part} one of the PART records that lead a large commit, else the
     * record that closes it (or a whole commit). When a record fails while parts of its commit are written, those
     * parts stay in the segment and could not be told from the next commit's records, so the writer refuses every
     * later write: the database must be reopened, and log recovery removes the unfinished commit.
     *
     * @throws BasaltException IO_ERROR when the record cannot be written
     */
    long write(ByteBuffer record, boolean part) {
        long sequence;
        try {
            sequence = write(record);
        } catch (BasaltException e) {
            if (inCommit && failure == null) {
                failure = e;
            }
            throw e;
        }
        inCommit = part;
        return sequence;
    }

    /** Whether PART records were written whose closing record was not (yet). */
    boolean inCommit() {
        return inCommit;
    }

    /** The committer gave up after some of its parts were written: refuse every later write (see {@link #write}). */
    void abandonCommit() {
        if (inCommit && failure == null) {
            failure = BasaltException.of(SqlState.IO_ERROR, "a commit was abandoned after part of it was written");
        }
    }

    /**
     * Makes every record written so far durable.
     *
     * @throws BasaltException IO_ERROR when the sync fails; the writer is unusable afterwards
     */
    void sync() {
        try {
            channel.force(false);
        } catch (IOException e) {
            failure = FileErrors.failed("could not fsync file", currentPath(), e);
            throw failure;
        }
    }

    /**
     * {@link #sync()} that returns its failure instead of throwing it; on success no record written so far needs a
     * sync of its channel any more, so that a sync racing with {@link #close()} finds its records durable.
     */
    BasaltException syncAll() {
        try {
            sync();
        } catch (BasaltException e) {
            return e;
        }
        retiredThrough = lastSequence;
        return null;
    }

    /**
     * Makes the records through {@code through}, written to {@code target} (the channel when they were written), durable;
     * may run in any thread, concurrently with writes and other syncs. Returns null, or the failure (after which the
     * writer refuses every later write). A channel closed meanwhile because its segment was synced and a new one
     * started is no failure: its records are durable.
     */
    BasaltException sync(FileChannel target, long through) {
        try {
            target.force(false);
            return null;
        } catch (ClosedChannelException e) {
            if (through <= retiredThrough) {
                return null;
            }
            return noteFailure(FileErrors.failed("could not fsync file", currentPath(), e));
        } catch (IOException e) {
            return noteFailure(FileErrors.failed("could not fsync file", currentPath(), e));
        }
    }

    private synchronized BasaltException noteFailure(BasaltException error) {
        if (failure == null) {
            failure = error;
        }
        return error;
    }

    /** The channel of the segment being written. */
    FileChannel channel() {
        return channel;
    }

    private void startNextSegment() {
        sync();
        retiredThrough = lastSequence;
        SegmentFile current = segments.getLast();
        Path nextPath = walDirectory.resolve(WalFormat.segmentName(current.number() + 1));
        SegmentFile next;
        FileChannel nextChannel;
        try {
            next = SegmentFile.create(walDirectory, current.number() + 1, lastSequence + 1);
            nextChannel = openChannel(next.path());
        } catch (IOException e) {
            throw FileErrors.failed("could not create file", nextPath, e);
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Its records are durable already; a failed close loses nothing.
        }
        channel = nextChannel;
        segments.add(next);
        segmentsCopy = List.copyOf(segments);
        position = WalFormat.HEADER_BYTES;
    }

    /**
     * Starts a new segment when the current one holds only records up to {@code sequence} (syncing it first), then
     * deletes every segment but the current one whose records all lie at or before {@code sequence}.
     *
     * @throws BasaltException IO_ERROR when a segment cannot be created or deleted
     */
    void removeThrough(long sequence) {
        if (position > WalFormat.HEADER_BYTES && lastSequence <= sequence) {
            startNextSegment();
        }
        boolean removed = false;
        while (segments.size() > 1 && segments.get(1).firstSequence() - 1 <= sequence) {
            SegmentFile old = segments.removeFirst();
            segmentsCopy = List.copyOf(segments);
            try {
                java.nio.file.Files.deleteIfExists(old.path());
            } catch (IOException e) {
                throw FileErrors.failed("could not remove file", old.path(), e);
            }
            removed = true;
        }
        if (removed) {
            try {
                SegmentFile.syncDirectory(walDirectory);
            } catch (IOException e) {
                throw FileErrors.failed("could not fsync file", walDirectory, e);
            }
        }
    }

    /** Whether its channels ignore interrupts (so that any thread may write through them). */
    boolean uninterruptibleChannels() {
        return SET_UNINTERRUPTIBLE != null && SET_UNINTERRUPTIBLE.getDeclaringClass().isInstance(channel);
    }

    /**
     * The JDK's own switch that makes a file channel ignore interrupts (which would otherwise close it), or null
     * when the JDK does not let this class reach it ({@code --add-opens java.base/sun.nio.ch}).
     */
    private static Method uninterruptibleSetter() {
        try {
            Method setter = Class.forName("sun.nio.ch.FileChannelImpl").getMethod("setUninterruptible");
            return setter.trySetAccessible() ? setter : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Opens a segment for writing, ignoring interrupts when it can (see {@link #uninterruptibleChannels()}). */
    private static FileChannel openChannel(Path path) throws IOException {
        FileChannel opened = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.READ);
        if (SET_UNINTERRUPTIBLE != null && SET_UNINTERRUPTIBLE.getDeclaringClass().isInstance(opened)) {
            try {
                SET_UNINTERRUPTIBLE.invoke(opened);
            } catch (ReflectiveOperationException e) {
                opened.close();
                throw new IOException("could not make the channel ignore interrupts", e);
            }
        }
        return opened;
    }

    private Path currentPath() {
        return segmentsCopy.getLast().path();
    }

    List<SegmentFile> segments() {
        return segmentsCopy;
    }

    /** The end of the last record written to the current segment. */
    long end() {
        return position;
    }

    long lastSequence() {
        return lastSequence;
    }

    /** Closes the current segment. */
    void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw FileErrors.failed("could not close file", currentPath(), e);
        }
    }
}
