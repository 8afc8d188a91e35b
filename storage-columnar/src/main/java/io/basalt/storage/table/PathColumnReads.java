package io.basalt.storage.table;

import io.basalt.exec.operator.scan.PathColumn;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.storage.column.ChunkStatistics;
import io.basalt.storage.column.shred.PackedDecimal;
import io.basalt.storage.column.shred.ShredKind;
import io.basalt.storage.column.shred.ShreddedPath;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;

/**
 * How one scan with path columns ({@link PathColumn}) reads its pieces: which table columns the snapshot must hold
 * (those requested and the JSONB columns the paths read), and per piece the requested columns with each path
 * column's two columns computed: from a row group's shredded sub-column where it has one of a usable kind (the typed
 * values, and the documents of the few rows holding another type), otherwise NULL values and every document. The
 * JSONB column of a stored piece is read from the file only when some row needs its document.
 *
 * <p>It also decides, per stored piece, whether the predicates on path columns rule the whole row group out by its
 * sub-column's zone map: only where no row of the group needs its document (every row that does not fit gives NULL).
 */
final class PathColumnReads {
    private final int tableColumns;
    private final List<PathColumn> paths;
    private final List<ScanPredicate> pathPredicates;
    /** The columns the snapshot reads: the table columns requested (ROW_ID too), then the paths' JSONB columns. */
    private final int[] base;
    /** Per requested column: its index in {@link #base}, or {@code -1 - v} for path column value/documents {@code v}. */
    private final int[] sources;
    /** Per path: the index in {@link #base} of its JSONB column. */
    private final int[] documentColumn;
    /** Per base column: whether the scan asked for it itself (a JSONB column read only for the paths is not). */
    private final boolean[] requested;

    private PathColumnReads(int tableColumns, List<PathColumn> paths, List<ScanPredicate> pathPredicates, int[] base,
                            int[] sources, int[] documentColumn, boolean[] requested) {
        this.tableColumns = tableColumns;
        this.paths = paths;
        this.pathPredicates = pathPredicates;
        this.base = base;
        this.sources = sources;
        this.documentColumn = documentColumn;
        this.requested = requested;
    }

