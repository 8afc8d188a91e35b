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
 * chunk not cached is verified and decoded from its file's memory mapping, kept while the budget allows, and the
 * least recently used chunks are dropped to make room (a chunk larger than the whole budget is decoded for the
 * reader alone and not kept). Readers get zero-copy slices of their own ({@link VectorSlices}): Arrow counts
 * references to the shared buffers, so dropping a chunk never invalidates a slice a scan still holds, and the
 * memory goes once both are closed. What is resident because of the cache itself therefore never exceeds the
 * budget; the chunks scans hold on top of it are theirs, one row group per running scan worker.
 *
 * <p>Two readers missing the same chunk at once may both decode it; the second result is dropped. Thread-safe.
 */
public final class BufferCache implements AutoCloseable {
    private record Key(TableFile file, int group, int column) {
    }

    private record Entry(FieldVector vector, long bytes) {
    }

    private final BufferAllocator allocator;
    private final long budget;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long resident;
    private long peak;
    private long decoded;
    private long hits;

    /** A cache of at most {@code budget} bytes of decoded chunks, allocated from {@code allocator} (owned). */
    public BufferCache(BufferAllocator allocator, long budget) {
        this.allocator = allocator;
        this.budget = Math.max(0, budget);
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
            Entry entry = entries.get(key);
            if (entry != null) {
                hits++;
                return VectorSlices.slice(entry.vector(), offset, rows, target);
            }
        }
        FieldVector fresh = file.column(group, column, allocator);
        try {
            synchronized (this) {
                decoded++;
                Entry entry = entries.get(key);
                if (entry != null) {
                    return VectorSlices.slice(entry.vector(), offset, rows, target);
                }
                FieldVector out = VectorSlices.slice(fresh, offset, rows, target);
                long bytes = fresh.getBufferSize();
                if (bytes <= budget) {
                    evictUntilFree(bytes);
                    entries.put(key, new Entry(fresh, bytes));
                    resident += bytes;
                    peak = Math.max(peak, resident);
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
            Entry entry = entries.get(key);
            if (entry == null) {
                return null;
            }
            hits++;
            return VectorSlices.slice(entry.vector(), 0, entry.vector().getValueCount(), target);
        }
    }

    private void evictUntilFree(long bytes) {
        Iterator<Map.Entry<Key, Entry>> oldest = entries.entrySet().iterator();
        while (resident + bytes > budget && oldest.hasNext()) {
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

    /** Bytes of decoded chunks the cache holds now. */
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
            resident = 0;
        }
        allocator.close();
    }
}
