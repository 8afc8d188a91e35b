package io.basalt.storage.wal;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.arrow.memory.BufferAllocator;

/**
 * The write-ahead log of one database directory: every committed change is appended here, and made
 * durable, before the engine acknowledges it; when the database is opened again, {@link #replay}
 * hands the changes back in commit order.
 *
 * <p>On disk: {@code <dbdir>/wal/wal-000001.log}, {@code wal-000002.log}, ... (segments of about 64 MiB;
 * a new one starts when the next record would not fit), each a header followed by length-prefixed,
 * CRC32C-checksummed records; {@link WalFormat} has the byte layout, {@link RecordCodec} the payloads
 * (DDL as UTF-8 SQL text, appended rows as an Arrow IPC stream). {@code <dbdir>/lock} is locked while
 * the log is open, so that one process at a time writes the database.
 *
 * <p>Opening recovers the log ({@link LogRecovery}): a record torn by a crash, or damaged, ends the log
 * there; the log is cut back to the last good record, every record before it is kept, and the finding
 * is reported by {@link #recovery()} (and logged), not thrown.
 *
 * <p>Writing and durability: {@link #append} and {@link #commit} return after the record is written and
 * the segment has been synced with {@code FileChannel.force(false)}. One record is atomic: after a crash
 * it is either wholly present or absent. {@code commit} puts several records in one log record, so a
 * statement or transaction of several changes is atomic too; a commit larger than about 32 MiB is cut into
 * several log records written back to back (PART records, then the last one), and recovery removes the
 * parts of a commit whose last record never made it to disk, so such a commit is atomic as well. Such a commit
 * is encoded and handed over a part at a time (no other record between its parts), so its bytes are never all in
 * memory at once, and replay never sees parts without their last record. Records are written under one I/O lock, in
 * groups: whoever takes the lock writes every record waiting in the queue, releases the lock, and syncs them, unless a
 * sync that started after they were written covers them already. Syncs thus run concurrently with writes and with
 * each other (group commit without a serial sync: a commit that arrives during a sync does not wait for it to end
 * before its own starts), and a sync acknowledges every record written before it started. Handing a record in wakes
 * the log's writer thread, so that writing overlaps what the committer does before it waits; a committer that comes
 * to wait while its record is still queued and no one holds the lock (the writer thread not yet running, or busy
 * syncing) writes and syncs the queue itself instead of waiting for the thread. A thread that finds the lock held
 * waits; the holder, on releasing it, writes what was queued meanwhile or wakes the writer thread to do so. The
 * segment channels ignore interrupts (when the JDK lets the log say so; otherwise only the writer thread writes),
 * and callers wait uninterruptibly, so interrupting a thread never leaves a commit in doubt; only an I/O error can.
 * After a failed sync the log refuses further writes (the operating system may have dropped the dirty
 * pages), and the database must be reopened.
 *
 * <p>Sequence numbers count log records from 1 for a new log; {@code append} and {@code commit} return
 * the record's number and {@link WalVisitor} receives it on replay.
 *
 * <p>Thread safety: all methods may be called from any thread. Order of records is the order in
 * which {@code append}/{@code commit} calls entered the log, which the caller serializes as it needs.
 */
public final class WriteAheadLog implements AutoCloseable {
    /** The log's directory inside the database directory. */
    public static final String DIRECTORY_NAME = "wal";
    static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** About the most a commit puts in one record; a larger commit is written as several (see {@link CommitParts}). */
    static final long DEFAULT_PART_BYTES = 32L << 20;
    private static final System.Logger LOG = System.getLogger(WriteAheadLog.class.getName());

    /** The future of a record's durability, knowing its log, so that a committer waiting for it can write it. */
    private static final class Durability extends CompletableFuture<Long> {
        final WriteAheadLog log;
        /** Set once the record is written (not yet synced) or failed to be, so that a waiting committer stops writing. */
        volatile boolean written;

        Durability(WriteAheadLog log) {
            this.log = log;
        }
    }

