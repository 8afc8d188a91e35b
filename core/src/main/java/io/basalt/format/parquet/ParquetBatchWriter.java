package io.basalt.format.parquet;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes Arrow batches to a Parquet file as they come: the entry point for COPY TO, EXPORT DATABASE and any
 * other writer of Basalt results. Rows are copied column by column into buffers and encoded into pages by
 * Basalt's own encoders ({@link ParquetRowGroupEncoder}, package {@code encode}); parquet-mr's file writer lays
 * out the pages and writes the footer with statistics and the page index. A row group ends when it holds
 * {@link ParquetWriteOptions#rowGroupRows()} rows (or its buffers pass {@link ParquetWriteOptions#MAX_ROW_GROUP_BYTES}).
 * With one encoder thread each finished group is encoded and written at once. With more, a finished group is
 * encoded on one of {@link ParquetWriteOptions#encoderThreads()} threads while the next one fills; finished groups
 * reach the file in order, and at most one group per thread is in flight, so memory stays bounded and a file may
 * be larger than memory.
 *
 * <p>Lifecycle: {@link #create} -> {@link #write} for each batch -> {@link #close()} (writes the footer). On a
 * failure call {@link #abort()}, which closes and deletes the partial file. Not thread-safe.
 */
public final class ParquetBatchWriter implements AutoCloseable {
    private static final int COLUMN_INDEX_TRUNCATE_LENGTH = 64;
    private static final int STATISTICS_TRUNCATE_LENGTH = Integer.MAX_VALUE;

    private final Path path;
    private final MessageType schema;
    private final List<LogicalType> types;
    private final ParquetWriteOptions options;
    private final ParquetFileWriter file;
    private final List<ParquetColumnWriter> columns = new ArrayList<>();
    /** Row groups being encoded by {@link #encoders}, in file order. */
    private final ArrayDeque<EncodingGroup> encoding = new ArrayDeque<>();
    private ExecutorService encoders;
    private ParquetRowGroupEncoder current;
    private long rowCount;
    private boolean closed;

    /** A row group handed to an encoder thread, and the task encoding it. */
    private record EncodingGroup(ParquetRowGroupEncoder group, Future<?> task) {
    }

    private ParquetBatchWriter(Path path, MessageType schema, List<String> names, List<LogicalType> types,
                               ParquetWriteOptions options, ParquetFileWriter file) {
        this.path = path;
        this.schema = schema;
        this.types = List.copyOf(types);
        this.options = options;
        this.file = file;
        for (int i = 0; i < names.size(); i++) {
            columns.add(ParquetColumnWriter.of(names.get(i), types.get(i)));
        }
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

    /**
     * Writes the first {@code rows} rows of {@code vectors} (one per column, in the writer's column order). The
     * rows are copied, so the caller may reuse its vectors at once.
     */
    public void write(List<? extends FieldVector> vectors, int rows) {
        if (closed) {
            throw BasaltException.internal("the Parquet writer is closed");
        }
        int done = 0;
        while (done < rows) {
            if (current == null) {
                current = new ParquetRowGroupEncoder(schema, options.compression(), columns);
            }
            int count = (int) Math.min(rows - done, options.rowGroupRows() - current.rows());
            current.append(vectors, done, done + count);
            done += count;
            rowCount += count;
            if (current.rows() >= options.rowGroupRows()
                    || current.bufferedBytes() >= ParquetWriteOptions.MAX_ROW_GROUP_BYTES) {
                finishRowGroup();
            }
        }
    }

    public long rowCount() {
        return rowCount;
    }

    public Path path() {
        return path;
    }

    /**
     * Ends the current row group: written to the file at once with one encoder thread; otherwise handed to an
     * encoder thread, after which the oldest groups are written while more than one per thread is in flight.
     */
    private void finishRowGroup() {
        ParquetRowGroupEncoder group = current;
        current = null;
        if (options.encoderThreads() <= 1) {
            try {
                group.encode();
            } catch (RuntimeException | Error failure) {
                group.release();
                throw failure;
            }
            writeGroup(group);
            return;
        }
        if (encoders == null) {
            encoders = Executors.newFixedThreadPool(options.encoderThreads(), Thread.ofPlatform().daemon()
                    .name("basalt-parquet-encoder-", 0).factory());
        }
        Future<?> task;
        try {
            task = encoders.submit(group::encode);
        } catch (RuntimeException failure) {
            group.release();
            throw failure;
        }
        encoding.add(new EncodingGroup(group, task));
        while (encoding.size() > options.encoderThreads()) {
            writeOldestGroup();
        }
    }

    /** Waits for the oldest group in flight to be encoded and writes it. */
    private void writeOldestGroup() {
        EncodingGroup oldest = encoding.poll();
        try {
            oldest.task().get();
        } catch (ExecutionException e) {
            oldest.group().release();
            switch (e.getCause()) {
                case RuntimeException failure -> throw failure;
                case Error failure -> throw failure;
                default -> throw BasaltException.internal("Parquet encoding failed: " + e.getCause());
            }
        } catch (InterruptedException e) {
            oldest.group().release();
            Thread.currentThread().interrupt();
            throw BasaltException.of(SqlState.QUERY_CANCELED, "canceling statement due to user request");
        }
        writeGroup(oldest.group());
    }

    private void writeGroup(ParquetRowGroupEncoder group) {
        try {
            group.writeTo(file);
        } catch (IOException e) {
            throw writeFailure(e);
        } finally {
            group.release();
        }
    }

    /** Frees the current group and waits for the groups in flight to stop before freeing them. */
    private void releaseRowGroups() {
        if (current != null) {
            current.release();
            current = null;
        }
        while (!encoding.isEmpty()) {
            EncodingGroup group = encoding.poll();
            group.task().cancel(false);
            try {
                group.task().get();
            } catch (ExecutionException | java.util.concurrent.CancellationException ignored) {
                // the statement is failing already; the group is freed below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            group.group().release();
        }
        if (encoders != null) {
            encoders.shutdown();
            encoders = null;
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
            if (current != null && current.rows() > 0) {
                finishRowGroup();
            }
            while (!encoding.isEmpty()) {
                writeOldestGroup();
            }
            releaseRowGroups();
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
        releaseRowGroups();
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
