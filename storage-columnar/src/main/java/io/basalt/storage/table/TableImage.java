package io.basalt.storage.table;

import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The committed state of one {@link InMemoryTableStore} as a checkpoint writes it: every row position of its
 * current generation (deleted rows included, so that the row ids the write-ahead log names after the checkpoint
 * still find their rows), cut into the store's chunks, with each chunk's deletion mask. Full chunks are the
 * store's own immutable vectors; the last, partly filled chunk and the columns added after a chunk was written are
 * copies this image owns. While an image is open it counts as a scan of its generation, so a concurrent TRUNCATE
 * or DROP TABLE does not free the chunks; {@link #close} ends that and frees the copies. Chunks left in a data file
 * hold null for the columns the file has: {@link #column} reads them.
 *
 * <p>{@code version} identifies the state: two images of one store with the same (identical) version object and
 * the same column types hold the same rows, so a checkpoint can keep the file it wrote before.
 *
 * @param generation  the generation number (the high bits of the row ids)
 * @param positions   row positions filled in the generation, deleted ones included
 * @param chunkRows   rows per chunk; every chunk but the last holds exactly this many
 * @param chunks      per chunk, one vector per column in table order
 * @param masks       per chunk, its deletion mask (bit {@code r} set: row {@code r} deleted) or null
 */
public record TableImage(InMemoryTableStore store, Object version, List<LogicalType> columnTypes, long generation,
                         long positions, int chunkRows, List<FieldVector[]> chunks, List<long[]> masks,
                         List<FieldVector> owned, InMemoryTableStore.Generation scanned, StoredChunks stored)
        implements AutoCloseable {

    /**
     * Column {@code column} of chunk {@code chunk}: the image's vector, or, for a chunk left in a data file, the
     * column read from it into {@code allocator} and added to {@code read} (the caller frees those).
     */
    public FieldVector column(int chunk, int column, BufferAllocator allocator, List<FieldVector> read) {
        FieldVector vector = chunks.get(chunk)[column];
        if (vector == null) {
            vector = stored.load(chunk, new int[] {column}, allocator, read)[column];
        }
        return vector;
    }

    /** The data files the image's stored chunks are read from (a checkpoint copies their row groups), or none. */
    public List<StoredRowGroups> storedFiles() {
        return stored == null ? List.of() : StackedRowGroups.partsOf(stored.groups);
    }

    /** Rows of chunk {@code chunk}. */
    public int chunkRowCount(int chunk) {
        return chunk < chunks.size() - 1 ? chunkRows : (int) (positions - (long) chunk * chunkRows);
    }

    @Override
    public void close() {
        for (FieldVector vector : owned) {
            vector.close();
        }
        store.scanClosed(scanned);
    }
}
