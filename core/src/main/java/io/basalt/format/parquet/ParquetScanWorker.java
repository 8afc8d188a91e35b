package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.storage.column.DecodedChunkFilter;
import io.basalt.storage.column.encoding.RowBits;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ipc.message.ArrowFieldNode;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * One reader of a {@link ParquetScan}: claims morsels (row groups) from the shared counter, reads each one's
 * requested column chunks ({@link ParquetFileReader#readRowGroup}, only the projected columns; only the pages of
 * the rows the page index leaves, {@link ParquetPageRanges}, when predicates were pushed) and decodes them
 * into batches of at most the vector size: page at a time where {@link ParquetPageDecoder} can, otherwise value at
 * a time ({@link ParquetColumnDecoder}). Keeps a file open while its next morsel
 * is in the same file. Owns the vectors of the batch it handed out last, until the next call; the fixed-width ones
 * share one allocation per batch ({@link #carve}).
 */
final class ParquetScanWorker implements SourceState {
    /** A carved vector's null count as its field node gives it: not known until the decoder has filled it. */
    private static final int UNKNOWN_NULLS = -1;

    private final ParquetScan scan;
    private final int[] columns;
    private final ExecutionContext context;
    private final AtomicInteger nextMorsel;
    private final List<FieldVector> current = new ArrayList<>();
    private final List<ColumnChunkDecoder> decoders = new ArrayList<>();
    /** The current row group's pages (its decoders read them), closed when the worker moves on. */
    private PageReadStore rowGroupPages;
    /** The page decoders' arrays, by the decoder's index, kept from one row group to the next. */
    private final List<ParquetPageDecoder.PageBuffers> pageBuffers = new ArrayList<>();
    /** The slot of {@link #columns} each of {@link #decoders} fills. */
    private int[] decoderSlots;
    private final int[] identitySlots;
    /**
     * Late materialization: the current row group's batches whose filtered columns may hold a matching row, with
     * those columns' vectors (null at the other slots, which {@link #decoders} fill), handed out in order.
     */
    private final ArrayDeque<HeldBatch> held = new ArrayDeque<>();
    private ParquetFile file;
    private int fileIndex = -1;
    private ParquetFileReader reader;
    private long remaining;

    ParquetScanWorker(ParquetScan scan, int[] columns, ExecutionContext context, AtomicInteger nextMorsel) {
        this.scan = scan;
        this.columns = columns;
        this.context = context;
        this.nextMorsel = nextMorsel;
        this.identitySlots = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            identitySlots[i] = i;
        }
        this.decoderSlots = identitySlots;
    }

    /** A batch of a row group's filtered columns that may hold a matching row, and its row count. */
    private record HeldBatch(FieldVector[] vectors, int rows) {
    }

    @Override
    public Batch next() {
        release();
        while (held.isEmpty() && remaining == 0) {
            int claimed = nextMorsel.getAndIncrement();
            if (claimed >= scan.morsels().size()) {
                return null;
            }
            openRowGroup(scan.morsels().get(claimed));
        }
        HeldBatch filtered = held.poll();
        int rows = filtered != null ? filtered.rows() : (int) Math.min(context.vectorSize(), remaining);
        FieldVector[] out = filtered != null ? filtered.vectors() : new FieldVector[columns.length];
        FieldVector[] carved = null;
        try {
            carved = carve(rows);
            for (int i = 0; i < decoders.size(); i++) {
                ColumnChunkDecoder decoder = decoders.get(i);
                FieldVector vector = carved == null ? null : carved[i];
                if (vector == null) {
                    out[decoderSlots[i]] = decoder.next(rows, context.allocator());
                } else {
                    carved[i] = null;
                    out[decoderSlots[i]] = vector;
                    ((ParquetPageDecoder) decoder).next(rows, vector);
                }
            }
        } catch (RuntimeException failure) {
            closeAll(out);
            if (carved != null) {
                closeAll(carved);
            }
            throw file.corrupt(failure);
        }
        if (filtered == null) {
            remaining -= rows;
        }
        for (FieldVector vector : out) {
            current.add(vector);
        }
        return new Batch(List.copyOf(current), rows);
    }

    private static void closeAll(FieldVector[] vectors) {
        for (FieldVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }

    private void openRowGroup(ParquetScan.Morsel morsel) {
        decoders.clear();
        closeRowGroupPages();
        decoderSlots = identitySlots;
        if (morsel.file() != fileIndex) {
            closeReader();
            file = scan.files().get(morsel.file());
            fileIndex = morsel.file();
        }
        long rows = file.footer().getBlocks().get(morsel.rowGroup()).getRowCount();
        if (columns.length == 0) {
            remaining = rows;
            return;
        }
        if (reader == null) {
            reader = file.openReader();
        }
        MessageType schema = file.footer().getFileMetaData().getSchema();
        List<Type> fields = new ArrayList<>();
        for (int column : columns) {
            Type field = schema.getType(scan.names().get(column));
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        MessageType requested = new MessageType(schema.getName(), fields);
        try {
            reader.setRequestedSchema(requested);
            BlockMetaData block = file.footer().getBlocks().get(morsel.rowGroup());
            RowRanges ranges = null;
            if (scan.pageReader() && !scan.predicates().isEmpty()) {
                ranges = ParquetPageRanges.matching(reader, schema, block, chunks(block, requested), scan.names(),
                        scan.columnTypes(), scan.predicates());
                if (ranges != null && ranges.rowCount() == 0) {
                    remaining = 0;
                    return;
                }
            }
            if (ranges != null) {
                rows = ranges.rowCount();
            }
            List<List<ScanPredicate>> filters = lateFilters(schema);
            if (filters != null) {
                openLate(morsel.rowGroup(), block, schema, ranges, rows, filters);
                return;
            }
            PageReadStore pages = ranges == null ? reader.readRowGroup(morsel.rowGroup())
                    : reader.readFilteredRowGroup(morsel.rowGroup(), ranges);
            rowGroupPages = pages;
            ColumnReadStoreImpl store = null;
            List<ColumnDescriptor> leaves = requested.getColumns();
            for (int column : columns) {
                String name = scan.names().get(column);
                Type field = schema.getType(name);
                ColumnDescriptor leaf = leaves.get(fields.indexOf(field));
                LogicalType type = scan.columnTypes().get(column);
                ParquetColumnDecoder.Kind kind = scan.pageReader()
                        ? ParquetPageDecoder.kindOf(type, leaf) : null;
                if (kind != null) {
                    ParquetPageDecoder decoder = new ParquetPageDecoder(name, type, leaf, pages.getPageReader(leaf),
                            kind, ranges);
                    decoder.useBuffers(pageBuffers(decoders.size()));
                    decoders.add(decoder);
                    continue;
                }
                if (store == null) {
                    store = new ColumnReadStoreImpl(new CheckedPageReadStore(pages), new DiscardingConverter(requested), requested,
                            file.footer().getFileMetaData().getCreatedBy());
                }
                decoders.add(new ParquetColumnDecoder(name, field, type, store.getColumnReader(leaf)));
            }
        } catch (IOException | RuntimeException failure) {
            throw file.corrupt(failure);
        } catch (InternalError failure) {
            // a read of the mapped file faulted: another process cut the file short while it was read
            throw file.corrupt(failure);
        } catch (NoClassDefFoundError failure) {
            // parquet-mr names the file through Hadoop's Path (kept off the class path) only in the error it raises
            // when a chunk's pages hold another number of values than the footer says
            throw file.corrupt(new IllegalStateException("the pages of a column chunk hold another number of values"
                    + " than the file's footer says"));
        }
        remaining = rows;
    }

    /**
     * The pushed predicates late materialization tests per slot of {@link #columns} (null at a slot it tests none
     * on), or null when the row group is read the ordinary way: late materialization is off, no predicate was
     * pushed on a requested column of an integer-stream type ({@link DecodedChunkFilter#handles}: integers, dates,
     * microsecond timestamps, numeric(p &lt;= 18)), or a requested column needs the value-at-a-time decoder (which
     * cannot skip rows of a whole-group read).
     */
    private List<List<ScanPredicate>> lateFilters(MessageType schema) {
        if (!scan.lateMaterialization() || !scan.pageReader() || scan.predicates().isEmpty()) {
            return null;
        }
        List<List<ScanPredicate>> filters = new ArrayList<>(columns.length);
        boolean any = false;
        for (int slot = 0; slot < columns.length; slot++) {
            int column = columns[slot];
            for (int earlier = 0; earlier < slot; earlier++) {
                if (columns[earlier] == column) {
                    return null;
                }
            }
            String name = scan.names().get(column);
            LogicalType type = scan.columnTypes().get(column);
            if (!schema.getType(name).isPrimitive()
                    || ParquetPageDecoder.kindOf(type, schema.getColumnDescription(new String[] {name})) == null) {
                return null;
            }
            List<ScanPredicate> tested = new ArrayList<>();
            if (DecodedChunkFilter.handles(type)) {
                for (ScanPredicate predicate : scan.predicates()) {
                    ScanPredicate widened = predicate.column() == column ? widened(predicate) : null;
                    if (widened != null) {
                        tested.add(widened);
                    }
                }
            }
            filters.add(tested.isEmpty() ? null : tested);
            any |= !tested.isEmpty();
        }
        return any ? filters : null;
    }

    /**
     * {@code predicate} as {@link DecodedChunkFilter} takes it (smallint and integer constants as longs, as the
     * vectors' values are compared), or null when it tests no value a decoded vector holds.
     */
    private static ScanPredicate widened(ScanPredicate predicate) {
        return switch (predicate) {
            case ScanPredicate.Compare compare -> new ScanPredicate.Compare(compare.column(), compare.operator(),
                    widened(compare.value()));
            case ScanPredicate.InList in -> new ScanPredicate.InList(in.column(),
                    in.values().stream().map(ParquetScanWorker::widened).toList());
            case ScanPredicate.IsNull isNull -> isNull;
            default -> null;
        };
    }

    private static Object widened(Object value) {
        return value instanceof Integer || value instanceof Short ? (Object) ((Number) value).longValue() : value;
    }

    /**
     * Late materialization of one row group: decodes the columns with tested predicates ({@code filters}) first,
     * batch by batch, and keeps the batches where some row may satisfy them ({@link DecodedChunkFilter}, the
     * filter above the scan still checks every row); then reads the other columns only for the kept batches' rows:
     * not at all when no batch is kept, only the pages holding those rows when every other column has an
     * OffsetIndex, and otherwise the whole chunks, whose other rows the decoders pass over. {@code pageRanges}
     * (null: every row) are the rows the page index left, {@code rows} their count.
     */
    private void openLate(int rowGroup, BlockMetaData block, MessageType schema, RowRanges pageRanges, long rows,
                          List<List<ScanPredicate>> filters) throws IOException {
        List<Integer> filtered = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int slot = 0; slot < columns.length; slot++) {
            (filters.get(slot) != null ? filtered : others).add(slot);
        }
        reader.setRequestedSchema(projection(schema, filtered));
        PageReadStore pages = pageRanges == null ? reader.readRowGroup(rowGroup)
                : reader.readFilteredRowGroup(rowGroup, pageRanges);
        ParquetPageDecoder[] tested = new ParquetPageDecoder[filtered.size()];
        for (int i = 0; i < tested.length; i++) {
            tested[i] = pageDecoder(schema, filtered.get(i), pages, pageRanges);
        }
        GroupRows groupRows = new GroupRows(pageRanges, block.getRowCount());
        RowRanges.Builder keep = RowRanges.builder();
        long keptRows = 0;
        for (long done = 0; done < rows; ) {
            int count = (int) Math.min(context.vectorSize(), rows - done);
            FieldVector[] vectors = new FieldVector[columns.length];
            boolean mayMatch;
            try {
                long[] selected = null;
                for (int i = 0; i < tested.length; i++) {
                    int slot = filtered.get(i);
                    vectors[slot] = tested[i].next(count, context.allocator());
                    long[] bits = DecodedChunkFilter.INSTANCE.select(vectors[slot],
                            scan.columnTypes().get(columns[slot]), filters.get(slot));
                    if (bits != null && selected == null) {
                        selected = bits;
                    } else if (bits != null) {
                        RowBits.and(selected, bits);
                    }
                }
                mayMatch = selected == null || RowBits.count(selected) > 0;
            } catch (RuntimeException | Error failure) {
                closeAll(vectors);
                throw failure;
            }
            if (mayMatch) {
                held.add(new HeldBatch(vectors, count));
                keptRows += count;
            } else {
                closeAll(vectors);
            }
            groupRows.take(count, mayMatch ? keep : null);
            done += count;
        }
        if (held.isEmpty() || others.isEmpty()) {
            return;
        }
        RowRanges kept = keptRows == block.getRowCount() ? null : keep.build();
        MessageType rest = projection(schema, others);
        reader.setRequestedSchema(rest);
        boolean indexed = kept != null;
        for (ColumnChunkMetaData chunk : chunks(block, rest)) {
            indexed &= chunk.getOffsetIndexReference() != null;
        }
        PageReadStore restPages = indexed ? reader.readFilteredRowGroup(rowGroup, kept) : reader.readRowGroup(rowGroup);
        decoderSlots = new int[others.size()];
        for (int i = 0; i < others.size(); i++) {
            decoderSlots[i] = others.get(i);
            decoders.add(pageDecoder(schema, others.get(i), restPages, kept));
        }
    }

    /** The file's schema narrowed to the columns of {@code slots}. */
    private MessageType projection(MessageType schema, List<Integer> slots) {
        List<Type> fields = new ArrayList<>(slots.size());
        for (int slot : slots) {
            fields.add(schema.getType(scan.names().get(columns[slot])));
        }
        return new MessageType(schema.getName(), fields);
    }

    private ParquetPageDecoder pageDecoder(MessageType schema, int slot, PageReadStore pages, RowRanges ranges) {
        String name = scan.names().get(columns[slot]);
        LogicalType type = scan.columnTypes().get(columns[slot]);
        ColumnDescriptor leaf = schema.getColumnDescription(new String[] {name});
        return new ParquetPageDecoder(name, type, leaf, pages.getPageReader(leaf), ParquetPageDecoder.kindOf(type, leaf),
                ranges);
    }

    /**
     * The rows of a row group that the rows decoded from it stand for, in order: all of them, or only those of
     * the page index's ranges.
     */
    private static final class GroupRows {
        private final long[] from;
        private final long[] to;
        private int range;
        private long next;

        GroupRows(RowRanges ranges, long rowCount) {
            if (ranges == null) {
                from = new long[] {0};
                to = new long[] {rowCount - 1};
            } else {
                List<RowRanges.Range> list = ranges.getRanges();
                from = new long[list.size()];
                to = new long[list.size()];
                for (int i = 0; i < from.length; i++) {
                    from[i] = list.get(i).from;
                    to[i] = list.get(i).to;
                }
            }
            next = from.length == 0 ? 0 : from[0];
        }

        /** Passes over the group rows of the next {@code count} decoded rows, adding them to {@code into} if not null. */
        void take(int count, RowRanges.Builder into) {
            long left = count;
            while (left > 0) {
                long end = Math.min(to[range], next + left - 1);
                if (into != null) {
                    into.addSelectedRange(next, end);
                }
                left -= end - next + 1;
                if (end == to[range] && range + 1 < from.length) {
                    range++;
                    next = from[range];
                } else {
                    next = end + 1;
                }
            }
        }
    }

    /**
     * Empty vectors for the batch's page-decoded columns of fixed width and of text (after their first batch,
     * which sizes the text), indexed like {@link #decoders} (null for the others, or null when fewer than two
     * columns qualify), whose buffers are slices of one allocation, as Arrow's IPC reader loads a record batch
     * from one body buffer; validity, offsets and values are zeroed as {@code allocateNew} does, text is not.
     * Each vector holds its own references to the allocation, which is freed when the last of them is closed (or
     * handed to another allocator). Two or three allocations per column and batch (Arrow's ledgers, Netty's pool)
     * were a tenth of a numeric scan's time.
     */
    private FieldVector[] carve(int rows) {
        // The field nodes give a null count Arrow cannot take for none or all (-1): for those it would throw the
        // slice away and allocate a validity buffer of its own (set to all ones or zeros), an allocation per
        // column and batch that was a tenth of a numeric scan; the decoders set every non-null row's bit anyway.
        int columnsCarved = 0;
        long total = 0;
        long validityBytes = align((rows + 7L) / 8);
        long offsetBytes = align((rows + 1L) * Integer.BYTES);
        for (ColumnChunkDecoder decoder : decoders) {
            if (decoder instanceof ParquetPageDecoder page) {
                if (page.carvedWidth() > 0) {
                    columnsCarved++;
                    total += validityBytes + align((long) rows * page.carvedWidth());
                } else if (page.carvedTextBytes(rows) > 0) {
                    columnsCarved++;
                    total += validityBytes + offsetBytes + align(page.carvedTextBytes(rows));
                }
            }
        }
        if (columnsCarved < 2) {
            return null;
        }
        FieldVector[] vectors = new FieldVector[decoders.size()];
        try (ArrowBuf slab = context.allocator().buffer(total)) {
            long at = 0;
            for (int i = 0; i < vectors.length; i++) {
                if (!(decoders.get(i) instanceof ParquetPageDecoder page)) {
                    continue;
                }
                int width = page.carvedWidth();
                long textBytes = page.carvedTextBytes(rows);
                if (width == 0 && textBytes == 0) {
                    continue;
                }
                FieldVector vector = page.field().createVector(context.allocator());
                vectors[i] = vector;
                ArrowBuf validity = zeroed(slab, at, validityBytes);
                at += validityBytes;
                if (width > 0 && vector instanceof BaseFixedWidthVector fixed && fixed.getTypeWidth() == width) {
                    long dataBytes = (long) rows * width;
                    fixed.loadFieldBuffers(new ArrowFieldNode(rows, UNKNOWN_NULLS),
                            List.of(validity, zeroed(slab, at, dataBytes)));
                    at += align(dataBytes);
                } else if (width == 0 && vector instanceof BaseVariableWidthVector variable) {
                    variable.loadFieldBuffers(new ArrowFieldNode(rows, UNKNOWN_NULLS), List.of(validity,
                            zeroed(slab, at, (rows + 1L) * Integer.BYTES), slab.slice(at + offsetBytes, textBytes)));
                    at += offsetBytes + align(textBytes);
                } else {
                    throw new IllegalStateException("column " + page.field().getName() + " has no vector of "
                            + width + " bytes per value");
                }
            }
            return vectors;
        } catch (RuntimeException | Error failure) {
            for (FieldVector vector : vectors) {
                if (vector != null) {
                    vector.close();
                }
            }
            throw failure;
        }
    }

    private static ArrowBuf zeroed(ArrowBuf slab, long at, long bytes) {
        slab.setZero(at, bytes);
        return slab.slice(at, bytes);
    }

    /** {@code bytes} rounded up to a cache line, where each carved buffer starts. */
    private static long align(long bytes) {
        return (bytes + 63) & -64L;
    }

    /** The chunks of {@code block} holding the leaves of {@code requested}. */
    private static List<ColumnChunkMetaData> chunks(BlockMetaData block, MessageType requested) {
        List<ColumnChunkMetaData> chunks = new ArrayList<>();
        for (ColumnDescriptor leaf : requested.getColumns()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                if (java.util.Arrays.equals(chunk.getPath().toArray(), leaf.getPath())) {
                    chunks.add(chunk);
                }
            }
        }
        return chunks;
    }

    private ParquetPageDecoder.PageBuffers pageBuffers(int decoder) {
        while (pageBuffers.size() <= decoder) {
            pageBuffers.add(new ParquetPageDecoder.PageBuffers());
        }
        return pageBuffers.get(decoder);
    }

    private void release() {
        for (FieldVector vector : current) {
            vector.close();
        }
        current.clear();
    }

    /** Hands the finished row group's chunk buffers back to parquet-mr's allocator ({@link ChunkBufferPool}). */
    private void closeRowGroupPages() {
        if (rowGroupPages != null) {
            PageReadStore pages = rowGroupPages;
            rowGroupPages = null;
            try {
                pages.close();
            } catch (Exception ignored) {
                // releasing buffers of a file only read: nothing is lost
            }
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException ignored) {
                // a read-only file: nothing is lost when closing it fails
            }
            reader = null;
        }
    }

    @Override
    public void close() {
        release();
        releaseHeld();
        closeRowGroupPages();
        closeReader();
    }

    private void releaseHeld() {
        for (HeldBatch batch = held.poll(); batch != null; batch = held.poll()) {
            closeAll(batch.vectors());
        }
    }
}
