package io.basalt.format.parquet;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.io.IOException;
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
    private final ParquetScan scan;
    private final int[] columns;
    private final ExecutionContext context;
    private final AtomicInteger nextMorsel;
    private final List<FieldVector> current = new ArrayList<>();
    private final List<ColumnChunkDecoder> decoders = new ArrayList<>();
    private ParquetFile file;
    private int fileIndex = -1;
    private ParquetFileReader reader;
    private long remaining;

    ParquetScanWorker(ParquetScan scan, int[] columns, ExecutionContext context, AtomicInteger nextMorsel) {
        this.scan = scan;
        this.columns = columns;
        this.context = context;
        this.nextMorsel = nextMorsel;
    }

    @Override
    public Batch next() {
        release();
        while (remaining == 0) {
            int claimed = nextMorsel.getAndIncrement();
            if (claimed >= scan.morsels().size()) {
                return null;
            }
            openRowGroup(scan.morsels().get(claimed));
        }
        int rows = (int) Math.min(context.vectorSize(), remaining);
        FieldVector[] carved = null;
        try {
            carved = carve(rows);
            for (int i = 0; i < decoders.size(); i++) {
                ColumnChunkDecoder decoder = decoders.get(i);
                FieldVector vector = carved == null ? null : carved[i];
                if (vector == null) {
                    current.add(decoder.next(rows, context.allocator()));
                } else {
                    carved[i] = null;
                    current.add(vector);
                    ((ParquetPageDecoder) decoder).next(rows, vector);
                }
            }
        } catch (RuntimeException failure) {
            release();
            if (carved != null) {
                for (FieldVector unused : carved) {
                    if (unused != null) {
                        unused.close();
                    }
                }
            }
            throw file.corrupt(failure);
        }
        remaining -= rows;
        return new Batch(List.copyOf(current), rows);
    }

    private void openRowGroup(ParquetScan.Morsel morsel) {
        decoders.clear();
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
            PageReadStore pages = ranges == null ? reader.readRowGroup(morsel.rowGroup())
                    : reader.readFilteredRowGroup(morsel.rowGroup(), ranges);
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
                    decoders.add(new ParquetPageDecoder(name, type, leaf, pages.getPageReader(leaf), kind, ranges));
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
     * Empty vectors for the batch's page-decoded columns of fixed width and of text (after their first batch,
     * which sizes the text), indexed like {@link #decoders} (null for the others, or null when fewer than two
     * columns qualify), whose buffers are slices of one allocation, as Arrow's IPC reader loads a record batch
     * from one body buffer; validity, offsets and values are zeroed as {@code allocateNew} does, text is not.
     * Each vector holds its own references to the allocation, which is freed when the last of them is closed (or
     * handed to another allocator). Two or three allocations per column and batch (Arrow's ledgers, Netty's pool)
     * were a tenth of a numeric scan's time.
     */
    private FieldVector[] carve(int rows) {
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
                    fixed.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity, zeroed(slab, at, dataBytes)));
                    at += align(dataBytes);
                } else if (width == 0 && vector instanceof BaseVariableWidthVector variable) {
                    variable.loadFieldBuffers(new ArrowFieldNode(rows, 0), List.of(validity,
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

    private void release() {
        for (FieldVector vector : current) {
            vector.close();
        }
        current.clear();
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
        closeReader();
    }
}
