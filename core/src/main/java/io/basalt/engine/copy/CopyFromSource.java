package io.basalt.engine.copy;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of a COPY FROM, as a source the insert plan scans: each call reads the next records into a
 * {@link FieldBatch} and converts its columns into Arrow vectors of the target columns' types. It can be read
 * once. Errors come in PostgreSQL's order, the order of rows: when a field fails to convert, the rows before
 * its row are handed on first (so that their constraint violations win), and the conversion error, with its
 * CONTEXT line, is thrown by the next call.
 *
 * <p>When the session runs queries on more than one thread, the next batch's records are read and split on a thread
 * of the source's own while the current batch is converted and inserted (two field batches in turn): reading is
 * about half of a COPY's work before COMMIT. The reader is only ever used by one thread at a time, each read
 * handed over through the future of the one before, and a read's error reaches the caller at the batch where a
 * reader used synchronously would have thrown it.
 */
final class CopyFromSource implements ScanSource {
    private static final int MAX_BATCH_ROWS = 8192;
    /** How long the read-ahead thread waits for the next read before it ends. */
    private static final long READ_AHEAD_KEEP_ALIVE_SECONDS = 1;

    private final String tableName;
    private final List<String> columnNames;
    private final List<LogicalType> columnTypes;
    private final RecordReader reader;
    private boolean opened;

    CopyFromSource(String tableName, List<String> columnNames, List<LogicalType> columnTypes, RecordReader reader) {
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.reader = requireNonNull(reader, "reader is null");
    }

    @Override
    public String name() {
        return "COPY " + tableName;
    }

    @Override
    public List<LogicalType> columnTypes() {
        return columnTypes;
    }

    @Override
    public SourceState open(int[] columns, ExecutionContext context) {
        if (opened) {
            throw BasaltException.internal("the rows of a COPY can be read only once");
        }
        opened = true;
        int batchRows = Math.max(1, Math.min(MAX_BATCH_ROWS, context.vectorSize()));
        return new State(columns.clone(), context, new FieldBatch(columnNames.size(), batchRows), batchRows,
                context.threads() > 1 ? readAheadThread() : null);
    }

    /** A thread of its own for reading ahead (not the workers': the caller may be one of them, waiting). */
    private static ThreadPoolExecutor readAheadThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, READ_AHEAD_KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Thread.ofPlatform().daemon().name("basalt-copy-read").factory());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    /** Reads batches; owns the vectors of the batch it handed out last. */
    private final class State implements SourceState {
        private final int[] columns;
        private final ExecutionContext context;
        private FieldBatch fields;
        private final int batchRows;
        private final List<FieldVector> current = new ArrayList<>();
        private BasaltException pending;
        /** Reads ahead, or null when batches are read on the caller's thread. */
        private final ThreadPoolExecutor readAhead;
        /** The batch the read ahead fills, and that read (null when none runs). */
        private FieldBatch spare;
        private Future<Integer> ahead;

        State(int[] columns, ExecutionContext context, FieldBatch fields, int batchRows, ThreadPoolExecutor readAhead) {
            this.columns = columns;
            this.context = context;
            this.fields = fields;
            this.batchRows = batchRows;
            this.readAhead = readAhead;
            this.spare = readAhead == null ? null : new FieldBatch(columnNames.size(), batchRows);
        }

        @Override
        public Batch next() {
            release();
            if (pending != null) {
                BasaltException failure = pending;
                pending = null;
                throw failure;
            }
            int rows = read();
            if (rows == 0) {
                return null;
            }
            for (int c = 0; c < columns.length; c++) {
                int column = columns[c];
                try {
                    current.add(FieldConverter.convert(fields, column, rows, columnTypes.get(column),
                            columnNames.get(column), context.allocator()));
                } catch (FieldConverter.Failure failure) {
                    rows = firstFailure(failure, c, rows);
                    if (rows == 0) {
                        throw pending();
                    }
                    return truncatedBatch(rows);
                }
            }
            return new Batch(List.copyOf(current), rows);
        }

        /**
         * Given the failure of {@code columns[failedAt]} at some row, finds the failure PostgreSQL would report:
         * the earliest row, and in it the first column (the columns before {@code failedAt} converted every row).
         * Sets {@link #pending} to it and returns its row.
         */
        private int firstFailure(FieldConverter.Failure failure, int failedAt, int rows) {
            int row = failure.row();
            int column = columns[failedAt];
            BasaltException error = failure.error();
            for (int c = failedAt + 1; c < columns.length && row > 0; c++) {
                try {
                    FieldConverter.convert(fields, columns[c], row, columnTypes.get(columns[c]),
                            columnNames.get(columns[c]), context.allocator()).close();
                } catch (FieldConverter.Failure earlier) {
                    row = earlier.row();
                    column = columns[c];
                    error = earlier.error();
                }
            }
            pending = error.withContext(reader.valueContext(fields.lineNumber(row), columnNames.get(column),
                    fields.text(row, column)));
            return row;
        }

        private BasaltException pending() {
            BasaltException failure = pending;
            pending = null;
            release();
            return failure;
        }

        /** The converted columns cut to their first {@code rows} rows, converting the columns not done yet. */
        private Batch truncatedBatch(int rows) {
            release();
            for (int column : columns) {
                current.add(FieldConverter.convert(fields, column, rows, columnTypes.get(column),
                        columnNames.get(column), context.allocator()));
            }
            return new Batch(List.copyOf(current), rows);
        }

        /**
         * The next batch's rows in {@link #fields}: read here, or taken from the read ahead (whose error, if it failed,
         * is thrown here); then, while there were rows, the read of the batch after it starts.
         */
        private int read() {
            int rows;
            if (ahead == null) {
                rows = reader.read(fields, batchRows);
            } else {
                rows = awaitAhead();
                FieldBatch filled = spare;
                spare = fields;
                fields = filled;
            }
            if (readAhead != null && rows > 0) {
                FieldBatch target = spare;
                ahead = readAhead.submit(() -> reader.read(target, batchRows));
            }
            return rows;
        }

        private int awaitAhead() {
            Future<Integer> read = ahead;
            ahead = null;
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return read.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException failure) {
                            throw failure;
                        }
                        if (e.getCause() instanceof Error failure) {
                            throw failure;
                        }
                        throw new IllegalStateException(e.getCause());
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void release() {
            for (FieldVector vector : current) {
                vector.close();
            }
            current.clear();
        }

        /** Also waits for a read ahead to end, so that nothing reads the input after the COPY closed it. */
        @Override
        public void close() {
            release();
            if (readAhead == null) {
                return;
            }
            if (ahead != null) {
                try {
                    awaitAhead();
                } catch (RuntimeException | Error ignored) {
                    // a read past the rows the plan took: its error is not the statement's
                }
            }
            readAhead.shutdown();
        }
    }
}
