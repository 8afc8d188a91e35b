package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;

/**
 * The candidate rows an index lookup names in chunks where they are few, copied into pieces of their own (up to a
 * chunk's worth of rows from any number of chunks, each row with its id): PostgreSQL's bitmap heap scan reads only
 * the pages its bitmap names; here a sparse candidate set would otherwise cost a whole piece, with a mask over a
 * chunk of rows, per chunk it touches. Rows are added in ascending row-id order; {@link #flush} ends the current
 * piece (before a piece read otherwise, so that pieces stay in row-id order). The copies belong to the snapshot
 * ({@code owned}).
 */
final class CandidateGathering {
    private final int[] columns;
    private final int capacity;
    private final BufferAllocator allocator;
    private final List<FieldVector> owned;
    private final List<TableSnapshot.Piece> pieces;
    private FieldVector[] targets;
    private long[] rowIds;
    private int size;

    /**
     * @param columns   the requested table columns ({@link ScanSource#ROW_ID} for the row id)
     * @param capacity  rows per gathered piece
     * @param owned     where the copies go to be freed with the snapshot
     * @param pieces    where gathered pieces are appended
     */
    CandidateGathering(int[] columns, int capacity, BufferAllocator allocator, List<FieldVector> owned,
                       List<TableSnapshot.Piece> pieces) {
        this.columns = columns;
        this.capacity = capacity;
        this.allocator = allocator;
        this.owned = owned;
        this.pieces = pieces;
    }

    /** Whether every requested column is in {@code chunk} (a column added later is not: such chunks are not gathered). */
    boolean covers(FieldVector[] chunk) {
        for (int column : columns) {
            if (column != ScanSource.ROW_ID && column >= chunk.length) {
                return false;
            }
        }
        return true;
    }

    /** Copies row {@code row} of {@code chunk} (which {@link #covers}), whose id is {@code rowId}. */
    void add(FieldVector[] chunk, int row, long rowId) {
        if (targets == null) {
            start(chunk);
        }
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != ScanSource.ROW_ID) {
                VectorGather.copyValue(chunk[columns[c]], row, targets[c], size);
            }
        }
        rowIds[size++] = rowId;
        if (size == capacity) {
            flush();
        }
    }

    /** Ends the current piece, if it has rows. */
    void flush() {
        if (targets == null || size == 0) {
            return;
        }
        List<FieldVector> read = new ArrayList<>(columns.length);
        for (FieldVector target : targets) {
            if (target != null) {
                target.setValueCount(size);
            }
            read.add(target);
        }
        pieces.add(new TableSnapshot.Piece(read, size, null, 0, null, Arrays.copyOf(rowIds, size)));
        targets = null;
        size = 0;
    }

    private void start(FieldVector[] chunk) {
        targets = new FieldVector[columns.length];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] != ScanSource.ROW_ID) {
                FieldVector source = chunk[columns[c]];
                targets[c] = ValueAccess.allocate(LogicalType.of(source.getField()), source.getName(), allocator,
                        capacity);
                owned.add(targets[c]);
            }
        }
        if (rowIds == null) {
            rowIds = new long[capacity];
        }
    }
}
