package io.basalt.engine;

import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.datetime.DateTimeSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** A materialised result: the batches, their allocator, the command tag. Closing frees everything. */
final class QueryResultImpl implements QueryResult {
    private final boolean returnsRows;
    private final List<ResultColumn> columns;
    private final Schema schema;
    private final List<VectorSchemaRoot> batches;
    private final long[] batchStarts;
    private final long rowCount;
    private final String commandTag;
    private List<String> notices;
    private final BufferAllocator allocator;
    /** The session's date/time settings when the result was made: its text shows dates and times by them. */
    private final DateTimeSettings dateTimeSettings = DateTimeSettings.current();
    private List<String> warnings = List.of();
    /** Set when client_min_messages is above NOTICE (WARNING) or above WARNING (both). */
    private boolean noticesHidden;
    private boolean warningsHidden;
    private Runnable onClose = () -> { };
    private boolean closed;

    QueryResultImpl(boolean returnsRows, List<ResultColumn> columns, List<Field> fields, List<VectorSchemaRoot> batches,
                    long rowCount, String commandTag, List<String> notices, BufferAllocator allocator) {
        this.returnsRows = returnsRows;
        this.columns = List.copyOf(columns);
        this.schema = new Schema(fields);
        this.batches = List.copyOf(batches);
        this.rowCount = rowCount;
        this.commandTag = commandTag;
        this.notices = List.copyOf(notices);
        this.allocator = allocator;
        this.batchStarts = new long[batches.size()];
        long start = 0;
        for (int b = 0; b < batches.size(); b++) {
            batchStarts[b] = start;
            start += batches.get(b).getRowCount();
        }
    }

    /** A result for a statement that returns no rows. */
    static QueryResultImpl command(String tag, long affected, List<String> notices) {
        return new QueryResultImpl(false, List.of(), List.of(), List.of(), affected, tag, notices, null);
    }

    /**
     * This command's result under another tag (ALTER TABLE of a sequence reports ALTER TABLE, as PostgreSQL does,
     * though ALTER SEQUENCE's code ran it); a result with rows or warnings is returned as it is.
     */
    QueryResultImpl retagged(String tag) {
        if (returnsRows || !warnings.isEmpty() || tag.equals(commandTag)) {
            return this;
        }
        return command(tag, rowCount, notices);
    }

    /** A result for a statement that returns no rows and warns ({@code WARNING:  message}). */
    static QueryResultImpl commandWithWarning(String tag, String warning) {
        QueryResultImpl result = command(tag, 0, List.of());
        result.warnings = List.of(warning);
        return result;
    }

    @Override
    public List<String> warnings() {
        return warningsHidden ? List.of() : warnings;
    }

    /** This result with {@code warnings} added ({@code WARNING:  message} each). */
    QueryResultImpl addWarnings(List<String> added) {
        if (!added.isEmpty()) {
            List<String> all = new java.util.ArrayList<>(warnings);
            all.addAll(added);
            warnings = List.copyOf(all);
        }
        return this;
    }

    /**
     * Applies client_min_messages: {@code level} "warning" hides notices, "error" hides warnings too (the lower
     * levels, LOG and the DEBUGs included, show everything a statement reports).
     */
    void applyMessageLevel(String level) {
        switch (level) {
            case "warning" -> noticesHidden = true;
            case "error" -> {
                noticesHidden = true;
                warningsHidden = true;
            }
            default -> {
            }
        }
    }

    /** Runs {@code action} once when the result is closed. */
    void whenClosed(Runnable action) {
        this.onClose = action;
    }

    @Override
    public boolean returnsRows() {
        return returnsRows;
    }

    @Override
    public List<ResultColumn> columns() {
        return columns;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public List<VectorSchemaRoot> batches() {
        return batches;
    }

    @Override
    public long rowCount() {
        return rowCount;
    }

    @Override
    public String commandTag() {
        return commandTag;
    }

    /** Adds notices raised while the statement ran (RAISE NOTICE in a routine it called). */
    void addNotices(List<String> more) {
        if (!more.isEmpty()) {
            List<String> all = new java.util.ArrayList<>(notices);
            all.addAll(more);
            notices = List.copyOf(all);
        }
    }

    @Override
    public List<String> notices() {
        return noticesHidden ? List.of() : notices;
    }

    @Override
    public String getText(long row, int column) {
        if (row < 0 || row >= (returnsRows ? rowCount : 0)) {
            throw new IndexOutOfBoundsException("row " + row + " of " + rowCount);
        }
        int batch = batchOf(row);
        VectorSchemaRoot root = batches.get(batch);
        return ValueAccess.text(root.getVector(column), (int) (row - batchStarts[batch]), dateTimeSettings);
    }

    /**
     * A new result holding copies of the given rows (0-based, in that order) of this one, allocated from (and owning)
     * {@code target}, with command tag {@code tag}.
     */
    QueryResultImpl copyRows(long[] rows, String tag, BufferAllocator target) {
        List<Field> fields = schema.getFields();
        List<org.apache.arrow.vector.FieldVector> vectors = new ArrayList<>();
        try {
            for (Field field : fields) {
                org.apache.arrow.vector.FieldVector vector = field.createVector(target);
                vector.allocateNew();
                vectors.add(vector);
            }
            for (int k = 0; k < rows.length; k++) {
                int batch = batchOf(rows[k]);
                VectorSchemaRoot root = batches.get(batch);
                int row = (int) (rows[k] - batchStarts[batch]);
                for (int c = 0; c < vectors.size(); c++) {
                    io.basalt.exec.vector.VectorGather.copyValue(root.getVector(c), row, vectors.get(c), k);
                }
            }
            for (org.apache.arrow.vector.FieldVector vector : vectors) {
                vector.setValueCount(rows.length);
            }
            VectorSchemaRoot root = new VectorSchemaRoot(fields, vectors, rows.length);
            return new QueryResultImpl(true, columns, fields, List.of(root), rows.length, tag, List.of(), target);
        } catch (RuntimeException | Error failure) {
            for (org.apache.arrow.vector.FieldVector vector : vectors) {
                vector.close();
            }
            target.close();
            throw failure;
        }
    }

    /** The batch holding {@code row}. */
    private int batchOf(long row) {
        int batch = java.util.Arrays.binarySearch(batchStarts, row);
        if (batch < 0) {
            batch = -batch - 2;
        }
        // Skip empty batches that share a start with the next one.
        while (batch + 1 < batchStarts.length && batchStarts[batch + 1] == row) {
            batch++;
        }
        return batch;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> resources = new ArrayList<>(batches);
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception ignored) {
                // VectorSchemaRoot.close does not throw checked exceptions in practice.
            }
        }
        if (allocator != null) {
            allocator.close();
        }
        onClose.run();
    }
}
