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
import org.apache.arrow.vector.FieldVector;

/**
 * The rows of a COPY FROM, as a source the insert plan scans: each call reads the next records into a
 * {@link FieldBatch} and converts its columns into Arrow vectors of the target columns' types. It can be read
 * once. Errors come in PostgreSQL's order, the order of rows: when a field fails to convert, the rows before
 * its row are handed on first (so that their constraint violations win), and the conversion error, with its
 * CONTEXT line, is thrown by the next call.
 */
final class CopyFromSource implements ScanSource {
    private static final int MAX_BATCH_ROWS = 8192;

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
        return new State(columns.clone(), context, new FieldBatch(columnNames.size(), batchRows), batchRows);
    }

    /** Reads batches; owns the vectors of the batch it handed out last. */
    private final class State implements SourceState {
        private final int[] columns;
        private final ExecutionContext context;
        private final FieldBatch fields;
        private final int batchRows;
        private final List<FieldVector> current = new ArrayList<>();
        private BasaltException pending;

        State(int[] columns, ExecutionContext context, FieldBatch fields, int batchRows) {
            this.columns = columns;
            this.context = context;
            this.fields = fields;
            this.batchRows = batchRows;
        }

        @Override
        public Batch next() {
            release();
            if (pending != null) {
                BasaltException failure = pending;
                pending = null;
                throw failure;
            }
            int rows = reader.read(fields, batchRows);
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

        private void release() {
            for (FieldVector vector : current) {
                vector.close();
            }
            current.clear();
        }

        @Override
        public void close() {
            release();
        }
    }
}