    /**
     * One framed log record waiting for the writer thread (a commit's closing record, or with {@code part} one of the
     * PART records before it), or (with none) a request to stop the writer or to remove records.
     */
    private final class PendingWrite {
        /** Dropped by the writer once written, so that a streamed commit holds few parts' bytes at a time. */
        ByteBuffer record;
        final boolean part;
        final Durability done = new Durability(WriteAheadLog.this);
        long sequence;
        /** For a request to remove records (no bytes): the last sequence number a checkpoint covers. */
        long removeThrough = -1;
        /** A request (no bytes) saying the committer gave up part-way through a commit whose parts were written. */
        boolean abandon;

        PendingWrite(ByteBuffer record, boolean part) {
            this.record = record;
            this.part = part;
        }
    }

    /** What the writer has made durable: what {@link #replay} may read. */
    private record DurableState(List<SegmentFile> segments, long end, long lastSequence) {
    }

    private final Path walDirectory;
    private final DatabaseLock lock;
    private final WalRecovery recovery;
    private final SegmentWriter segmentWriter;
    private final Thread writer;
    private final LinkedBlockingQueue<PendingWrite> queue = new LinkedBlockingQueue<>();
    /** Held while the queue is written and synced; guards the segment writer and everything below it. */
    private final ReentrantLock io = new ReentrantLock();
    /** Permits that wake the writer thread. */
    private final Semaphore wakeups = new Semaphore(0);
    /** Whether committers may write and sync (the channels ignore interrupts); else only the writer thread does. */
    private final boolean committersWrite;
    private final List<PendingWrite> group = new ArrayList<>();
    private final List<PendingWrite> written = new ArrayList<>();
    /** Guards the fields below it: the records written but not yet synced, and how far syncs got. */
    private final Object syncs = new Object();
    /** Records written and not yet acknowledged, in sequence order. */
    private final ArrayDeque<PendingWrite> unsynced = new ArrayDeque<>();
    /** The last sequence number a sync that has started covers. */
    private long syncStarted;
    /** The first failed sync; every later record fails with it. */
    private BasaltException syncFailure;
    private volatile boolean stopped;
    private final long segmentBytes;
    private final long partBytes;
    private final PendingWrite stopRequest = new PendingWrite(null, false);
    /** Held while records are handed to the queue, so that the parts of a streamed commit follow each other. */
    private final ReentrantLock handOver = new ReentrantLock();
    /** Removal requests that arrived while a commit's parts were being written (writer thread only). */
    private final List<PendingWrite> deferredRemovals = new ArrayList<>();
    private volatile DurableState durable;
    private boolean closed;

    private WriteAheadLog(Path walDirectory, DatabaseLock lock, LogRecovery.Result recovered, long segmentBytes,
                          long partBytes) throws IOException {
        this.walDirectory = walDirectory;
        this.lock = lock;
        this.recovery = recovered.report();
        this.segmentBytes = segmentBytes;
        this.partBytes = partBytes;
        this.durable = new DurableState(recovered.segments(), recovered.end(), recovery.lastSequence());
        this.segmentWriter = new SegmentWriter(walDirectory, recovered.segments(), recovered.end(),
                recovery.lastSequence(), segmentBytes);
        this.committersWrite = segmentWriter.uninterruptibleChannels();
        this.writer = new Thread(this::runWriter, "basalt-wal-writer " + walDirectory);
        writer.setDaemon(true);
    }

    /**
     * Opens the log of {@code dbDirectory}, creating the directory and an empty log if they do not
     * exist, locking the database, and recovering the log (see {@link #recovery()}).
     *
     * @throws BasaltException IO_ERROR when the database is locked by another process or already open
     *     in this one, or a file cannot be read or written; DATA_CORRUPTED when a segment header is not
     *     a Basalt WAL header or comes from a newer version of Basalt
     */
    public static WriteAheadLog open(Path dbDirectory) {
        return open(dbDirectory, DEFAULT_SEGMENT_BYTES);
    }

    /** {@link #open(Path)} with segments of {@code segmentBytes}, so that tests can make many. */
    static WriteAheadLog open(Path dbDirectory, long segmentBytes) {
        return open(dbDirectory, segmentBytes, DEFAULT_PART_BYTES);
    }

