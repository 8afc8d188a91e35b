package io.basalt.format.parquet;

import io.basalt.format.parquet.encode.ColumnChunkBuffer;
import io.basalt.format.parquet.encode.ColumnChunkEncoder;
import io.basalt.format.parquet.encode.EncodedColumnChunk;
import io.basalt.format.parquet.encode.PageCompression;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.schema.MessageType;

/**
 * One row group of a Parquet file while it is built: rows are appended column by column to
 * {@link ColumnChunkBuffer}s ({@link #append}, a copy, on the writer's thread), then {@link #encode} turns each
 * buffer into compressed pages ({@link ColumnChunkEncoder}), on the writer's thread or on an encoder thread while
 * the next group fills, and {@link #writeTo} appends the pages to the file in column order. One encoder is used by
 * one thread at a time; {@link #release} drops everything it holds.
 */
final class ParquetRowGroupEncoder {
    private final List<ParquetColumnWriter> columns;
    private final List<ColumnDescriptor> descriptors;
    private final CompressionCodecName codec;
    private List<ColumnChunkBuffer> buffers;
    private List<EncodedColumnChunk> encoded;
    private long rows;

    ParquetRowGroupEncoder(MessageType schema, CompressionCodecName codec, List<ParquetColumnWriter> columns) {
        this.columns = columns;
        this.descriptors = schema.getColumns();
        this.codec = codec;
        this.buffers = new ArrayList<>(columns.size());
        for (ParquetColumnWriter column : columns) {
            buffers.add(column.newBuffer());
        }
    }

    /** Appends rows {@code [from, to)} of {@code vectors} (one per column); the vectors may be reused after. */
    void append(List<? extends FieldVector> vectors, int from, int to) {
        for (int c = 0; c < columns.size(); c++) {
            columns.get(c).write(buffers.get(c), vectors.get(c), from, to);
        }
        rows += to - from;
    }

    /** Encodes and compresses every column chunk, freeing the appended values. Called once, after the appends. */
    void encode() {
        ColumnChunkEncoder encoder = new ColumnChunkEncoder(new PageCompression(codec));
        List<EncodedColumnChunk> chunks = new ArrayList<>(buffers.size());
        for (int c = 0; c < buffers.size(); c++) {
            chunks.add(encoder.encode(buffers.get(c), descriptors.get(c)));
            buffers.set(c, null);
        }
        buffers = null;
        encoded = chunks;
    }

    /** Rows appended. */
    long rows() {
        return rows;
    }

    /** Memory held by the appended values. */
    long bufferedBytes() {
        long bytes = 0;
        if (buffers != null) {
            for (ColumnChunkBuffer buffer : buffers) {
                bytes += buffer.bufferedBytes();
            }
        }
        return bytes;
    }

    /** Appends the row group to {@code file}; after {@link #encode}. */
    void writeTo(ParquetFileWriter file) throws IOException {
        if (encoded == null) {
            throw new IllegalStateException("the row group is not encoded");
        }
        file.startBlock(rows);
        for (EncodedColumnChunk chunk : encoded) {
            chunk.writeTo(file);
        }
        file.endBlock();
    }

    /** Drops the values and pages. Safe to call more than once. */
    void release() {
        buffers = null;
        encoded = null;
    }
}