    /**
     * The reads of a scan of {@code columns} (table columns, ROW_ID, and from {@code tableColumns} on two per path
     * column) given the scan's {@code predicates}, of which those on path columns are kept here.
     */
    static PathColumnReads of(int[] columns, int tableColumns, List<PathColumn> paths, List<ScanPredicate> predicates) {
        List<Integer> base = new ArrayList<>();
        List<Boolean> requested = new ArrayList<>();
        int[] sources = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int column = columns[i];
            if (column >= tableColumns) {
                sources[i] = -1 - (column - tableColumns);
                continue;
            }
            int at = base.indexOf(column);
            if (at < 0 || column == ScanSource.ROW_ID) {
                at = base.size();
                base.add(column);
                requested.add(true);
            }
            sources[i] = at;
        }
        int[] documentColumn = new int[paths.size()];
        for (int p = 0; p < paths.size(); p++) {
            int column = paths.get(p).column();
            int at = base.indexOf(column);
            if (at < 0) {
                at = base.size();
                base.add(column);
                requested.add(false);
            }
            documentColumn[p] = at;
        }
        List<ScanPredicate> onPaths = new ArrayList<>();
        for (ScanPredicate predicate : predicates) {
            if (predicate.column() >= tableColumns && (predicate.column() - tableColumns) % 2 == 0) {
                onPaths.add(predicate);
            }
        }
        boolean[] flags = new boolean[requested.size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = requested.get(i);
        }
        return new PathColumnReads(tableColumns, List.copyOf(paths), List.copyOf(onPaths),
                base.stream().mapToInt(Integer::intValue).toArray(), sources, documentColumn, flags);
    }

    /** The predicates of {@code predicates} on table columns, for the snapshot. */
    static List<ScanPredicate> tablePredicates(List<ScanPredicate> predicates, int tableColumns) {
        List<ScanPredicate> out = new ArrayList<>(predicates.size());
        for (ScanPredicate predicate : predicates) {
            if (predicate.column() < tableColumns) {
                out.add(predicate);
            }
        }
        return out;
    }

    /** The columns the snapshot must hold. */
    int[] baseColumns() {
        return base.clone();
    }

    /** Columns of the batches the scan produces. */
    int outputColumns() {
        return sources.length;
    }

    // ---- row group skipping ------------------------------------------------------------------------

    /** Whether the path predicates rule out every row of the stored piece {@code stretch}. */
    boolean excludes(StoredChunks.Stretch stretch) {
        if (stretch == null || pathPredicates.isEmpty()) {
            return false;
        }
        List<ShreddedPath> shredded = stretch.groups().shreddedPaths(stretch.group());
        for (ScanPredicate predicate : pathPredicates) {
            int p = (predicate.column() - tableColumns) / 2;
            PathColumn path = paths.get(p);
            int shred = find(shredded, path);
            if (shred < 0 || shredded.get(shred).otherRows() > 0) {
                continue;
            }
            ChunkStatistics statistics = orderedStatistics(shredded.get(shred), path.type());
            if (statistics != null && !ZoneMapFilter.mayMatch(predicate, statistics)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the scan has predicates on path columns (then {@link #selectRows} may rule out rows). */
    boolean selects() {
        return !pathPredicates.isEmpty();
    }

    /**
     * The rows of the stored piece {@code stretch} that may satisfy the path predicates, as a bitmap over its rows, or
     * null when every row may: per predicate whose path has a sub-column in the same order as the path column's type,
     * the rows its encoded values satisfy ({@link StoredRowGroups#selectShredRows}) and the rows holding another type
     * (their documents decide).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    long[] selectRows(StoredChunks.Stretch stretch, BufferAllocator allocator) {
        if (stretch == null || pathPredicates.isEmpty()) {
            return null;
        }
        List<ShreddedPath> shredded = stretch.groups().shreddedPaths(stretch.group());
        long[] selected = null;
        for (ScanPredicate predicate : pathPredicates) {
            PathColumn path = paths.get((predicate.column() - tableColumns) / 2);
            int shred = find(shredded, path);
            if (shred < 0 || !sameOrder(shredded.get(shred).kind(), path.type())
                    || !selective(predicate, shredded.get(shred).statistics())) {
                continue;
            }
            long[] rows = stretch.groups().selectShredRows(stretch.group(), shred, stretch.offset(), stretch.rows(),
                    List.of(predicate));
            if (rows == null) {
                continue;
            }
            if (shredded.get(shred).otherRows() > 0) {
                for (int position : stretch.groups().shredOtherRows(stretch.group(), shred, allocator)) {
                    int row = position - stretch.offset();
                    if (row >= 0 && row < stretch.rows()) {
                        rows[row >>> 6] |= 1L << row;
                    }
                }
            }
            if (selected == null) {
                selected = rows;
            } else {
                io.basalt.storage.column.encoding.RowBits.and(selected, rows);
            }
        }
        if (selected != null) {
            PathScanStatistics.selectedOnValues();
        }
        return selected;
    }

    /** The largest estimated fraction of a row group's rows worth selecting before the filter rather than after. */
    private static final double SELECTIVE = 0.25;

    /**
     * Whether {@code predicate} is expected to keep few enough rows that selecting them on the encoded sub-column
     * (and gathering them) beats passing the row group on whole: equality and IN lists always; a range when the zone
     * map, assuming values spread evenly between its bounds, puts at most {@link #SELECTIVE} of the rows in it.
     */
    private static boolean selective(ScanPredicate predicate, ChunkStatistics statistics) {
        return switch (predicate) {
            case ScanPredicate.Compare compare when compare.operator() == io.basalt.exec.kernel.CompareOp.EQ -> true;
            case ScanPredicate.InList in -> true;
            case ScanPredicate.Compare compare -> {
                if (!(statistics.min() instanceof Long min) || !(statistics.max() instanceof Long max)
                        || !(compare.value() instanceof Number number) || max <= min) {
                    yield false;
                }
                double value = number.doubleValue();
                double below = Math.clamp((value - min) / ((double) max - min), 0.0, 1.0);
                double fraction = switch (compare.operator()) {
                    case LT, LE -> below;
                    default -> 1.0 - below;
                };
                yield fraction <= SELECTIVE;
            }
            default -> false;
        };
    }

    /** Whether comparing the path column's values orders them as comparing the sub-column's stored values does. */
    private static boolean sameOrder(ShredKind kind, LogicalType type) {
        return switch (type.id()) {
            case TEXT -> kind == ShredKind.STRING;
            case SMALLINT, INTEGER, BIGINT -> kind == ShredKind.LONG;
            default -> false;
        };
    }

    /**
     * The sub-column's zone map in the order of the path column's type, or null where the two orders differ (the
     * text of whole numbers does not sort as the numbers do).
     */
    private static ChunkStatistics orderedStatistics(ShreddedPath shred, LogicalType type) {
        ChunkStatistics statistics = shred.statistics();
        return switch (type.id()) {
            case TEXT -> shred.kind() == ShredKind.STRING ? statistics
                    : ChunkStatistics.counts(statistics.rowCount(), statistics.nullCount());
            case DOUBLE -> !(statistics.min() instanceof Long min && statistics.max() instanceof Long max)
                    ? ChunkStatistics.counts(statistics.rowCount(), statistics.nullCount())
                    : shred.kind() == ShredKind.DECIMAL
                    // a decimal lies between 0 and its unscaled value (its scale is not negative)
                    ? new ChunkStatistics(statistics.rowCount(), statistics.nullCount(),
                            (double) Math.min(0, PackedDecimal.unscaled(min)),
                            (double) Math.max(0, PackedDecimal.unscaled(max)))
                    : new ChunkStatistics(statistics.rowCount(), statistics.nullCount(), (double) min, (double) max);
            case NUMERIC -> shred.kind() == ShredKind.LONG && statistics.min() instanceof Long min
                    && statistics.max() instanceof Long max
                    ? new ChunkStatistics(statistics.rowCount(), statistics.nullCount(), java.math.BigDecimal.valueOf(min),
                            java.math.BigDecimal.valueOf(max))
                    : ChunkStatistics.counts(statistics.rowCount(), statistics.nullCount());
            default -> statistics;
        };
    }

    /** The index of the shredded path usable for {@code path} among {@code shredded}, or -1. */
    private static int find(List<ShreddedPath> shredded, PathColumn path) {
        for (int i = 0; i < shredded.size(); i++) {
            ShreddedPath shred = shredded.get(i);
            if (shred.column() == path.column() && shred.keys().equals(path.keys()) && usable(shred, path.type())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether every fitting value of {@code shred} converts to the path column's type exactly as the extraction's text
     * would (and without an error): any kind as text or as the jsonb member; whole numbers as integers when the zone map shows they all fit
     * the type, as double precision within 2^53; decimals as double precision with unscaled values within 2^53;
     * whole numbers and decimals as unconstrained numeric (the scale kept); booleans as boolean; arrays as the member only.
     */
    static boolean usable(ShreddedPath shred, LogicalType type) {
        ChunkStatistics statistics = shred.statistics();
        long min = statistics.min() instanceof Long value ? value : 0;
        long max = statistics.max() instanceof Long value ? value : 0;
        boolean bounded = statistics.min() instanceof Long || statistics.nullCount() == statistics.rowCount();
        return switch (type.id()) {
            // an array's ->> text is its JSON text, which the sub-column does not hold: those rows read documents
            case TEXT -> shred.kind() != ShredKind.ARRAY;
            case JSONB -> true;
            case BIGINT -> shred.kind() == ShredKind.LONG;
            case INTEGER -> shred.kind() == ShredKind.LONG && bounded && min >= Integer.MIN_VALUE
                    && max <= Integer.MAX_VALUE;
            case SMALLINT -> shred.kind() == ShredKind.LONG && bounded && min >= Short.MIN_VALUE
                    && max <= Short.MAX_VALUE;
            case DOUBLE -> shred.kind() == ShredKind.LONG && bounded && min >= -(1L << 53) && max <= (1L << 53)
                    || shred.kind() == ShredKind.DECIMAL && bounded && PackedDecimal.doubleExact(min, max);
            case BOOLEAN -> shred.kind() == ShredKind.BOOLEAN;
            case NUMERIC -> type.precision() < 0 && (shred.kind() == ShredKind.LONG || shred.kind() == ShredKind.DECIMAL);
            default -> false;
        };
    }

    // ---- reading a piece ---------------------------------------------------------------------------

    /**
     * The requested columns of {@code piece} ({@code null} for ROW_ID), path columns computed; vectors this creates
     * are added to {@code owned} (the piece's own in-memory columns are not).
     *
     * @throws io.basalt.error.BasaltException DATA_CORRUPTED naming the file when a chunk is damaged
     */
    List<FieldVector> read(TableSnapshot.Piece piece, BufferAllocator allocator, List<FieldVector> owned) {
        StoredChunks.Stretch stretch = piece.stored();
        FieldVector[] baseVectors = new FieldVector[base.length];
        if (stretch == null) {
            for (int i = 0; i < base.length; i++) {
                baseVectors[i] = piece.columns().get(i);
            }
        } else {
            for (int i = 0; i < base.length; i++) {
                if (requested[i]) {
                    baseVectors[i] = stretch.read(new int[] {base[i]}, allocator, owned).getFirst();
                }
            }
        }
        List<ShreddedPath> shredded = stretch == null ? List.of() : stretch.groups().shreddedPaths(stretch.group());
        FieldVector[] pathVectors = new FieldVector[2 * paths.size()];
        for (int p = 0; p < paths.size(); p++) {
            PathColumn path = paths.get(p);
            int shred = stretch == null || path.column() >= stretch.groups().columnCount() ? -1 : find(shredded, path);
            if (shred >= 0) {
                readShredded(stretch, shred, shredded.get(shred), path, p, baseVectors, pathVectors, allocator, owned);
            } else {
                pathVectors[2 * p] = allNull(path.type(), piece.rows(), allocator, owned);
                pathVectors[2 * p + 1] = documents(p, stretch, baseVectors, allocator, owned);
            }
        }
        List<FieldVector> out = new ArrayList<>(sources.length);
        for (int source : sources) {
            out.add(source >= 0 ? baseVectors[source] : pathVectors[-1 - source]);
        }
        return out;
    }

    /** The JSONB column of path {@code p} for the piece: in memory, or read from the file now (once per piece). */
    private FieldVector documents(int p, StoredChunks.Stretch stretch, FieldVector[] baseVectors,
                                  BufferAllocator allocator, List<FieldVector> owned) {
        int at = documentColumn[p];
        if (baseVectors[at] == null) {
            baseVectors[at] = stretch.read(new int[] {base[at]}, allocator, owned).getFirst();
        }
        return baseVectors[at];
    }

    private void readShredded(StoredChunks.Stretch stretch, int shred, ShreddedPath shredded, PathColumn path, int p,
                              FieldVector[] baseVectors, FieldVector[] pathVectors, BufferAllocator allocator,
                              List<FieldVector> owned) {
        int rows = stretch.rows();
        FieldVector values = stretch.groups().readShredValues(stretch.group(), shred, stretch.offset(), rows,
                allocator);
        owned.add(values);
        pathVectors[2 * p] = converted(values, shredded.kind(), path.type(), rows, allocator, owned);
        // sized for no document at all (the usual case): copies below grow the data buffer as they need
        VarBinaryVector documents = (VarBinaryVector) LogicalType.JSONB.arrowField("").createVector(allocator);
        owned.add(documents);
        documents.allocateNew(1, rows);
        boolean copied = false;
        if (path.type().id() == TypeId.JSONB && !shredded.nullsAreOther()) {
            // the member itself: a row the sub-column leaves NULL may hold JSON null there ('null', not NULL), so
            // every such row's document decides (where JSON null counts among the other rows, only those do)
            FieldVector all = null;
            for (int row = 0; row < rows; row++) {
                if (values.isNull(row)) {
                    if (all == null) {
                        all = documents(p, stretch, baseVectors, allocator, owned);
                    }
                    if (!all.isNull(row)) {
                        VectorGather.copyValue(all, row, documents, row);
                        copied = true;
                    }
                }
            }
        } else if (shredded.otherRows() > 0) {
            int[] others = stretch.groups().shredOtherRows(stretch.group(), shred, allocator);
            FieldVector all = null;
            for (int position : others) {
                int row = position - stretch.offset();
                if (row >= 0 && row < rows) {
                    if (all == null) {
                        all = documents(p, stretch, baseVectors, allocator, owned);
                    }
                    VectorGather.copyValue(all, row, documents, row);
                    copied = true;
                }
            }
        }
        if (!copied) {
            // every row NULL: the offsets allocateNew zeroed are already right, nothing to fill
            documents.setLastSet(rows - 1);
        }
        documents.setValueCount(rows);
        pathVectors[2 * p + 1] = documents;
    }

    private static FieldVector allNull(LogicalType type, int rows, BufferAllocator allocator, List<FieldVector> owned) {
        FieldVector vector = ValueAccess.allocate(type, "", allocator, rows);
        owned.add(vector);
        vector.setValueCount(rows);
        return vector;
    }

    /** The number a LONG or DECIMAL sub-column stores as {@code stored}, with its scale. */
    private static java.math.BigDecimal decimal(long stored, ShredKind kind) {
        return kind == ShredKind.LONG ? java.math.BigDecimal.valueOf(stored)
                : java.math.BigDecimal.valueOf(PackedDecimal.unscaled(stored), PackedDecimal.scale(stored));
    }

    private static final byte[] JSONB_TRUE = {io.basalt.type.json.JsonbReader.TRUE};
    private static final byte[] JSONB_FALSE = {io.basalt.type.json.JsonbReader.FALSE};

    /**
     * The sub-column's values as the JSONB members they were read from, byte for byte as the documents hold them: a
     * string tagged, a number tagged with its scale and unscaled value as {@link io.basalt.type.DecimalCodec} writes
     * them, true/false.
     */
    private static void jsonbMembers(FieldVector values, ShredKind kind, int rows, VarBinaryVector out) {
        for (int row = 0; row < rows; row++) {
            if (values.isNull(row)) {
                continue;
            }
            byte[] member = switch (kind) {
                case STRING -> {
                    byte[] text = ((VarCharVector) values).get(row);
                    byte[] tagged = new byte[text.length + 1];
                    tagged[0] = io.basalt.type.json.JsonbReader.STRING;
                    System.arraycopy(text, 0, tagged, 1, text.length);
                    yield tagged;
                }
                case LONG, DECIMAL -> {
                    byte[] encoded = io.basalt.type.DecimalCodec.encode(decimal(((BigIntVector) values).get(row), kind));
                    byte[] tagged = new byte[encoded.length + 1];
                    tagged[0] = io.basalt.type.json.JsonbReader.NUMBER;
                    System.arraycopy(encoded, 0, tagged, 1, encoded.length);
                    yield tagged;
                }
                case BOOLEAN -> ((BitVector) values).get(row) != 0 ? JSONB_TRUE : JSONB_FALSE;
                case ARRAY -> ((VarBinaryVector) values).get(row); // the member already (not reached: same type)
            };
            out.setSafe(row, member);
        }
    }

    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /**
     * The sub-column's values as the path column's type ({@link #usable} holds): the vector itself where the types
     * agree, else converted by a typed loop.
     */
    private static FieldVector converted(FieldVector values, ShredKind kind, LogicalType type, int rows,
                                         BufferAllocator allocator, List<FieldVector> owned) {
        if (kind.type().id() == type.id()) {
            return values;
        }
        FieldVector out = ValueAccess.allocate(type, "", allocator, rows);
        owned.add(out);
        if (type.id() == TypeId.JSONB) {
            jsonbMembers(values, kind, rows, (VarBinaryVector) out);
        } else if (type.id() == TypeId.NUMERIC) {
            VarBinaryVector numbers = (VarBinaryVector) out;
            BigIntVector stored = (BigIntVector) values;
            for (int row = 0; row < rows; row++) {
                if (!stored.isNull(row)) {
                    numbers.setSafe(row, io.basalt.type.DecimalCodec.encode(decimal(stored.get(row), kind)));
                }
            }
        } else if (type.id() == TypeId.TEXT) {
            VarCharVector text = (VarCharVector) out;
            for (int row = 0; row < rows; row++) {
                if (values.isNull(row)) {
                    continue;
                }
                if (kind == ShredKind.LONG) {
                    text.setSafe(row, Long.toString(((BigIntVector) values).get(row)).getBytes(StandardCharsets.US_ASCII));
                } else if (kind == ShredKind.DECIMAL) {
                    text.setSafe(row, PackedDecimal.text(((BigIntVector) values).get(row))
                            .getBytes(StandardCharsets.US_ASCII));
                } else {
                    text.setSafe(row, ((BitVector) values).get(row) != 0 ? TRUE : FALSE);
                }
            }
        } else {
            // one loop per target type over the raw buffers: the validity bits carry over as they are, and the
            // values of NULL rows are converted too (they are never read)
            BigIntVector longs = (BigIntVector) values;
            org.apache.arrow.memory.ArrowBuf from = longs.getDataBuffer();
            out.getValidityBuffer().setBytes(0, longs.getValidityBuffer(), 0, (rows + 7) / 8);
            switch (out) {
                case IntVector ints -> {
                    org.apache.arrow.memory.ArrowBuf to = ints.getDataBuffer();
                    for (int row = 0; row < rows; row++) {
                        to.setInt((long) row * 4, (int) from.getLong((long) row * 8));
                    }
                }
                case SmallIntVector shorts -> {
                    org.apache.arrow.memory.ArrowBuf to = shorts.getDataBuffer();
                    for (int row = 0; row < rows; row++) {
                        to.setShort((long) row * 2, (short) from.getLong((long) row * 8));
                    }
                }
                case Float8Vector doubles when kind == ShredKind.DECIMAL -> {
                    org.apache.arrow.memory.ArrowBuf to = doubles.getDataBuffer();
                    for (int row = 0; row < rows; row++) {
                        to.setDouble((long) row * 8, PackedDecimal.toDouble(from.getLong((long) row * 8)));
                    }
                }
                case Float8Vector doubles -> {
                    org.apache.arrow.memory.ArrowBuf to = doubles.getDataBuffer();
                    for (int row = 0; row < rows; row++) {
                        to.setDouble((long) row * 8, (double) from.getLong((long) row * 8));
                    }
                }
                default -> throw new IllegalStateException("no conversion to " + type);
            }
        }
        out.setValueCount(rows);
        return out;
    }
}