    /** {@link #open(Path)} with segments of {@code segmentBytes} and commits cut into records of about {@code partBytes}. */
    static WriteAheadLog open(Path dbDirectory, long segmentBytes, long partBytes) {
        requireNonNull(dbDirectory, "dbDirectory is null");
        if (segmentBytes <= WalFormat.HEADER_BYTES) {
            throw new IllegalArgumentException("segmentBytes must exceed the segment header");
        }
        try {
            if (!Files.isDirectory(dbDirectory)) {
                Files.createDirectories(dbDirectory);
                Path parent = dbDirectory.toAbsolutePath().getParent();
                if (parent != null) {
                    SegmentFile.syncDirectory(parent);
                }
            }
        } catch (IOException e) {
            throw FileErrors.failed("could not create directory", dbDirectory, e);
        }
        DatabaseLock lock = DatabaseLock.acquire(dbDirectory);
        Path walDirectory = dbDirectory.resolve(DIRECTORY_NAME);
        try {
            LogRecovery.Result recovered = LogRecovery.recover(walDirectory);
            WalRecovery report = recovered.report();
            if (!report.clean()) {
                LOG.log(System.Logger.Level.WARNING, "write-ahead log ends early: " + report.damage() + "; kept "
                        + report.records() + " records, removed " + report.discardedBytes() + " bytes");
            }
            WriteAheadLog log = new WriteAheadLog(walDirectory, lock, recovered, segmentBytes, partBytes);
            log.writer.start();
            return log;
        } catch (IOException e) {
            lock.close();
            throw FileErrors.failed("could not open write-ahead log", walDirectory, e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** What opening found: records kept, and whether and why a torn or damaged tail was removed. */
    public WalRecovery recovery() {
        return recovery;
    }

    /** The sequence number of the last durable record (0 for an empty new log). */
    public long lastSequence() {
        return durable.lastSequence();
    }

    /**
     * Appends one record and returns its sequence number once it is durable.
     *
     * @throws BasaltException IO_ERROR when it cannot be written or synced (then it may or may not
     *     survive a crash, and after a failed sync the log refuses further writes)
     */
    public long append(WalRecord record) {
        return commit(List.of(requireNonNull(record, "record is null")));
    }

    /**
     * Appends {@code records} (at least one) as one atomic log record and returns its sequence number
     * once it is durable. Replay delivers them all, in this order, or none of them.
     *
     * @throws BasaltException as {@link #append}
     */
    public long commit(List<WalRecord> records) {
        return awaitDurable(submit(records));
    }

    /**
     * The first half of {@link #commit}: hands {@code records} to the writer as one log record and returns at once,
     * with the future of its sequence number, which completes when the record is durable. Records enter the log in
     * the order of the calls, so a caller that submits under its own lock orders its records by that lock while
     * waiting for durability outside it (group commit across committers of the same tables).
     *
     * @throws BasaltException internal error when the log is closed
     */
    public CompletableFuture<Long> submit(List<WalRecord> records) {
        List<List<WalRecord>> parts = CommitParts.split(records, partBytes);
        if (parts.size() == 1) {
            PendingWrite pending = new PendingWrite(RecordCodec.encode(parts.getFirst()), false);
            handOver.lock();
            try {
                enqueue(pending);
            } finally {
                handOver.unlock();
            }
            wakeWriter();
            return pending.done;
        }
        handOver.lock();
        try {
            return stream(parts);
        } finally {
            handOver.unlock();
        }
    }

    /**
     * Hands a commit of several parts to the writer one encoded part at a time, waiting before each part for the one
     * two places before it to be written, so that about two parts' bytes are held at once rather than the whole
     * commit's, and encoding overlaps writing. Called with {@link #handOver} held, so no other record comes between
     * the parts. When a part cannot be encoded after earlier ones were handed over, the writer is told to refuse
     * further writes: its log would otherwise hold PART records that the next commit's closing record would adopt.
     */
    private CompletableFuture<Long> stream(List<List<WalRecord>> parts) {
        List<PendingWrite> handed = new ArrayList<>(parts.size());
        try {
            for (int i = 0; i < parts.size(); i++) {
                if (i >= 2) {
                    await(handed.get(i - 2).done);
                }
                boolean part = i < parts.size() - 1;
                ByteBuffer encoded = part ? RecordCodec.encodePart(parts.get(i)) : RecordCodec.encode(parts.get(i));
                PendingWrite pending = new PendingWrite(encoded, part);
                enqueue(pending);
                handed.add(pending);
                wakeWriter();
            }
        } catch (RuntimeException | Error failure) {
            if (!handed.isEmpty() && !handed.getLast().part) {
                throw failure; // the closing record is in the queue: the writer decides the commit's fate
            }
            if (!handed.isEmpty()) {
                PendingWrite abandon = new PendingWrite(null, false);
                abandon.abandon = true;
                synchronized (this) {
                    if (!closed) {
                        queue.add(abandon);
                    }
                }
                wakeWriter();
            }
            throw failure;
        }
        return handed.getLast().done;
    }

    private void enqueue(PendingWrite pending) {
        synchronized (this) {
            if (closed) {
                throw BasaltException.internal("write-ahead log " + walDirectory + " is closed");
            }
            queue.add(pending);
        }
    }

    /**
     * Waits, uninterruptibly, until a record {@link #submit} returned is durable, and returns its sequence number.
     *
     * @throws BasaltException as {@link #append}
     */
    public static long awaitDurable(CompletableFuture<Long> submitted) {
        return await(submitted);
    }

    /** Wakes the writer thread to write what is queued. */
    private void wakeWriter() {
        if (wakeups.availablePermits() == 0) {
            wakeups.release();
        }
    }

    /**
     * Removes the records up to {@code sequence}, whose effects a checkpoint has made durable elsewhere: when the
     * segment being written holds only such records, a new segment is started; then every segment whose records all
     * lie at or before {@code sequence} is deleted. Records after {@code sequence} stay, and sequence numbers go on.
     *
     * @throws BasaltException IO_ERROR when a segment cannot be created or deleted
     */
    public void removeThrough(long sequence) {
        PendingWrite request = new PendingWrite(null, false);
        request.removeThrough = sequence;
        synchronized (this) {
            if (closed) {
                throw BasaltException.internal("write-ahead log " + walDirectory + " is closed");
            }
            queue.add(request);
        }
        wakeWriter();
        await(request.done);
    }

    /** Bytes of the log's segments, about (the last one up to its end): what a checkpoint would remove. */
    public long sizeBytes() {
        DurableState state = durable;
        return (state.segments().size() - 1) * segmentBytes + state.end();
    }

    private static long await(CompletableFuture<Long> done) {
        if (done instanceof Durability durability && !done.isDone()) {
            durability.log.writeFor(durability);
        }
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Hands every durable record to {@code visitor}, in commit order, and returns how many log records
     * it read. Appended rows are decoded into vectors allocated from {@code allocator}; they are valid
     * only during the visitor call that receives them and are freed afterwards (see {@link WalVisitor}).
     *
     * @throws BasaltException DATA_CORRUPTED when a record that opening verified no longer reads back,
     *     IO_ERROR when a segment cannot be read; any exception the visitor throws
     */
    public long replay(BufferAllocator allocator, WalVisitor visitor) {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(visitor, "visitor is null");
        DurableState state = durable;
        long delivered = 0;
        for (int i = 0; i < state.segments().size(); i++) {
            SegmentFile segment = state.segments().get(i);
            boolean last = i == state.segments().size() - 1;
            try (FileChannel channel = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
                WalFormat.readHeader(channel, segment.path());
                SegmentReader reader = new SegmentReader(channel, segment.path(), last ? state.end() : channel.size());
                long sequence = segment.firstSequence();
                while (reader.next()) {
                    List<WalRecord> records = decode(reader, sequence, allocator);
                    try {
                        for (WalRecord record : records) {
                            visitor.visit(sequence, record);
                        }
                    } finally {
                        RecordCodec.release(records);
                    }
                    sequence++;
                    delivered++;
                }
                if (reader.damage() != null) {
                    throw BasaltException.of(SqlState.DATA_CORRUPTED, "write-ahead log is damaged")
                            .withDetail(reader.damage() + ", found after the database was opened.");
                }
            } catch (IOException e) {
                throw FileErrors.failed("could not read file", segment.path(), e);
            }
        }
        return delivered;
    }

    private static List<WalRecord> decode(SegmentReader reader, long sequence, BufferAllocator allocator) {
        try {
            return RecordCodec.decode(reader.kind(), reader.payload(), reader.payloadLength(), allocator);
        } catch (BasaltException e) {
            if (e.sqlState() != SqlState.DATA_CORRUPTED) {
                throw e;
            }
            BasaltException located = e.withDetail("Record " + sequence + ": " + e.detail());
            located.addSuppressed(e);
            throw located;
        }
    }

    /**
     * Waits for the records already handed in to become durable, stops the writer, closes the segment
     * and releases the database lock. Later calls do nothing; appending afterwards is an error.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(stopRequest);
        }
        wakeWriter();
        try {
            await(stopRequest.done);
        } finally {
            lock.close();
        }
    }

    // ---- writing -------------------------------------------------------------------------------------

    /**
     * Lets a committer waiting for {@code own} write the queue itself when no one holds the I/O lock: groups are
     * written until {@code own} is written (or failed), and the last group written is synced. A holder found on the
     * way writes it instead. Records queued while this committer wrote and left behind go to the writer thread.
     */
    private void writeFor(Durability own) {
        if (!committersWrite || Thread.currentThread() == writer) {
            return;
        }
        writeQueued(own);
        if (own.written && !queue.isEmpty()) {
            wakeWriter(); // else the holder of the I/O lock writes them
        }
    }

    /**
     * Writes queued groups until the queue is empty or {@code own} (when not null) is written, syncing each group
     * written (outside the I/O lock) unless a sync that started after it covers it. Gives up when another thread
     * holds the I/O lock: that thread looks at the queue again after releasing the lock, so every queued record is
     * written by someone, and each thread that writes a group sees to its sync, so every written record is synced.
     */
    private void writeQueued(Durability own) {
        while (!stopped && !queue.isEmpty() && (own == null || !own.written)) {
            if (!io.tryLock()) {
                return;
            }
            long through;
            FileChannel channel;
            DurableState state;
            try {
                through = stopped ? 0 : writeGroup();
                channel = segmentWriter.channel();
                state = through > 0 ? writtenState() : null;
            } finally {
                io.unlock();
            }
            if (through > 0 && startSync(through)) {
                finishSync(through, state, segmentWriter.sync(channel, through));
            }
        }
    }

    /** The writer thread: writes what is queued whenever woken, until the log is closed. */
    private void runWriter() {
        while (!stopped) {
            wakeups.acquireUninterruptibly();
            wakeups.drainPermits();
            writeQueued(null);
        }
    }

    /**
     * Takes every record waiting in the queue and writes them; performs the removals and the stop request among
     * them, which first sync everything written. Called with the I/O lock held. Returns the sequence number of the
     * last record written and left for the caller to sync, or 0 when none is.
     */
    private long writeGroup() {
        group.clear();
        written.clear();
        queue.drainTo(group);
        if (group.isEmpty()) {
            return 0;
        }
        boolean stop = false;
        boolean removals = false;
        long through = 0;
        try {
            for (PendingWrite pending : group) {
                if (pending == stopRequest) {
                    stop = true;
                } else if (pending.record != null) {
                    write(pending, written);
                } else if (pending.abandon) {
                    segmentWriter.abandonCommit();
                } else if (pending.removeThrough >= 0) {
                    removals = true;
                }
            }
            if (!written.isEmpty()) {
                through = written.getLast().sequence;
                handToSync(written);
            }
            if (removals || stop) {
                // the removals (which name the durable state) and the close need everything written durable
                long last = segmentWriter.lastSequence();
                startSync(last);
                finishSync(last, writtenState(), segmentWriter.syncAll());
                through = 0;
                control(stop);
            }
        } catch (RuntimeException | Error e) {
            for (PendingWrite pending : group) {
                if (pending != stopRequest && !pending.done.written) {
                    pending.done.completeExceptionally(e);
                }
            }
        }
        group.clear();
        written.clear();
        return through;
    }

    /**
     * Performs the removal requests of the group just written and synced, and stops the writer when {@code stop}.
     * Removals wait while a commit's parts lack their closing record: removing segments or starting a new one would
     * separate them from their commit.
     */
    private void control(boolean stop) {
        for (PendingWrite pending : group) {
            if (pending != stopRequest && pending.removeThrough >= 0) {
                deferredRemovals.add(pending);
            }
        }
        if (!segmentWriter.inCommit()) {
            for (PendingWrite pending : deferredRemovals) {
                remove(pending);
            }
            deferredRemovals.clear();
        }
        if (stop) {
            for (PendingWrite pending : deferredRemovals) {
                pending.done.completeExceptionally(BasaltException.internal(
                        "write-ahead log " + walDirectory + " closed while a commit was unfinished"));
            }
            deferredRemovals.clear();
            stopped = true;
            wakeWriter();
            try {
                segmentWriter.close();
                stopRequest.done.complete(segmentWriter.lastSequence());
            } catch (RuntimeException e) {
                stopRequest.done.completeExceptionally(e);
            }
        }
    }

    /** Registers records just written, in sequence order, as waiting for a sync. Called with the I/O lock held. */
    private void handToSync(List<PendingWrite> records) {
        synchronized (syncs) {
            for (PendingWrite pending : records) {
                pending.done.written = true;
                unsynced.add(pending);
            }
        }
    }

    /**
     * What a sync starting now makes durable: the log up to the last record written, unless that record leaves a
     * commit's parts without their closing record (replay must not see those), then null (the durable state stays).
     * Called with the I/O lock held.
     */
    private DurableState writtenState() {
        return segmentWriter.inCommit() ? null
                : new DurableState(segmentWriter.segments(), segmentWriter.end(), segmentWriter.lastSequence());
    }

    /**
     * Whether the caller should sync the records through sequence number {@code through}, which it has written: not
     * when a sync that started after they were written covers them already, nor after a failed sync.
     *
     * <p>Syncs run outside the I/O lock, so while one is in progress the next records are written and synced
     * concurrently (on this machine's disk, concurrent syncs finish sooner than the same syncs one after another). A
     * sync covers every record written to its segment before it started, and every earlier segment was synced when
     * the next one started, so a later sync finishing first acknowledges the records of an earlier one too.
     */
    private boolean startSync(long through) {
        synchronized (syncs) {
            if (syncStarted >= through || syncFailure != null) {
                return false;
            }
            syncStarted = through;
            return true;
        }
    }

    /**
     * Ends a sync of the records through {@code through}: acknowledges every record it covers and makes {@code state}
     * (when not null) the durable state, or, when it or an earlier sync failed, fails every record not yet
     * acknowledged (and the log refuses later writes).
     */
    private void finishSync(long through, DurableState state, BasaltException failure) {
        synchronized (syncs) {
            if (failure != null && syncFailure == null) {
                syncFailure = failure;
            }
            if (syncFailure != null) {
                for (PendingWrite pending : unsynced) {
                    pending.done.completeExceptionally(syncFailure);
                }
                unsynced.clear();
                return;
            }
            if (state != null && state.lastSequence() > durable.lastSequence()) {
                durable = state;
            }
            while (!unsynced.isEmpty() && unsynced.peekFirst().sequence <= through) {
                PendingWrite pending = unsynced.pollFirst();
                pending.done.complete(pending.sequence);
            }
        }
    }

    /**
     * Removes the segments a checkpoint covers (see {@link #removeThrough}), or fails its caller. Runs when every
     * record written so far is synced.
     */
    private void remove(PendingWrite request) {
        try {
            segmentWriter.removeThrough(request.removeThrough);
            synchronized (syncs) {
                durable = new DurableState(segmentWriter.segments(), segmentWriter.end(), segmentWriter.lastSequence());
            }
            request.done.complete(request.removeThrough);
        } catch (BasaltException e) {
            request.done.completeExceptionally(e);
        }
    }

    /** Writes one record (a commit's part or its closing record), or fails its caller. */
    private void write(PendingWrite pending, List<PendingWrite> written) {
        try {
            pending.sequence = segmentWriter.write(pending.record, pending.part);
            pending.record = null; // marked written when handed to the sync
            written.add(pending);
        } catch (BasaltException e) {
            pending.record = null;
            pending.done.written = true;
            pending.done.completeExceptionally(e);
        }
    }
}
