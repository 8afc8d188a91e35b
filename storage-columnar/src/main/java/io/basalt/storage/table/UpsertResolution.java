package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Decides INSERT ... ON CONFLICT DO UPDATE row by row, as PostgreSQL's executor does, against the table as the
 * statement sees it (its transaction's snapshot and own changes, read by one scan):
 *
 * <ol>
 * <li>the stored rows holding a proposed row's arbiter key are found (one scan, keeping only those rows);</li>
 * <li>the updater computes, in one pass per input batch, the new version of each such stored row against its
 *     proposed row (SET, WHERE, NOT NULL and CHECK);</li>
 * <li>the proposed rows are walked in order against the keys held at that moment: a free key inserts the row; a
 *     key of an untouched stored row replaces that row by its new version (or leaves it, when WHERE was not true);
 *     a key that this statement inserted or updated is 21000.</li>
 * </ol>
 *
 * The result is one ordinary change (the replaced row ids; their new versions, then the inserted rows) that the
 * caller applies like an UPDATE's, where other unique keys and foreign keys are checked (23505, 23503) and the
 * transaction's commit detects a concurrent writer (40001). Before it, the caller waits for other open transactions
 * holding a proposed key ({@link TableStore#awaitPendingKeys}); a key one of them committed fails the statement with
 * 40001, and READ COMMITTED runs it again, then updating that row as PostgreSQL does.
 */
final class UpsertResolution {
    /** What the walk decided, plus the change to apply; the batches in {@code owned} belong to the caller. */
    record Resolved(ConflictUpdater.Result result, long[] replaced, List<Batch> appended) {
    }

    private UpsertResolution() {
    }

    /**
     * @param proposed the rows INSERT proposes, the table's columns
     * @param owned receives every batch this method allocates (the caller frees them after applying the change)
     */
    static Resolved resolve(ScanSource table, List<LogicalType> columnTypes, ConflictUpdate update,
                            List<Batch> proposed, ConflictUpdater updater, ExecutionContext context,
                            List<Batch> owned) {
        int total = 0;
        for (Batch batch : proposed) {
            total += batch.rowCount();
        }
        List<Object>[] keys = keysOf(proposed, total, update, context.allocator());
        Set<List<Object>> wanted = new HashSet<>();
        for (List<Object> key : keys) {
            if (key != null) {
                wanted.add(key);
            }
        }
        Map<List<Object>, Holder> held = new HashMap<>();
        Batch stored = wanted.isEmpty() ? null : storedRows(table, columnTypes, update, wanted, held, context);
        if (stored != null) {
            owned.add(stored);
        }
        // the new version of each proposed row that meets a stored row, computed against that row
        Batch[] versionBatch = new Batch[total];
        int[] versionRow = new int[total];
        int first = 0;
        for (Batch batch : proposed) {
            int[] selection = new int[batch.rowCount()];
            int[] storedRow = new int[batch.rowCount()];
            int count = 0;
            for (int row = 0; row < batch.rowCount(); row++) {
                Holder holder = keys[first + row] == null ? null : held.get(keys[first + row]);
                if (holder != null) {
                    storedRow[count] = holder.storedRow;
                    selection[count++] = row;
                }
            }
            if (count > 0) {
                Batch existing = VectorGather.gatherCopy(stored, storedRow, count, context.allocator());
                owned.add(existing);
                Batch conflicting = VectorGather.gatherCopy(batch, selection, count, context.allocator());
                owned.add(conflicting);
                ConflictUpdater.Versions versions = updater.update(existing, conflicting);
                for (int k = 0; k < versions.inputRows().length; k++) {
                    int row = first + selection[versions.inputRows()[k]];
                    versionBatch[row] = versions.rows();
                    versionRow[row] = k;
                }
            }
            first += batch.rowCount();
        }
        return walk(proposed, keys, held, versionBatch, versionRow, update, context.allocator(), owned);
    }

    /** Who holds a key: a stored row (its id and its row in the stored batch), or this statement (id -1). */
    private record Holder(long rowId, int storedRow) {
        static final Holder STATEMENT = new Holder(-1, -1);
    }

    private static Resolved walk(List<Batch> proposed, List<Object>[] keys, Map<List<Object>, Holder> held,
                                 Batch[] versionBatch, int[] versionRow, ConflictUpdate update,
                                 BufferAllocator allocator, List<Batch> owned) {
        ConflictUpdater.Outcome[] outcomes = new ConflictUpdater.Outcome[keys.length];
        List<Long> replaced = new ArrayList<>();
        List<int[]> versionRefs = new ArrayList<>();
        List<int[]> insertedRefs = new ArrayList<>();
        List<Batch> sources = new ArrayList<>();
        int next = 0;
        for (int b = 0; b < proposed.size(); b++) {
            Batch batch = proposed.get(b);
            for (int row = 0; row < batch.rowCount(); row++, next++) {
                List<Object> key = keys[next];
                Holder holder = key == null ? null : held.get(key);
                if (holder == null) {
                    if (key != null) {
                        held.put(key, Holder.STATEMENT);
                    }
                    outcomes[next] = ConflictUpdater.Outcome.INSERTED;
                    insertedRefs.add(new int[] {source(sources, batch), row});
                    continue;
                }
                if (holder == Holder.STATEMENT) {
                    throw BasaltException.of(SqlState.CARDINALITY_VIOLATION,
                                    "ON CONFLICT DO UPDATE command cannot affect row a second time")
                            .withHint("Ensure that no rows proposed for insertion within the same command have "
                                    + "duplicate constrained values.");
                }
                if (versionBatch[next] == null) {
                    outcomes[next] = ConflictUpdater.Outcome.SKIPPED;
                    continue;
                }
                held.remove(key);
                List<Object> newKey = keyOf(versionBatch[next].columns(), versionRow[next], update, allocator);
                if (newKey != null) {
                    held.put(newKey, Holder.STATEMENT);
                }
                outcomes[next] = ConflictUpdater.Outcome.UPDATED;
                replaced.add(holder.rowId());
                versionRefs.add(new int[] {source(sources, versionBatch[next]), versionRow[next]});
            }
        }
        long[] ids = new long[replaced.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = replaced.get(i);
        }
        // new versions first, in the order of the rows they replace (so each takes over its old row's keys), then
        // the inserted rows
        List<int[]> rows = new ArrayList<>(versionRefs);
        rows.addAll(insertedRefs);
        List<Batch> appended = new ArrayList<>();
        if (!rows.isEmpty()) {
            Batch written = copyRows(sources, rows, proposed.getFirst(), allocator);
            owned.add(written);
            appended.add(written);
        }
        return new Resolved(new ConflictUpdater.Result(outcomes, versionBatch, versionRow), ids, appended);
    }

    private static int source(List<Batch> sources, Batch batch) {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i) == batch) {
                return i;
            }
        }
        sources.add(batch);
        return sources.size() - 1;
    }

    /** The rows {@code refs} ({source, row}) copied into one new batch with {@code shape}'s column types. */
    private static Batch copyRows(List<Batch> sources, List<int[]> refs, Batch shape, BufferAllocator allocator) {
        List<FieldVector> columns = new ArrayList<>(shape.columnCount());
        try {
            for (FieldVector column : shape.columns()) {
                columns.add(ValueAccess.allocate(LogicalType.of(column.getField()), column.getName(), allocator,
                        refs.size()));
            }
            for (int r = 0; r < refs.size(); r++) {
                Batch from = sources.get(refs.get(r)[0]);
                for (int c = 0; c < columns.size(); c++) {
                    VectorGather.copyValue(from.column(c), refs.get(r)[1], columns.get(c), r);
                }
            }
            for (FieldVector column : columns) {
                column.setValueCount(refs.size());
            }
        } catch (RuntimeException | Error failure) {
            for (FieldVector column : columns) {
                column.close();
            }
            throw failure;
        }
        return new Batch(columns, refs.size());
    }

    /**
     * Scans the table for the rows holding a {@code wanted} key; records each as {@code held} and returns them (the
     * table's columns) as one batch.
     */
    private static Batch storedRows(ScanSource table, List<LogicalType> columnTypes, ConflictUpdate update,
                                    Set<List<Object>> wanted, Map<List<Object>, Holder> held,
                                    ExecutionContext context) {
        int width = columnTypes.size();
        int[] columns = new int[width + 1];
        for (int c = 0; c < width; c++) {
            columns[c] = c;
        }
        columns[width] = ScanSource.ROW_ID;
        List<Batch> matches = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        try (SourceState scan = table.open(columns, context)) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                BigIntVector rowIds = (BigIntVector) batch.column(width);
                int[] selection = new int[batch.rowCount()];
                int count = 0;
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> key = keyOf(batch.columns(), row, update, context.allocator());
                    if (key != null && wanted.contains(key)) {
                        held.put(key, new Holder(rowIds.get(row), ids.size()));
                        ids.add(rowIds.get(row));
                        selection[count++] = row;
                    }
                }
                if (count > 0) {
                    Batch tableColumns = new Batch(batch.columns().subList(0, width), batch.rowCount());
                    matches.add(VectorGather.gatherCopy(tableColumns, selection, count, context.allocator()));
                }
            }
        }
        List<int[]> refs = new ArrayList<>();
        for (int m = 0; m < matches.size(); m++) {
            for (int row = 0; row < matches.get(m).rowCount(); row++) {
                refs.add(new int[] {m, row});
            }
        }
        try {
            if (matches.isEmpty()) {
                List<FieldVector> empty = new ArrayList<>();
                for (LogicalType type : columnTypes) {
                    FieldVector vector = ValueAccess.allocate(type, "", context.allocator(), 0);
                    vector.setValueCount(0);
                    empty.add(vector);
                }
                return new Batch(empty, 0);
            }
            return copyRows(matches, refs, matches.getFirst(), context.allocator());
        } finally {
            for (Batch batch : matches) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object>[] keysOf(List<Batch> proposed, int total, ConflictUpdate update,
                                         BufferAllocator allocator) {
        List<Object>[] keys = new List[total];
        int next = 0;
        for (Batch batch : proposed) {
            for (int row = 0; row < batch.rowCount(); row++) {
                keys[next++] = keyOf(batch.columns(), row, update, allocator);
            }
        }
        return keys;
    }

    /** The arbiter key of a row of the table's columns, compared as unique keys compare; null when a NULL exempts it. */
    private static List<Object> keyOf(List<FieldVector> tableColumns, int row, ConflictUpdate update,
                                      BufferAllocator allocator) {
        Object[] values = new Object[update.keyColumns().length];
        for (int k = 0; k < values.length; k++) {
            int column = update.keyColumns()[k];
            Object value = column < 0 ? RowExpression.value(update.computedKeys()[k], tableColumns, row, allocator,
                    false) : ValueAccess.get(tableColumns.get(column), row);
            if (value == null && !update.nullsNotDistinct()) {
                return null;
            }
            values[k] = ValueComparison.equalityKey(value);
        }
        if (update.arbiterCondition() != null && !update.arbiterCondition().holds(tableColumns, row, allocator)) {
            return null;
        }
        return Arrays.asList(values);
    }
}
