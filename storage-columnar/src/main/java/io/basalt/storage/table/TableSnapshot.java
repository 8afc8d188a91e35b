package io.basalt.storage.table;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * What one scan of an {@link InMemoryTableStore} reads: the full chunks in place, the deletion masks as they
 * were when the scan opened (one per chunk, the last chunk's included; null where no row is deleted), and the
 * last, partly filled chunk as slices of the requested columns ({@code null} for a row-id column) taken then.
 * Taking a snapshot counts a scan of its generation; {@link #close} ends it and frees the slices.
 */
record TableSnapshot(InMemoryTableStore store, InMemoryTableStore.Generation generation, List<FieldVector[]> fullChunks,
                     List<long[]> masks, List<FieldVector> tail, int tailRows, int chunkRows) {

    /** The first row id of chunk {@code chunk}: the generation's number above the position bits. */
    long firstRowId(int chunk) {
        return (generation.number << InMemoryTableStore.POSITION_BITS) + (long) chunk * chunkRows;
    }

    void close() {
        for (FieldVector vector : tail) {
            if (vector != null) {
                vector.close();
            }
        }
        store.scanClosed(generation);
    }
}
