package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Reads a {@link TableSnapshot}: its pieces (full chunks in place, the snapshot of the last one, a transaction's
 * own pending rows), cut to the query's batch size. A stretch of a chunk without deleted rows is passed on as slices (no copy); a stretch with
 * deleted rows is gathered into new vectors holding only the live ones. A {@link io.basalt.exec.operator.scan.ScanSource#ROW_ID}
 * column is filled with each row's id. A piece of chunks left in a data file is read (through the buffer cache)
 * when the scan reaches it and freed when it moves on, so a scan holds one row group of its columns at a time; when
 * the scan has predicates, the rows of such a piece that its encoded chunks rule out are dropped before anything is
 * decoded ({@link StoredChunks.Stretch#selectRows}); when few rows remain, the columns are read at those rows only
 * and handed on as full batches ({@link #compact}), otherwise gathered batch by batch.
 *
 * <p>The pieces read are those claimed from {@code nextMorsel}, shared by the workers of a parallel scan and
 * private to a plain scan. {@code ownsSnapshot}: a plain scan closes its snapshot; a parallel scan's workers
 * leave that to the parallel scan. Batches stay valid until the next call of {@link #next} or {@link #close}.
 */
final class ChunkScan implements SourceState, io.basalt.exec.operator.SummingSource {
    private final TableSnapshot snapshot;
    private final int[] columns;
    private final ExecutionContext context;
    private final AtomicInteger nextMorsel;
    private final boolean ownsSnapshot;
    private final List<FieldVector> owned = new ArrayList<>();
    /** The columns read for the stored piece being scanned ({@link #pieceRead}); freed when the scan moves on. */
    private final List<FieldVector> pieceOwned = new ArrayList<>();
    private int pieceRead = -1;
    /** The mask of the stored piece {@link #maskChunk}: deleted rows and rows its predicates rule out. */
    private long[] pieceMask;
    private int maskChunk = -1;
    private List<FieldVector> pieceColumns;
    /**
     * Per column of the piece being gathered from ({@link #nullsChunk}): whether it holds no NULL, counted once per
     * piece rather than per batch (counting scans the validity bitmap of the whole piece).
     */
    private boolean[] pieceNoNulls;
    private int nullsChunk = -1;
    private final int[] selection;
    /**
     * A batch whose selection (rows the encoded chunks did not rule out) keeps at most 1 / SPARSE_FRACTION of its
     * rows is gathered; a denser one is handed on whole (minus deleted rows) for the filter above to cut, since
     * gathering first would copy nearly every row twice.
     */
    private static final int SPARSE_FRACTION = 4;
    /** The pieces each worker evaluates its predicates on before judging whether that pays ({@link #evaluationPays}). */
    private static final int TRIAL_GROUPS = 3;
    private int evaluatedGroups;
    private int skippedGroups;
    private long evaluatedRows;
    private long selectedRows;
    private boolean closed;
    private int chunk = -1;
    private int offset;
    /** The piece read compacted ({@link #compact}): its selected rows' positions and columns; -1: none. */
    private int compactChunk = -1;
    private int[] positions = new int[0];
    private List<FieldVector> compactColumns = List.of();
    private int compactRows;
    private int compactOffset;
    /**
     * How many consecutive pieces one claim takes: {@link #SMALL_PIECE_BLOCK} when the snapshot's first piece is a
     * chunk in memory of at most one batch (pieces are then the size of a batch, and claiming blocks of them still
     * leaves every worker many blocks of a large table), else 1 (a stored row group is a morsel of its own).
     */
    private final int claimBlock;
    private static final int SMALL_PIECE_BLOCK = 8;
    /** How many of the last pieces are claimed one at a time: four blocks per thread ({@link #nextPiece}). */
    private final int singleClaims;
    /** The last piece claimed and the end of its block ({@link #nextPiece}). */
    private int claimed = -1;
    private int claimEnd;
    /** The scan's path columns (null: none): how the snapshot's columns become the batches' columns. */
    private final PathColumnReads paths;
    /** Whether {@link #sumNextPiece} may sum stored row groups ({@link StoredChunks#ENCODED_SUMS_PROPERTY}). */
    private final boolean encodedSums = !"off".equals(System.getProperty(StoredChunks.ENCODED_SUMS_PROPERTY, "on"));
    /**
     * Whether {@link #sumNextPiece} reads chunks with NULLs between values, and the columns of row groups the filter
     * above leaves undecided, through the buffer cache (decoded into it once, then read in place: the default,
     * {@code on}) rather than decoding them into arrays outside it on every query ({@code all}, for comparisons; also
     * what happens when the cache has no budget).
     */
    private final boolean sumsThroughCache = !"all".equals(System.getProperty(StoredChunks.ENCODED_SUMS_PROPERTY,
            "on"));

    ChunkScan(TableSnapshot snapshot, int[] columns, ExecutionContext context, AtomicInteger nextMorsel,
              boolean ownsSnapshot) {
        this(snapshot, columns, context, nextMorsel, ownsSnapshot, null);
    }

    /** A scan whose snapshot holds {@code paths.baseColumns()} and whose batches have the path columns too. */
    ChunkScan(TableSnapshot snapshot, int[] columns, ExecutionContext context, AtomicInteger nextMorsel,
              boolean ownsSnapshot, PathColumnReads paths) {
        this.paths = paths;
        this.snapshot = snapshot;
        this.columns = columns;
        this.context = context;
        this.nextMorsel = nextMorsel;
        this.ownsSnapshot = ownsSnapshot;
        this.selection = new int[context.vectorSize()];
        List<TableSnapshot.Piece> pieces = snapshot.pieces();
        this.claimBlock = !pieces.isEmpty() && pieces.getFirst().stored() == null
                && pieces.getFirst().rows() <= context.vectorSize() && pieces.size() >= 64 * SMALL_PIECE_BLOCK
                ? SMALL_PIECE_BLOCK : 1;
        this.singleClaims = 4 * SMALL_PIECE_BLOCK * context.threads();
    }

    @Override
    public Batch next() {
        releaseOwned();
        if (chunk < 0) {
            chunk = nextPiece();
        }
        List<TableSnapshot.Piece> pieces = snapshot.pieces();
        while (true) {
            if (chunk >= pieces.size()) {
                return null;
            }
            TableSnapshot.Piece piece = pieces.get(chunk);
            int rows = piece.rows();
            if (offset == 0 && paths != null && paths.excludes(piece.stored())) {
                offset = rows; // the path columns' zone maps rule the row group out
                PathScanStatistics.skippedByZoneMap();
            }
            if (offset >= rows) {
                chunk = nextPiece();
                offset = 0;
                releasePiece();
                continue;
            }
            if (offset == 0 && paths == null && piece.stored() != null && compactChunk != chunk) {
                compact(piece);
            }
            if (compactChunk == chunk) {
                if (compactOffset >= compactRows) {
                    offset = rows;
                    continue;
                }
                int start = compactOffset;
                int count = Math.min(context.vectorSize(), compactRows - start);
                compactOffset += count;
                return columns.length == 0 ? new Batch(List.of(), count) : compacted(piece, start, count);
            }
            int start = offset;
            int count = Math.min(context.vectorSize(), rows - start);
            offset += count;
            long[] mask = maskOf(piece);
            int live = mask == null ? count : liveRows(mask, start, count);
            if (live == 0) {
                continue;
            }
            if ((paths == null ? columns.length : paths.outputColumns()) == 0) {
                return new Batch(List.of(), live);
            }
            if (mask != piece.mask() && live * SPARSE_FRACTION > count) {
                // most rows were selected: the filter above, which runs anyway, drops the rest without a gather here
                mask = piece.mask();
                live = mask == null ? count : liveRows(mask, start, count);
            }
            List<FieldVector> vectors = columnsOf(piece);
            return live == count ? sliced(piece, vectors, start, count) : gathered(piece, vectors, start, live);
        }
    }

    /**
     * Hands over a whole stored row group as its columns' counts (zone maps' NULL counts), bounds (zone maps) and sums
     * (from the encoded chunks, {@link StoredRowGroups#sumIntegers}), when the scan stands before it and nothing of it
     * is to be left out: no deleted row, no path column, every column one the file holds with bounds where asked, and
     * predicates only under a {@code test} (the filter above, which decides the group from the same bounds). Pieces in
     * memory, and row groups that cannot be handed over so, are left to {@link #next}.
     */
    @Override
    public long sumNextPiece(int[] batchColumns, int[] needs, io.basalt.exec.operator.BoundsDecided test, int[] testAt,
                             long[] sums, long[] valid, long[] bounds, double[][] batchSums) {
        if (paths != null || closed || !encodedSums) {
            return -1;
        }
        List<TableSnapshot.Piece> pieces = snapshot.pieces();
        if (chunk >= 0 && offset != 0) {
            if (chunk < pieces.size() && offset < pieces.get(chunk).rows()) {
                return -1;
            }
            chunk = nextPiece();
            offset = 0;
            releasePiece();
        }
        if (chunk < 0) {
            chunk = nextPiece();
        }
        if (chunk >= pieces.size()) {
            return -1;
        }
        TableSnapshot.Piece piece = pieces.get(chunk);
        StoredChunks.Stretch stored = piece.stored();
        if (stored == null || piece.mask() != null || !stored.predicates().isEmpty() && test == null
                || stored.offset() != 0 || piece.rows() != stored.rows()
                || stored.rows() != stored.groups().rowCount(stored.group())) {
            return -1;
        }
        StoredRowGroups groups = stored.groups();
        int group = stored.group();
        for (int c = 0; c < batchColumns.length; c++) {
            int column = columns[batchColumns[c]];
            if (column < 0 || column >= groups.columnCount()) {
                return -1;
            }
            io.basalt.storage.column.ChunkStatistics statistics = groups.statistics(group, column);
            if (statistics == null || statistics.rowCount() != piece.rows()) {
                return -1;
            }
            valid[c] = statistics.rowCount() - statistics.nullCount();
            if (valid[c] > 0 && (needs[c] & (SUM | BOUNDS | TEST_BOUNDS)) != 0
                    && !boundsOf(statistics, needs[c], bounds, c)) {
                return -1;
            }
        }
        boolean doubleSums = false;
        for (int need : needs) {
            doubleSums |= (need & DOUBLE_SUM) != 0;
        }
        if (test != null) {
            int verdict = test.decide(piece.rows(), valid, bounds, testAt);
            if (doubleSums && verdict != io.basalt.exec.operator.BoundsDecided.NONE) {
                // the rows path's per-batch double sums are those of the batches the filter hands on
                return -1;
            }
            if (verdict == io.basalt.exec.operator.BoundsDecided.SOME) {
                return aggregateSelected(piece, test.comparisons(), batchColumns, needs, sums, valid, bounds);
            }
            if (verdict == io.basalt.exec.operator.BoundsDecided.NONE) {
                java.util.Arrays.fill(valid, 0);
                java.util.Arrays.fill(sums, 0);
                chunk = nextPiece();
                offset = 0;
                releasePiece();
                return 0;
            }
        }
        long[] columnSum = new long[2];
        for (int c = 0; c < batchColumns.length; c++) {
            if ((needs[c] & DOUBLE_SUM) != 0) {
                int batches = batchSums(groups, group, columns[batchColumns[c]], piece.rows(), batchSums, c);
                if (batches < 0) {
                    return -1;
                }
                sums[2 * c] = batches;
                sums[2 * c + 1] = 0;
                continue;
            }
            if ((needs[c] & SUM) == 0 || valid[c] == 0) {
                sums[2 * c] = 0;
                sums[2 * c + 1] = 0;
                continue;
            }
            columnSum[0] = 0;
            columnSum[1] = 0;
            if (valid[c] < piece.rows() && sumsThroughCache
                    ? sumDecoded(groups, group, columns[batchColumns[c]], piece.rows(), columnSum) != valid[c]
                    : groups.sumIntegers(group, columns[batchColumns[c]], columnSum) != valid[c]) {
                return -1;
            }
            sums[2 * c] = columnSum[0];
            sums[2 * c + 1] = columnSum[1];
        }
        chunk = nextPiece();
        offset = 0;
        releasePiece();
        return piece.rows();
    }

    /**
     * Adds the sum of the non-NULL values of integer column {@code column} of row group {@code group} ({@code rows}
     * rows, NULLs among them) to {@code sum}, read from its decoded chunk in the buffer cache (decoded into it when
     * absent: a chunk with NULLs between values must be decoded to be summed, and the rows path keeps it so too), and
     * returns how many values it added; when the groups have no cache, from the encoded chunk
     * ({@link StoredRowGroups#sumIntegers}); -1 when neither can.
     */
    private int sumDecoded(StoredRowGroups groups, int group, int column, int rows, long[] sum) {
        try (FieldVector vector = groups.decoded(group, column)) {
            if (vector == null) {
                return groups.sumIntegers(group, column, sum);
            }
            if (io.basalt.storage.column.DecodedChunkSums.integerWidth(vector) == 0 || vector.getValueCount() != rows) {
                return -1;
            }
            long[] validBits = io.basalt.storage.column.DecodedChunkSums.validBits(vector, rows);
            if (validBits == null) {
                validBits = io.basalt.storage.column.encoding.RowBits.empty(rows);
                io.basalt.storage.column.encoding.RowBits.setRange(validBits, 0, rows);
            }
            if (decodedSums == null) {
                decodedSums = io.basalt.storage.column.DecodedChunkSums.create();
            }
            decodedSums.sumSelected(vector, validBits, rows, sum);
            return io.basalt.storage.column.encoding.RowBits.count(validBits);
        }
    }

    private io.basalt.storage.column.DecodedChunkSums decodedSums;

    private static final io.basalt.exec.kernel.Kernels KERNELS = io.basalt.exec.kernel.KernelProvider.kernels();

    /**
     * Sets {@code batchSums[c]} to the sums of DOUBLE column {@code column} of row group {@code group} ({@code rows}
     * rows) per batch of the vector size, each computed as the rows path's sum state computes it over the batch
     * {@link #next} would slice there ({@code Kernels.sumDouble} over the values, with the validity only when the batch
     * has NULLs), from the buffer cache's decoded chunk; returns the number of batches, or -1 when the chunk is not a
     * cached double chunk of those rows (or the batches' bitmaps would not start on a byte): the rows are read.
     */
    private int batchSums(StoredRowGroups groups, int group, int column, int rows, double[][] batchSums, int c) {
        int size = context.vectorSize();
        if (!sumsThroughCache || size <= 0 || (size & 7) != 0) {
            return -1;
        }
        try (FieldVector vector = groups.decoded(group, column)) {
            if (!(vector instanceof org.apache.arrow.vector.Float8Vector) || vector.getValueCount() != rows) {
                return -1;
            }
            int batches = (rows + size - 1) / size;
            if (batchSums[c] == null || batchSums[c].length < batches) {
                batchSums[c] = new double[batches];
            }
            java.lang.foreign.MemorySegment values = io.basalt.exec.kernel.ArrowSegments.values(vector);
            java.lang.foreign.MemorySegment validity = vector.getNullCount() == 0 ? null
                    : io.basalt.exec.kernel.ArrowSegments.of(vector.getValidityBuffer());
            for (int b = 0; b < batches; b++) {
                int start = b * size;
                int count = Math.min(size, rows - start);
                java.lang.foreign.MemorySegment batchValidity = validity == null ? null
                        : validity.asSlice(start >>> 3);
                if (batchValidity != null && KERNELS.countValid(batchValidity, count) == count) {
                    batchValidity = null;
                }
                batchSums[c][b] = KERNELS.sumDouble(values.asSlice((long) start * Double.BYTES), batchValidity, count);
            }
            return batches;
        }
    }

    /**
     * A stored row group the filter above leaves undecided by its zone maps: the filter evaluated on its columns'
     * decoded chunks (through the buffer cache unless {@code all} asked for arrays) and the selected rows aggregated
     * from them ({@link SelectedRowAggregates}); moves past the group and returns the number of selected rows, or -1
     * (the rows are read) when a column cannot be read so.
     */
    private long aggregateSelected(TableSnapshot.Piece piece, io.basalt.exec.operator.BoundsDecided.Comparisons comparisons,
                                   int[] batchColumns, int[] needs, long[] sums, long[] valid, long[] bounds) {
        if (comparisons == null) {
            return -1;
        }
        StoredChunks.Stretch stored = piece.stored();
        int[] compared = new int[comparisons.columns().length];
        for (int i = 0; i < compared.length; i++) {
            compared[i] = columns[comparisons.columns()[i]];
        }
        int[] summed = new int[batchColumns.length];
        for (int c = 0; c < summed.length; c++) {
            summed[c] = columns[batchColumns[c]];
        }
        if (selectedAggregates == null) {
            selectedAggregates = new SelectedRowAggregates();
        }
        long selected = selectedAggregates.aggregate(stored.groups(), stored.group(), piece.rows(), comparisons,
                compared, summed, needs, sums, valid, bounds, sumsThroughCache);
        if (selected < 0) {
            return -1;
        }
        chunk = nextPiece();
        offset = 0;
        releasePiece();
        return selected;
    }

    private SelectedRowAggregates selectedAggregates;

    private static final int SUM = io.basalt.exec.operator.SummingSource.SUM;
    private static final int DOUBLE_SUM = io.basalt.exec.operator.SummingSource.DOUBLE_SUM;
    private static final int BOUNDS = io.basalt.exec.operator.SummingSource.BOUNDS;
    private static final int TEST_BOUNDS = io.basalt.exec.operator.SummingSource.TEST_BOUNDS;

    /**
     * Writes a zone map's bounds as longs (integer-like columns) or raw double bits into {@code bounds[2c, 2c + 1]};
     * false when they are missing (a sum needs them too) or will not do for {@code needs}: a sum of a scaled NUMERIC whose largest value may
     * be its NaN (the largest long), or a double min/max whose zone map's zero bound may stand for -0 or +0.
     */
    private static boolean boundsOf(io.basalt.storage.column.ChunkStatistics statistics, int needs, long[] bounds,
                                    int c) {
        if (statistics.min() instanceof Long min && statistics.max() instanceof Long max) {
            if ((needs & SUM) != 0 && max == io.basalt.type.NumericSpecial.SCALED_LONG_NAN) {
                return false;
            }
            bounds[2 * c] = min;
            bounds[2 * c + 1] = max;
            return true;
        }
        if (statistics.min() instanceof Double min && statistics.max() instanceof Double max) {
            if ((needs & BOUNDS) != 0 && (min == 0 || max == 0)) {
                return false;
            }
            bounds[2 * c] = Double.doubleToRawLongBits(min);
            bounds[2 * c + 1] = Double.doubleToRawLongBits(max);
            return true;
        }
        return false;
    }

    /**
     * The next piece this scan reads. Pieces are claimed from {@code nextMorsel} in blocks of {@link #claimBlock}
     * consecutive ones: a table in memory is a list of chunks of one batch each, and claiming them one by one
     * made every batch of a parallel scan an atomic increment on a counter the workers share. The last pieces
     * ({@link #singleClaims}) are claimed one at a time, so that the workers run out of input within a piece of each
     * other: a worker descheduled in a block of 8 left the others waiting at the end of the pipeline for the rest of
     * its block.
     */
    private int nextPiece() {
        if (++claimed < claimEnd) {
            return claimed;
        }
        int block = claimBlock > 1 && snapshot.pieces().size() - nextMorsel.get() <= singleClaims ? 1 : claimBlock;
        claimed = nextMorsel.getAndAdd(block);
        claimEnd = claimed + block;
        return claimed;
    }

    /**
     * The rows of the piece to skip: its deletion mask, and for a stored piece with predicates also the rows its
     * encoded chunks rule out (decided once per piece, before any column is decoded; a piece left without a row is
     * never read: late materialization).
     */
    private long[] maskOf(TableSnapshot.Piece piece) {
        boolean pathSelection = paths != null && paths.selects();
        if (piece.stored() == null || piece.stored().predicates().isEmpty() && !pathSelection) {
            return piece.mask();
        }
        if (maskChunk != chunk) {
            long[] selected = evaluationPays() ? piece.stored().selectRows() : null;
            if (selected != null) {
                int kept = io.basalt.storage.column.encoding.RowBits.count(selected);
                evaluatedGroups++;
                evaluatedRows += piece.rows();
                selectedRows += kept;
                if (kept == 0) {
                    skippedGroups++;
                }
            }
            long[] onPaths = pathSelection ? paths.selectRows(piece.stored(), context.allocator()) : null;
            if (selected == null) {
                selected = onPaths;
            } else if (onPaths != null) {
                io.basalt.storage.column.encoding.RowBits.and(selected, onPaths);
            }
            pieceMask = SelectedRows.mask(piece.mask(), selected, piece.rows());
            maskChunk = chunk;
        }
        return pieceMask;
    }

    /**
     * Late materialization of a stored piece whose predicates kept at most 1 / {@link #SPARSE_FRACTION} of its rows:
     * the positions of its selected live rows are listed once and every requested column is read at those positions
     * only ({@link StoredChunks.Stretch#readAt}: picked from the cached decoded chunk, or from the encoded chunk
     * without decoding the rest), into vectors the batches then slice, full batches rather than one sparse batch per
     * stretch. Leaves {@link #compactChunk} unchanged (the piece is read as before) when the piece has no such
     * selection.
     */
    private void compact(TableSnapshot.Piece piece) {
        long[] mask = maskOf(piece);
        if (mask == piece.mask()) {
            return;
        }
        int rows = piece.rows();
        int live = rows;
        for (int word = 0; word < (rows + 63) >>> 6; word++) {
            long bits = mask[word];
            if ((word + 1) << 6 > rows) {
                bits &= (1L << rows) - 1;
            }
            live -= Long.bitCount(bits);
        }
        if (live * SPARSE_FRACTION > rows) {
            return;
        }
        if (positions.length < live) {
            positions = new int[Math.max(live, positions.length * 2)];
        }
        int listed = 0;
        for (int word = 0; word < (rows + 63) >>> 6; word++) {
            long clear = ~mask[word];
            if ((word + 1) << 6 > rows) {
                clear &= (1L << rows) - 1;
            }
            while (clear != 0) {
                positions[listed++] = (word << 6) + Long.numberOfTrailingZeros(clear);
                clear &= clear - 1;
            }
        }
        releasePiece();
        compactColumns = live == 0 || columns.length == 0 ? List.of()
                : piece.stored().readAt(columns, positions, live, context.allocator(), pieceOwned);
        compactChunk = chunk;
        compactRows = live;
        compactOffset = 0;
    }

    /** Rows {@code [start, start + count)} of the compacted piece ({@link #compact}) as a batch of slices. */
    private Batch compacted(TableSnapshot.Piece piece, int start, int count) {
        List<FieldVector> out = new ArrayList<>(compactColumns.size());
        for (FieldVector vector : compactColumns) {
            if (vector == null) {
                BigIntVector ids = (BigIntVector) ValueAccess.allocate(LogicalType.BIGINT, "rowid",
                        context.allocator(), count);
                owned.add(ids);
                for (int i = 0; i < count; i++) {
                    ids.set(i, piece.rowId(positions[start + i]));
                }
                ids.setValueCount(count);
                out.add(ids);
            } else if (start == 0 && count == compactRows) {
                out.add(vector);
            } else {
                FieldVector slice = VectorSlices.slice(vector, start, count, context.allocator());
                owned.add(slice);
                out.add(slice);
            }
        }
        return new Batch(out, count);
    }

    /**
     * Whether this worker still evaluates its pieces' predicates before reading them: always for the first
     * {@link #TRIAL_GROUPS} pieces, then only while a piece was ruled out whole or the selections kept at most
     * 1 / {@link #SPARSE_FRACTION} of the rows. A scan whose predicates select most rows gains nothing from them
     * (every batch is handed on whole) and stops paying for the evaluation.
     */
    private boolean evaluationPays() {
        return evaluatedGroups < TRIAL_GROUPS || skippedGroups > 0 || selectedRows * SPARSE_FRACTION <= evaluatedRows;
    }

    /**
     * Fills {@link #selection} with the positions of the live rows among {@code [start, start + count)}, a word of
     * the mask at a time (the clear bits are iterated, so a sparse selection costs its rows, not the stretch's).
     */
    private int liveRows(long[] mask, int start, int count) {
        int live = 0;
        int end = start + count;
        for (int word = start >>> 6; word << 6 < end; word++) {
            long clear = ~mask[word];
            int first = word << 6;
            if (first < start) {
                clear &= -1L << (start - first);
            }
            if (end - first < 64) {
                clear &= (1L << (end - first)) - 1;
            }
            while (clear != 0) {
                selection[live++] = first + Long.numberOfTrailingZeros(clear);
                clear &= clear - 1;
            }
        }
        return live;
    }

    /** The piece's columns: in place, or read from its data file on the piece's first batch. */
    private List<FieldVector> columnsOf(TableSnapshot.Piece piece) {
        if (paths != null) {
            if (pieceRead != chunk) {
                releasePiece();
                pieceColumns = paths.read(piece, context.allocator(), pieceOwned);
                pieceRead = chunk;
            }
            return pieceColumns;
        }
        if (piece.stored() == null) {
            return piece.columns();
        }
        if (pieceRead != chunk) {
            releasePiece();
            pieceColumns = piece.stored().read(columns, context.allocator(), pieceOwned);
            pieceRead = chunk;
        }
        return pieceColumns;
    }

    private void releasePiece() {
        for (FieldVector vector : pieceOwned) {
            vector.close();
        }
        pieceOwned.clear();
        compactColumns = List.of();
        pieceRead = -1;
        pieceColumns = null;
    }

    private Batch sliced(TableSnapshot.Piece piece, List<FieldVector> vectors, int start, int count) {
        List<FieldVector> out = new ArrayList<>(vectors.size());
        for (FieldVector vector : vectors) {
            if (vector == null) {
                out.add(rowIds(piece, start, count, false));
            } else if (start == 0 && count == piece.rows()) {
                out.add(vector);
            } else {
                FieldVector slice = VectorSlices.slice(vector, start, count, context.allocator());
                owned.add(slice);
                out.add(slice);
            }
        }
        return new Batch(out, count);
    }

    private Batch gathered(TableSnapshot.Piece piece, List<FieldVector> vectors, int start, int live) {
        if (nullsChunk != chunk) {
            pieceNoNulls = new boolean[vectors.size()];
            for (int i = 0; i < pieceNoNulls.length; i++) {
                pieceNoNulls[i] = vectors.get(i) != null && vectors.get(i).getNullCount() == 0;
            }
            nullsChunk = chunk;
        }
        List<FieldVector> out = new ArrayList<>(vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            FieldVector vector = vectors.get(i);
            if (vector == null) {
                out.add(rowIds(piece, start, live, true));
            } else {
                FieldVector target = ValueAccess.allocate(LogicalType.of(vector.getField()), vector.getName(),
                        context.allocator(), live);
                owned.add(target);
                VectorGather.gather(vector, selection, live, target, pieceNoNulls[i]);
                out.add(target);
            }
        }
        return new Batch(out, live);
    }

    /** The ids of rows {@code start..start+count-1} of the piece, or of the selected rows when {@code selected}. */
    private FieldVector rowIds(TableSnapshot.Piece piece, int start, int count, boolean selected) {
        BigIntVector ids = (BigIntVector) ValueAccess.allocate(LogicalType.BIGINT, "rowid", context.allocator(), count);
        owned.add(ids);
        for (int i = 0; i < count; i++) {
            ids.set(i, piece.rowId(selected ? selection[i] : start + i));
        }
        ids.setValueCount(count);
        return ids;
    }

    private void releaseOwned() {
        for (FieldVector vector : owned) {
            vector.close();
        }
        owned.clear();
    }

    @Override
    public void close() {
        releaseOwned();
        releasePiece();
        if (ownsSnapshot && !closed) {
            closed = true;
            snapshot.close();
        }
    }
}
