package io.basalt.storage.table;

import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * What one scan of an {@link InMemoryTableStore} reads: a list of pieces, each some rows of the requested columns
 * with a deletion mask, in row-id order. The committed rows come first (full chunks in place, the last, partly
 * filled chunk as slices taken when the scan opened, masks as the scan's version had them, merged with the rows
 * the scan's own transaction deleted), then the rows the transaction appended and has not committed yet. Chunks
 * left in a data file are pieces of their own, one per row group (the morsels of a parallel scan), whose columns
 * the scan reads when it reaches them and frees when it moves on.
 * {@code owned} holds the slices this snapshot must free. Taking a snapshot counts a scan of its generation;
 * {@link #close} ends it.
 */
record TableSnapshot(InMemoryTableStore store, InMemoryTableStore.Generation generation, List<Piece> pieces,
                     List<FieldVector> owned) {

    /**
     * Rows {@code 0..rows-1} of the requested columns ({@code null} for a row-id column), the rows whose bit is set
     * in {@code mask} (null: none) deleted; row {@code r} has id {@code firstRowId + r}. A piece of stored chunks
     * has no columns but the {@code stored} stretch of a data file they are read from. A piece of rows gathered
     * from several chunks (the candidates of an index lookup) lists their ids in {@code rowIds} (else null).
     */
    record Piece(List<FieldVector> columns, int rows, long[] mask, long firstRowId, StoredChunks.Stretch stored,
                 long[] rowIds) {
        Piece(List<FieldVector> columns, int rows, long[] mask, long firstRowId, StoredChunks.Stretch stored) {
            this(columns, rows, mask, firstRowId, stored, null);
        }

        Piece(List<FieldVector> columns, int rows, long[] mask, long firstRowId) {
            this(columns, rows, mask, firstRowId, null, null);
        }

        /** The id of row {@code row}: {@code firstRowId + row}, or from {@code rowIds} for gathered rows. */
        long rowId(int row) {
            return rowIds != null ? rowIds[row] : firstRowId + row;
        }
    }

    void close() {
        for (FieldVector vector : owned) {
            vector.close();
        }
        store.scanClosed(generation);
    }
}
