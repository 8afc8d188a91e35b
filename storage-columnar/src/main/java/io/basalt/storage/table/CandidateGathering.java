package io.basalt.storage.table;

import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.FieldVector;

/**
 * The candidate rows an index lookup names in chunks where they are few, copied into pieces of their own (up to a
 * chunk's worth of rows from any number of chunks, each row with its id): PostgreSQL's bitmap heap scan reads only
 * the pages its bitmap names; here a sparse candidate set would otherwise cost a whole piece, with a mask over a
 * chunk of rows, per chunk it touches. Rows are added in ascending row-id order; {@link #flush} ends the current
 * piece (before a piece read otherwise, so that pieces stay in row-id order). The copies belong to the snapshot
 * ({@code owned}).
 *
 * <p>Rows are only noted as they are added; {@link #flush} copies a piece's rows column by column, a string or
 * jsonb column into a data buffer sized once for all of them (copying value by value through Arrow's safe setters
 * reallocated that buffer as it grew and was half the time of a lookup naming 2% of a table).
 */
final class CandidateGathering {
    private final int[] columns;
    private final int capacity;
    private final BufferAllocator allocator;
    private final List<FieldVector> owned;
    private final List<TableSnapshot.Piece> pieces;
    /** The chunks the noted rows come from, in order; {@code segmentEnds[s]}: the end of chunk s's rows. */
    private final List<FieldVector[]> segments = new ArrayList<>();
    private int[] segmentEnds = new int[16];
    private int[] rows;
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

    /** Notes row {@code row} of {@code chunk} (which {@link #covers}), whose id is {@code rowId}, for the piece. */
    void add(FieldVector[] chunk, int row, long rowId) {
        if (rows == null) {
            rows = new int[capacity];
            rowIds = new long[capacity];
        }
        int last = segments.size() - 1;
        if (last < 0 || segments.get(last) != chunk) {
            if (last + 1 == segmentEnds.length) {
                segmentEnds = Arrays.copyOf(segmentEnds, segmentEnds.length * 2);
            }
            segments.add(chunk);
            last++;
        }
        rows[size] = row;
        rowIds[size++] = rowId;
        segmentEnds[last] = size;
        if (size == capacity) {
            flush();
        }
    }

    /** Ends the current piece, if it has rows: copies the noted rows. */
    void flush() {
        if (size == 0) {
            return;
        }
        List<FieldVector> read = new ArrayList<>(columns.length);
        for (int column : columns) {
            if (column == ScanSource.ROW_ID) {
                read.add(null);
                continue;
            }
            FieldVector source = segments.getFirst()[column];
            FieldVector target = ValueAccess.allocate(LogicalType.of(source.getField()), source.getName(), allocator,
                    size);
            owned.add(target);
            copy(column, target);
            target.setValueCount(size);
            read.add(target);
        }
        pieces.add(new TableSnapshot.Piece(read, size, null, 0, null, Arrays.copyOf(rowIds, size)));
        segments.clear();
        size = 0;
    }

    /** Copies the noted rows of table column {@code column} into rows {@code [0, size)} of {@code target}. */
    private void copy(int column, FieldVector target) {
        boolean sameClass = true;
        for (FieldVector[] chunk : segments) {
            sameClass &= chunk[column].getClass() == target.getClass();
        }
        if (sameClass && target instanceof BaseVariableWidthVector strings) {
            copyVariableWidth(column, strings);
        } else if (sameClass && target instanceof BaseFixedWidthVector fixed && !(target instanceof BitVector)
                && fixed.getTypeWidth() > 0) {
            copyFixedWidth(column, fixed);
        } else {
            copyEach(column, target);
        }
    }

    /** Any type: value by value through {@link VectorGather#copyValue}. */
    private void copyEach(int column, FieldVector target) {
        int from = 0;
        for (int s = 0; s < segments.size(); s++) {
            FieldVector source = segments.get(s)[column];
            for (int k = from; k < segmentEnds[s]; k++) {
                VectorGather.copyValue(source, rows[k], target, k);
            }
            from = segmentEnds[s];
        }
    }

    /** Strings, binary and jsonb values: their total size summed first, then one memory copy per value. */
    private void copyVariableWidth(int column, BaseVariableWidthVector target) {
        long total = 0;
        int from = 0;
        for (int s = 0; s < segments.size(); s++) {
            ArrowBuf offsets = segments.get(s)[column].getOffsetBuffer();
            for (int k = from; k < segmentEnds[s]; k++) {
                total += offsets.getInt((long) (rows[k] + 1) * 4) - offsets.getInt((long) rows[k] * 4);
            }
            from = segmentEnds[s];
        }
        if (total > Integer.MAX_VALUE) {
            copyEach(column, target); // more than one buffer's offsets can address: Arrow's setters fail as they would
            return;
        }
        if (target.getDataBuffer().capacity() < total || target.getValueCapacity() < size) {
            target.allocateNew(Math.max(total, 1), size);
        }
        ArrowBuf targetOffsets = target.getOffsetBuffer();
        ArrowBuf targetData = target.getDataBuffer();
        ArrowBuf targetValidity = target.getValidityBuffer();
        targetOffsets.setInt(0, 0);
        int offset = 0;
        from = 0;
        for (int s = 0; s < segments.size(); s++) {
            BaseVariableWidthVector source = (BaseVariableWidthVector) segments.get(s)[column];
            ArrowBuf offsets = source.getOffsetBuffer();
            ArrowBuf data = source.getDataBuffer();
            boolean noNulls = source.getNullCount() == 0;
            ArrowBuf validity = source.getValidityBuffer();
            for (int k = from; k < segmentEnds[s]; k++) {
                int row = rows[k];
                if (noNulls || BitVectorHelper.get(validity, row) != 0) {
                    int start = offsets.getInt((long) row * 4);
                    int length = offsets.getInt((long) (row + 1) * 4) - start;
                    targetData.setBytes(offset, data, start, length);
                    offset += length;
                    BitVectorHelper.setBit(targetValidity, k);
                } else {
                    BitVectorHelper.unsetBit(targetValidity, k);
                }
                targetOffsets.setInt((long) (k + 1) * 4, offset);
            }
            from = segmentEnds[s];
        }
        target.setLastSet(size - 1);
    }

    /** Fixed-width values (not booleans, which are bits): one memory copy of the value's bytes per row. */
    private void copyFixedWidth(int column, BaseFixedWidthVector target) {
        int width = target.getTypeWidth();
        if (target.getValueCapacity() < size) {
            target.allocateNew(size);
        }
        ArrowBuf targetData = target.getDataBuffer();
        ArrowBuf targetValidity = target.getValidityBuffer();
        int from = 0;
        for (int s = 0; s < segments.size(); s++) {
            BaseFixedWidthVector source = (BaseFixedWidthVector) segments.get(s)[column];
            ArrowBuf data = source.getDataBuffer();
            boolean noNulls = source.getNullCount() == 0;
            ArrowBuf validity = source.getValidityBuffer();
            for (int k = from; k < segmentEnds[s]; k++) {
                int row = rows[k];
                if (noNulls || BitVectorHelper.get(validity, row) != 0) {
                    targetData.setBytes((long) k * width, data, (long) row * width, width);
                    BitVectorHelper.setBit(targetValidity, k);
                } else {
                    BitVectorHelper.unsetBit(targetValidity, k);
                }
            }
            from = segmentEnds[s];
        }
    }
}
