package io.basalt.storage.file;

import io.basalt.exec.vector.VectorSlices;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The database's cache of decoded column chunks read from table data files, bounded by a byte budget
 * ({@code basalt.buffer_cache_size}). A reader asks for some rows of a column of a row group ({@link #read}); a
 * chunk not cached is verified and decoded from its file's memory mapping and kept while the budget allows. When it
 * does not fit, the chunk is admitted only if it was asked for more often lately ({@link ChunkFrequencies}) than
 * every least recently used chunk that would have to make room for it; otherwise those stay, and the new chunk goes
 * to a small window of the last few chunks decoded but not admitted (a scan that evaluates its filter on a chunk and
 * then reads it finds it there), pushing out the window's oldest; the window has an eighth of the budget to itself,
 * the admitted chunks the rest. So a scan that cycles over
 * more data than the budget keeps the part that fits and decodes only the rest on every pass, where plain
 * least-recently-used eviction would drop each chunk just before the next pass needs it and decode everything every
 * time; a new working set still displaces an old one once it has been asked for more often. A chunk larger than the
 * admitted chunks' part of the budget is decoded for the reader alone and not kept. Readers get zero-copy slices of their own
 * ({@link VectorSlices}): Arrow counts references to the shared buffers, so dropping a chunk never invalidates a
 * slice a scan still holds, and the memory goes once both are closed. What is resident because of the cache itself
 * (admitted chunks and the window) therefore never exceeds the budget; the chunks scans hold on top of it are theirs,
 * one row group per running scan worker.
 *
 * <p>Two readers missing the same chunk at once may both decode it; the second result is dropped. Thread-safe.
 */
public final class BufferCache implements AutoCloseable {
    private record Key(TableFile file, int group, int column) {
    }

    private record Entry(FieldVector vector, long bytes) {
    }

    /** How many chunks the window holds at most: enough for each scan worker's chunk between filter and read. */
    static final int WINDOW_CHUNKS = 4;
    /**
     * The window has this share of the budget to itself (admitted chunks the rest), so that what goes through it
     * never pushes out an admitted chunk.
     */
    static final int WINDOW_SHARE = 8;
    /**
     * {@code lru} makes a cache admit every chunk that fits the budget, evicting the least recently used (how the
     * cache worked before admission, for A/B benchmarks); anything else, or unset, admits by frequency.
     */
    public static final String ADMISSION_PROPERTY = "basalt.buffer_cache_admission";

    private final BufferAllocator allocator;
    private final long budget;
    /** The window's part of the budget, and the admitted chunks' part (the rest). */
    private final long windowBudget;
    private final long admittedBudget;
    private final boolean admitEverything;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final ChunkFrequencies<Key> frequencies = new ChunkFrequencies<>();
    /**
     * The last few chunks decoded but not admitted, oldest first: at most {@link #WINDOW_CHUNKS} of them, together at
     * most a {@link #WINDOW_SHARE}th of the budget.
     */
    private final LinkedHashMap<Key, Entry> window = new LinkedHashMap<>();
    private long windowBytes;
    private long resident;
    private long peak;
    private long decoded;
    private long hits;

    /** A cache of at most {@code budget} bytes of decoded chunks, allocated from {@code allocator} (owned). */
    public BufferCache(BufferAllocator allocator, long budget) {
        this.allocator = allocator;
        this.budget = Math.max(0, budget);
        this.admitEverything = "lru".equals(System.getProperty(ADMISSION_PROPERTY));
        this.windowBudget = admitEverything ? 0 : this.budget / WINDOW_SHARE;
        this.admittedBudget = this.budget - windowBudget;
    }

    /**
     * Rows {@code [offset, offset + rows)} of column {@code column} of row group {@code group} of {@code file}, as
     * a new vector owned by {@code target}.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public FieldVector read(TableFile file, int group, int column, int offset, int rows, BufferAllocator target) {
        Key key = new Key(file, group, column);
        synchronized (this) {
            frequencies.record(key);
            Entry entry = lookup(key);
            if (entry != null) {
                hits++;
                return VectorSlices.slice(entry.vector(), offset, rows, target);
            }
        }
        FieldVector fresh = file.column(group, column, allocator);
        try {
            synchronized (this) {
                decoded++;
                Entry entry = lookup(key);
                if (entry != null) {
                    return VectorSlices.slice(entry.vector(), offset, rows, target);
                }
                FieldVector out = VectorSlices.slice(fresh, offset, rows, target);
                if (keep(key, fresh)) {
                    fresh = null;
                }
                return out;
            }
        } finally {
            if (fresh != null) {
                fresh.close();
            }
        }
    }

    /** The cached entry of {@code key}, admitted or in the window, or null. */
    private Entry lookup(Key key) {
        Entry entry = entries.get(key);
        return entry != null ? entry : window.get(key);
    }

    /**
     * Keeps {@code fresh} (just decoded) as an admitted chunk or in the window, or returns false when it stays the
     * reader's alone.
     */
    private boolean keep(Key key, FieldVector fresh) {
        long bytes = fresh.getBufferSize();
        if (admits(key, bytes)) {
            evictUntilFree(bytes);
            entries.put(key, new Entry(fresh, bytes));
        } else {
            if (bytes > windowBudget) {
                return false;
            }
            Iterator<Entry> oldest = window.values().iterator();
            while ((window.size() >= WINDOW_CHUNKS || windowBytes + bytes > windowBudget) && oldest.hasNext()) {
                Entry entry = oldest.next();
                oldest.remove();
                windowBytes -= entry.bytes();
                resident -= entry.bytes();
                entry.vector().close();
            }
            window.put(key, new Entry(fresh, bytes));
            windowBytes += bytes;
        }
        resident += bytes;
        peak = Math.max(peak, resident);
        return true;
    }

    /**
     * Whether a chunk of {@code bytes} bytes under {@code key} may be admitted: yes when the admitted chunks' part of
     * the budget has room, or when it was asked for more often than every least recently used admitted chunk that
     * would have to make room for it; never when it is larger than that part.
     */
    private boolean admits(Key key, long bytes) {
        if (bytes > admittedBudget) {
            return false;
        }
        long free = admittedBudget - (resident - windowBytes);
        if (bytes <= free || admitEverything) {
            return true;
        }
        int candidate = frequencies.frequency(key);
        for (Map.Entry<Key, Entry> oldest : entries.entrySet()) {
            if (frequencies.frequency(oldest.getKey()) >= candidate) {
                return false;
            }
            free += oldest.getValue().bytes();
            if (bytes <= free) {
                return true;
            }
        }
        return false;
    }

    /**
     * The whole decoded chunk {@code column} of row group {@code group} of {@code file} (decoded and cached first
     * when absent), as a vector the caller closes; for evaluating a scan's predicates on it
     * ({@link io.basalt.storage.column.DecodedChunkFilter}) before the scan reads its rows.
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when the chunk is damaged
     */
    public FieldVector share(TableFile file, int group, int column) {
        return read(file, group, column, 0, file.rowCount(group), allocator);
    }

    /**
     * The whole decoded chunk {@code column} of row group {@code group} of {@code file} as a new slice owned by
     * {@code target} when the cache holds it (counted as a hit), else null: nothing is decoded.
     */
    public FieldVector cached(TableFile file, int group, int column, BufferAllocator target) {
        Key key = new Key(file, group, column);
        synchronized (this) {
            frequencies.record(key);
            Entry entry = lookup(key);
            if (entry == null) {
                return null;
            }
            hits++;
            return VectorSlices.slice(entry.vector(), 0, entry.vector().getValueCount(), target);
        }
    }

    /** Evicts the least recently used admitted chunks until {@code bytes} more fit the admitted chunks' part. */
    private void evictUntilFree(long bytes) {
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (resident - windowBytes + bytes > admittedBudget && oldest.hasNext()) {
            Entry entry = oldest.next().getValue();
            oldest.remove();
            resident -= entry.bytes();
            entry.vector().close();
        }
    }

    /** Drops every chunk of {@code file} (its generation is gone). */
    public void release(TableFile file) {
        List<FieldVector> dropped = new ArrayList<>();
        synchronized (this) {
            frequencies.forget(key -> key.file() == file);
            Iterator<Map.Entry<Key, Entry>> windowed = window.entrySet().iterator();
            while (windowed.hasNext()) {
                Map.Entry<Key, Entry> next = windowed.next();
                if (next.getKey().file() == file) {
                    windowed.remove();
                    windowBytes -= next.getValue().bytes();
                    resident -= next.getValue().bytes();
                    dropped.add(next.getValue().vector());
                }
            }
            Iterator<Map.Entry<Key, Entry>> all = entries.entrySet().iterator();
            while (all.hasNext()) {
                Map.Entry<Key, Entry> next = all.next();
                if (next.getKey().file() == file) {
                    all.remove();
                    resident -= next.getValue().bytes();
                    dropped.add(next.getValue().vector());
                }
            }
        }
        for (FieldVector vector : dropped) {
            vector.close();
        }
    }

    /** The byte budget. */
    public long budget() {
        return budget;
    }

    /** Bytes of decoded chunks the cache holds now (the window included). */
    public synchronized long residentBytes() {
        return resident;
    }

    /** The most bytes the cache ever held at once. */
    public synchronized long peakResidentBytes() {
        return peak;
    }

    /** Chunks decoded from files so far. */
    public synchronized long decodedChunks() {
        return decoded;
    }

    /** Reads served from the cache so far. */
    public synchronized long hits() {
        return hits;
    }

    @Override
    public void close() {
        synchronized (this) {
            for (Entry entry : entries.values()) {
                entry.vector().close();
            }
            entries.clear();
            for (Entry entry : window.values()) {
                entry.vector().close();
            }
            window.clear();
            windowBytes = 0;
            resident = 0;
        }
        allocator.close();
    }
}
