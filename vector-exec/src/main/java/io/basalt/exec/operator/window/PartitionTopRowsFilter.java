package io.basalt.exec.operator.window;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.aggregate.GroupKeyTable;
import io.basalt.exec.operator.sort.BatchConcatenation;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The top rows per partition of one window sink with a row limit ({@link WindowOperator#limitsRows}), kept as
 * the input arrives, so that the sink holds about {@code limit} rows per partition instead of its whole input.
 * Every incoming row gets the id of its partition from a group-key table that lives as long as the sink; a row
 * whose partition already has {@code limit} rows it cannot beat (its last listed row, found by the latest
 * narrowing) is dropped at once. The admitted rows accumulate in the sink's batches; when they have grown to
 * four times what the last narrowing kept, {@link #narrow} replaces them by the rows that can still reach the
 * limit ({@link PartitionTopRows#narrow}, with the group ids recorded on admission, so no key is hashed twice).
 *
 * <p>A dropped row has at least {@code limit} rows before it (ROW_NUMBER; for RANK and DENSE_RANK rows, or
 * distinct values, strictly before it) among rows that stay or are replaced by rows further ahead, so it cannot
 * reach the limit; every row that precedes a kept row stays. Equal rows are admitted in input order, so ties go
 * to the earlier row, as in a stable sort of the whole input.
 */
final class PartitionTopRowsFilter implements AutoCloseable {
    /** Batches of the context's vector size admitted before the first narrowing. */
    private static final int FIRST_NARROWING_BATCHES = 128;
    private static final int[] NO_COLUMNS = new int[0];

    private final ExecutionContext context;
    private final List<LogicalType> inputTypes;
    private final int[] partitionColumns;
    private final List<io.basalt.exec.operator.sort.SortKey> orderKeys;
    private final int limit;
    private final WindowFunction.Kind kind;
    /** Partition ids of the whole sink; null without PARTITION BY (one partition, id 0). */
    private final GroupKeyTable partitions;
    /** The partition ids of each batch the sink keeps, in the sink's order. */
    private final List<int[]> batchGroupIds = new ArrayList<>();
    /** The ORDER BY keys of the latest narrowing's rows (the sink's first kept batch), null before one. */
    private RowOrdering narrowed;
    /** Per partition id, its last listed row in {@link #narrowed}, or -1 (also past the end: new partitions). */
    private int[] lastListed = new int[0];
    /**
     * With one fixed-width ORDER BY key: per partition id, its last listed row's key as a long in visiting order
     * ({@link RowOrdering#firstKeyOrdered}), so that most rows are judged by one array read; null otherwise.
     */
    private long[] lastKeys;
    /** With {@link #lastKeys}: per partition id, whether its last listed row's key is NULL. */
    private boolean[] lastNull;
    private int narrowAt;

    PartitionTopRowsFilter(WindowOperator operator, ExecutionContext context) {
        this.context = context;
        this.inputTypes = operator.child().outputTypes();
        this.partitionColumns = operator.partitionColumns();
        this.orderKeys = operator.orderKeys();
        this.limit = (int) operator.rowLimit();
        this.kind = operator.limitKind();
        List<LogicalType> keyTypes = new ArrayList<>(partitionColumns.length);
        for (int column : partitionColumns) {
            keyTypes.add(inputTypes.get(column));
        }
        this.partitions = partitionColumns.length == 0 ? null : GroupKeyTable.create(keyTypes, context.allocator());
        this.narrowAt = firstNarrowing();
    }

    private int firstNarrowing() {
        return FIRST_NARROWING_BATCHES * context.vectorSize();
    }

    /** The rows of a batch the sink keeps: its columns (the caller owns them) and row count. */
    record Admitted(List<FieldVector> columns, int rowCount) {
    }

    /**
     * The rows of {@code batch} that can still reach the limit, as new vectors or zero-copy slices the caller
     * keeps (after the batches it already keeps); null when there are none.
     */
    Admitted admit(Batch batch) {
        int count = batch.rowCount();
        int[] groupIds = new int[count];
        if (partitions != null) {
            FieldVector[] keys = new FieldVector[partitionColumns.length];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = batch.column(partitionColumns[k]);
            }
            partitions.findOrInsert(keys, count, groupIds);
        }
        int[] selection = null;
        int selected = count;
        if (narrowed != null) {
            FieldVector[] columns = batch.columns().toArray(new FieldVector[0]);
            RowOrdering incoming = new RowOrdering(columns, count, NO_COLUMNS, orderKeys);
            // ROW_NUMBER: a row equal to the last listed one sorts after it; RANK, DENSE_RANK: it is its peer
            int worst = kind == WindowFunction.Kind.ROW_NUMBER ? -1 : 0;
            selection = new int[count];
            selected = 0;
            if (lastKeys != null && incoming.fixedWidthAcrossInputs()) {
                for (int i = 0; i < count; i++) {
                    int group = groupIds[i];
                    int last = group < lastListed.length ? lastListed[group] : -1;
                    if (last < 0 || (lastNull[group] || incoming.firstKeyNull(i)
                            ? incoming.compareAcross(i, narrowed, last)
                            : Long.compare(incoming.firstKeyOrdered(i), lastKeys[group])) <= worst) {
                        selection[selected++] = i;
                    }
                }
            } else {
                for (int i = 0; i < count; i++) {
                    int group = groupIds[i];
                    int last = group < lastListed.length ? lastListed[group] : -1;
                    if (last < 0 || incoming.compareAcross(i, narrowed, last) <= worst) {
                        selection[selected++] = i;
                    }
                }
            }
        }
        if (selected == 0) {
            return null;
        }
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        if (selected == count) {
            for (FieldVector column : batch.columns()) {
                columns.add(VectorSlices.slice(column, 0, count, context.allocator()));
            }
            batchGroupIds.add(groupIds);
        } else {
            columns.addAll(VectorGather.gatherCopy(batch, selection, selected, context.allocator()).columns());
            int[] kept = new int[selected];
            for (int j = 0; j < selected; j++) {
                kept[j] = groupIds[selection[j]];
            }
            batchGroupIds.add(kept);
        }
        return new Admitted(columns, selected);
    }

    /** Whether the sink's {@code rowCount} kept rows are due for {@link #narrow}. */
    boolean wantsNarrowing(int rowCount) {
        return rowCount >= narrowAt;
    }

    /**
     * Replaces {@code batches} (the sink's kept batches, {@code rowCount} rows, all admitted here) by one batch
     * of the rows among them that can still reach the limit, and returns its row count.
     */
    int narrow(List<List<FieldVector>> batches, int rowCount) {
        FieldVector[] kept;
        try {
            kept = BatchConcatenation.concatenate(batches, rowCount, inputTypes, context, false);
        } finally {
            for (List<FieldVector> batch : batches) {
                for (FieldVector vector : batch) {
                    vector.close();
                }
            }
            batches.clear();
        }
        int[] groupIds = new int[rowCount];
        int at = 0;
        for (int[] ids : batchGroupIds) {
            System.arraycopy(ids, 0, groupIds, at, ids.length);
            at += ids.length;
        }
        batchGroupIds.clear();
        narrowed = null;
        List<FieldVector> survivors = new ArrayList<>(kept.length);
        try {
            RowOrdering ordering = new RowOrdering(kept, rowCount, partitionColumns, orderKeys);
            int groups = partitions == null ? 1 : partitions.groupCount();
            PartitionTopRows.Narrowed result = PartitionTopRows.narrow(ordering, groupIds, groups, rowCount, null, 0,
                    limit, kind);
            int[] rows = result.survivors();
            for (int c = 0; c < kept.length; c++) {
                FieldVector column = ValueAccess.allocate(inputTypes.get(c), "", context.allocator(), rows.length);
                survivors.add(column);
                VectorGather.gather(kept[c], rows, rows.length, column);
                column.setValueCount(rows.length);
            }
            int[] survivorGroupIds = new int[rows.length];
            for (int j = 0; j < rows.length; j++) {
                survivorGroupIds[j] = groupIds[rows[j]];
            }
            lastListed = new int[groups];
            for (int group = 0; group < groups; group++) {
                int last = result.lastListed()[group];
                lastListed[group] = last < 0 ? -1 : Arrays.binarySearch(rows, last);
            }
            batches.add(survivors);
            batchGroupIds.add(survivorGroupIds);
            narrowed = new RowOrdering(survivors.toArray(new FieldVector[0]), rows.length, NO_COLUMNS, orderKeys);
            lastKeys = null;
            lastNull = null;
            if (orderKeys.size() == 1 && narrowed.fixedWidthAcrossInputs()) {
                lastKeys = new long[groups];
                lastNull = new boolean[groups];
                for (int group = 0; group < groups; group++) {
                    int last = lastListed[group];
                    if (last >= 0) {
                        lastNull[group] = narrowed.firstKeyNull(last);
                        lastKeys[group] = lastNull[group] ? 0 : narrowed.firstKeyOrdered(last);
                    }
                }
            }
            // when narrowing kept most rows, wait for twice as many: every row is copied a bounded number of times
            long next = rows.length > rowCount / 2 ? 2L * rowCount : 4L * rows.length;
            narrowAt = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(firstNarrowing(), next));
            return rows.length;
        } catch (RuntimeException | Error failure) {
            if (!batches.contains(survivors)) {
                for (FieldVector column : survivors) {
                    column.close();
                }
            }
            throw failure;
        } finally {
            BatchConcatenation.close(kept);
        }
    }

    /** Forgets the kept batches (the sink wrote them out or gave them away): every row is admitted again. */
    void forget() {
        batchGroupIds.clear();
        narrowed = null;
        lastKeys = null;
        lastNull = null;
        lastListed = new int[0];
    }

    @Override
    public void close() {
        forget();
        if (partitions != null) {
            partitions.close();
        }
    }
}
