package io.basalt.format.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.schema.MessageType;

/**
 * One row group of a Parquet file while it is encoded: parquet-mr's column writers and the compressed pages they
 * produce, held in memory until {@link #writeTo} appends them to the file. Rows are encoded either as they are
 * given ({@link #encode}, on the writer's thread) or from batches the encoder owns ({@link #keep}, then
 * {@link #encodeKept} on another thread), which lets several row groups be encoded at once while the file receives
 * them in order. One encoder is used by one thread at a time; {@link #release} frees everything it holds.
 */
final class ParquetRowGroupEncoder {
    /** A page size parquet-mr cuts pages at, and the dictionary page limit. */
    static final int PAGE_SIZE = 1 << 20;

    private final List<ParquetColumnWriter> columns;
    private final List<ColumnDescriptor> descriptors;
    private final ColumnChunkPageWriteStore pages;
    private final ColumnWriteStore store;
    private final List<List<FieldVector>> kept = new ArrayList<>();
    private final List<Integer> keptRows = new ArrayList<>();
    private long rows;
    private long keptBytes;
    /** Whether the column chunks are finished (the last pages and the dictionaries written to {@link #pages}). */
    private boolean finished;

    ParquetRowGroupEncoder(MessageType schema, ParquetProperties properties, BytesInputCompressor compressor,
                           List<ParquetColumnWriter> columns, int columnIndexTruncateLength) {
        this.columns = columns;
        this.descriptors = schema.getColumns();
        this.pages = new ColumnChunkPageWriteStore(compressor, schema, new HeapByteBufferAllocator(),
                columnIndexTruncateLength, false);
        this.store = properties.newColumnWriteStore(schema, pages, pages);
    }

    /** Encodes rows {@code [from, to)} of {@code vectors} now. */
    void encode(List<? extends FieldVector> vectors, int from, int to) {
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).write(store.getColumnWriter(descriptors.get(c)), vectors.get(c), from, to);
        }
        // Pages are cut at record boundaries: the store counts records, each column writer its own rows.
        for (int r = from; r < to; r++) {
            store.endRecord();
        }
        rows += to - from;
    }

    /** Takes ownership of {@code vectors} (one per column, {@code count} rows) for {@link #encodeKept}. */
    void keep(List<FieldVector> vectors, int count) {
        kept.add(vectors);
        keptRows.add(count);
        for (FieldVector vector : vectors) {
            keptBytes += vector.getBufferSize();
        }
        rows += count;
    }

    /** Encodes the kept batches, freeing each once encoded, and finishes the column chunks. */
    void encodeKept() {
        long keptCount = rows;
        rows = 0;
        for (int i = 0; i < kept.size(); i++) {
            List<FieldVector> vectors = kept.get(i);
            encode(vectors, 0, keptRows.get(i));
            closeAll(vectors);
            kept.set(i, List.of());
        }
        kept.clear();
        keptRows.clear();
        rows = keptCount;
        keptBytes = 0;
        store.flush();
        finished = true;
    }

    /** Rows given so far, encoded or kept. */
    long rows() {
        return rows;
    }

    /** Memory held: the kept batches' buffers and the pages encoded so far. */
    long bufferedBytes() {
        return keptBytes + store.getBufferedSize();
    }

    /** Appends the row group to {@code file}; after {@link #encodeKept}, or after {@link #encode} calls alone. */
    void writeTo(ParquetFileWriter file) throws IOException {
        file.startBlock(rows);
        if (!finished) {
            store.flush();
            finished = true;
        }
        pages.flushToFileWriter(file);
        file.endBlock();
    }

    /** Frees the pages, the column writers and any batch still kept. Safe to call more than once. */
    void release() {
        for (List<FieldVector> vectors : kept) {
            closeAll(vectors);
        }
        kept.clear();
        store.close();
        pages.close();
    }

    private static void closeAll(List<FieldVector> vectors) {
        for (FieldVector vector : vectors) {
            vector.close();
        }
    }
}
