package io.basalt.format.parquet;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes Arrow batches to a Parquet file as they come: the entry point for COPY TO, EXPORT DATABASE and any
 * other writer of Basalt results. Rows are encoded column by column into parquet-mr's column writers and
 * pages; a row group is flushed to the file when it holds {@link ParquetWriteOptions#rowGroupRows()} rows (or
 * its pages pass {@link ParquetWriteOptions#MAX_ROW_GROUP_BYTES}), so memory holds one row group's compressed
 * pages at most and a file may be larger than memory.
 *
 * <p>Lifecycle: {@link #create} -> {@link #write} for each batch -> {@link #close()} (writes the footer). On a
 * failure call {@link #abort()}, which closes and deletes the partial file. Not thread-safe.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    private static final int COLUMN_INDEX_TRUNCATE_LENGTH = 64;
    private static final int STATISTICS_TRUNCATE_LENGTH = Integer.MAX_VALUE;
    private static final int PAGE_SIZE = 1 << 20;

    private final Path path;
    private final MessageType schema;
    private final List<LogicalType> types;
    private final ParquetWriteOptions options;
    private final ParquetProperties properties;
    private final ParquetFileWriter file;
    private final List<ColumnDescriptor> descriptors;
    private final List<ParquetColumnWriter> columns = new ArrayList<>();
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private long rowsInGroup;
    private long rowCount;
    private boolean closed;

    private ParquetBatchWriter(Path path, MessageType schema, List<String> names, List<LogicalType> types,
                               ParquetWriteOptions options, ParquetFileWriter file) {
        this.path = path;
        this.schema = schema;
        this.types = List.copyOf(types);
        this.options = options;
        this.file = file;
        this.descriptors = schema.getColumns();
        for (int i = 0; i < names.size(); i++) {
            columns.add(ParquetColumnWriter.of(names.get(i), types.get(i)));
        }
        this.properties = ParquetProperties.builder()
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0)
                .withPageSize(PAGE_SIZE)
                .withDictionaryPageSize(PAGE_SIZE)
                .withDictionaryEncoding(true)
                .build();
    }

    /**
     * Creates (or replaces) the file at {@code path} for columns {@code names} of {@code types}.
     *
     * @throws BasaltException 0A000 for a type Parquet cannot hold, 58030 when the file cannot be created
     */
    public static ParquetBatchWriter create(Path path, List<String> names, List<LogicalType> types,
                                            ParquetWriteOptions options) {
        requireNonNull(path, "path is null");
        requireNonNull(options, "options is null");
        if (names.size() != types.size()) {
            throw BasaltException.internal("column names and types differ in number");
        }
        MessageType schema = ParquetSchemaMapping.messageType(names, types);
        try {
            ParquetFileWriter file = new ParquetFileWriter(new LocalOutputFile(path), schema,
                    ParquetFileWriter.Mode.OVERWRITE, options.rowGroupRows(), 0, COLUMN_INDEX_TRUNCATE_LENGTH,
                    STATISTICS_TRUNCATE_LENGTH, false);
            file.start();
            return new ParquetBatchWriter(path, schema, names, types, options, file);
        } catch (IOException e) {
            throw BasaltException.of(SqlState.IO_ERROR, "could not open file \"" + path + "\" for writing: "
                    + e.getMessage());
        }
    }

    /** Writes every row of {@code root}. */
    public void write(VectorSchemaRoot root) {
        write(root.getFieldVectors(), root.getRowCount());
    }

    /** Writes the first {@code rows} rows of {@code vectors} (one per column, in the writer's column order). */
    public void write(List<? extends FieldVector> vectors, int rows) {
        if (closed) {
            throw BasaltException.internal("the Parquet writer is closed");
        }
        int done = 0;
        while (done < rows) {
            if (store == null) {
                startRowGroup();
            }
            int count = (int) Math.min(rows - done, options.rowGroupRows() - rowsInGroup);
            for (int c = 0; c < columns.size(); c++) {
                ColumnWriter writer = store.getColumnWriter(descriptors.get(c));
                columns.get(c).write(writer, vectors.get(c), done, done + count);
            }
            // Pages are cut at record boundaries: the store counts records, each column writer its own rows.
            for (int r = 0; r < count; r++) {
                store.endRecord();
            }
            done += count;
            rowsInGroup += count;
            rowCount += count;
            if (rowsInGroup >= options.rowGroupRows() || store.getBufferedSize() >= ParquetWriteOptions.MAX_ROW_GROUP_BYTES) {
                flushRowGroup();
            }
        }
    }

    public long rowCount() {
        return rowCount;
    }

    public Path path() {
        return path;
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(ParquetCodecs.INSTANCE.getCompressor(options.compression()), schema,
                new HeapByteBufferAllocator(), COLUMN_INDEX_TRUNCATE_LENGTH, false);
        store = properties.newColumnWriteStore(schema, pages, pages);
        rowsInGroup = 0;
    }

    private void flushRowGroup() {
        try {
            file.startBlock(rowsInGroup);
            store.flush();
            pages.flushToFileWriter(file);
            file.endBlock();
        } catch (IOException e) {
            throw writeFailure(e);
        } finally {
            releaseRowGroup();
        }
    }

    private void releaseRowGroup() {
        if (store != null) {
            store.close();
            store = null;
        }
        if (pages != null) {
            pages.close();
            pages = null;
        }
    }

    /** Flushes the last row group and writes the footer. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (store != null && rowsInGroup > 0) {
                flushRowGroup();
            }
            releaseRowGroup();
            file.end(Map.of(ParquetSchemaMapping.TYPES_KEY, ParquetSchemaMapping.encodeTypes(types)));
        } catch (IOException e) {
            abort();
            throw writeFailure(e);
        } catch (RuntimeException | Error failure) {
            abort();
            throw failure;
        }
    }

    /** Abandons the file: closes it and deletes what was written. Safe to call more than once. */
    public void abort() {
        closed = true;
        releaseRowGroup();
        file.abort();
        try {
            file.close();
        } catch (IOException | RuntimeException ignored) {
            // the file is deleted next; nothing useful can be done with a failure to close it
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a partial file that cannot be deleted is left; the statement fails anyway
        }
    }

    private BasaltException writeFailure(IOException e) {
        return BasaltException.of(SqlState.IO_ERROR, "could not write to file \"" + path + "\": " + e.getMessage());
    }
}
