package io.basalt.exec.operator.window;

import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.aggregate.GroupKeyTable;
import io.basalt.exec.operator.sort.RowOrdering;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The rows a window operator still needs when only each partition's first rows in window order can reach the
 * query's result (a filter {@code row_number() <= k}, {@code rank() <= k} or {@code dense_rank() <= k} above a
 * window whose calls look only at earlier rows and peers). Each worker takes a contiguous run of the input,
 * numbers its partitions with a {@link GroupKeyTable} and keeps, per partition, the {@code limit} rows that a
 * stable sort would put first (ties go to the earlier input row), for rank limits with every row that is not
 * after the last of them (its peers), for dense-rank limits with every row up to the {@code limit}-th distinct
 * value; a second pass over the survivors of all runs does the same across runs. The survivors are a superset of
 * the rows the full computation keeps, and every row that precedes a kept row in window order survives too, so
 * that the row numbers, ranks and dense ranks of the rows the filter keeps are unchanged; the sort then only sees
 * the survivors. The window's sink uses the same selection on its batches as they arrive, so that it holds a
 * bounded number of rows per partition.
 */
final class PartitionTopRows {
    private final FieldVector[] input;
    private final int[] partitionColumns;
    private final List<LogicalType> keyTypes;
    private final RowOrdering ordering;
    private final int limit;
    private final WindowFunction.Kind kind;
    private final ExecutionContext context;

    PartitionTopRows(FieldVector[] input, int[] partitionColumns, List<LogicalType> inputTypes, RowOrdering ordering,
                     int limit, WindowFunction.Kind kind, ExecutionContext context) {
        this.input = input;
        this.partitionColumns = partitionColumns;
        this.keyTypes = new ArrayList<>(partitionColumns.length);
        for (int column : partitionColumns) {
            keyTypes.add(inputTypes.get(column));
        }
        this.ordering = ordering;
        this.limit = limit;
        this.kind = kind;
        this.context = context;
    }

    /**
     * The input positions of the rows to keep, ascending, out of {@code [0, rowCount)}, looked at in
     * {@code runs} runs; null when that would keep more than half of the rows (the caller keeps all of them).
     */
    int[] select(int rowCount, int runs) {
        int[][] survivors = new int[runs][];
        ParallelTasks.run(context, runs, run -> {
            int from = (int) ((long) rowCount * run / runs);
            int to = (int) ((long) rowCount * (run + 1) / runs);
            survivors[run] = selectRange(from, to);
        });
        int total = 0;
        for (int[] run : survivors) {
            if (run == null) {
                return null;
            }
            total += run.length;
        }
        int[] candidates = new int[total];
        int at = 0;
        for (int[] run : survivors) {
            System.arraycopy(run, 0, candidates, at, run.length);
            at += run.length;
        }
        if (runs == 1) {
            return candidates;
        }
        int[] refined = selectAmong(candidates);
        return refined == null ? candidates : refined;
    }

    /** The survivors among input rows {@code [from, to)}. */
    private int[] selectRange(int from, int to) {
        int count = to - from;
        FieldVector[] keys = new FieldVector[partitionColumns.length];
        try {
            for (int k = 0; k < keys.length; k++) {
                keys[k] = VectorSlices.slice(input[partitionColumns[k]], from, count, context.allocator());
            }
            return topRows(keys, count, null, from);
        } finally {
            WindowRows.close(keys);
        }
    }

    /** The survivors among the input rows listed (ascending) in {@code rows}. */
    private int[] selectAmong(int[] rows) {
        FieldVector[] keys = new FieldVector[partitionColumns.length];
        try {
            for (int k = 0; k < keys.length; k++) {
                keys[k] = ValueAccess.allocate(keyTypes.get(k), "", context.allocator(), rows.length);
                VectorGather.gather(input[partitionColumns[k]], rows, rows.length, keys[k]);
                keys[k].setValueCount(rows.length);
            }
            return topRows(keys, rows.length, rows, 0);
        } finally {
            WindowRows.close(keys);
        }
    }

    /**
     * Keeps the rows of each partition among {@code count} rows whose partition keys are {@code keys} that can
     * still reach the limit (see {@link #narrow}); null when more than half of the rows would be kept.
     */
    private int[] topRows(FieldVector[] keys, int count, int[] rows, int offset) {
        int[] groupIds = new int[count];
        int groups = 1;
        if (keys.length > 0) {
            try (GroupKeyTable table = GroupKeyTable.create(keyTypes, context.allocator())) {
                table.findOrInsert(keys, count, groupIds);
                groups = table.groupCount();
            }
        }
        if ((long) groups * limit > count / 2) {
            return null;
        }
        Narrowed narrowed = narrow(ordering, groupIds, groups, count, rows, offset, limit, kind);
        return narrowed.survivors().length > count / 2 ? null : narrowed.survivors();
    }

    /**
     * The rows that survive narrowing: ascending, and for each group its last listed row (the limit-th in
     * stable window order, the one later rows must beat) or -1 while it has fewer listed rows.
     */
    record Narrowed(int[] survivors, int[] lastListed) {
    }

    /**
     * Keeps the rows of each group among {@code count} rows that can still reach the limit: the first
     * {@code limit} rows in stable window order (ROW_NUMBER), every row not after the {@code limit}-th one
     * (RANK: its peers too), or every row not after the {@code limit}-th distinct order value (DENSE_RANK). Row i
     * is input row {@code rows[i]} (or {@code offset + i} when {@code rows} is null) of {@code ordering}'s input,
     * in group {@code groupIds[i]} of {@code groups}; the returned rows are input rows too.
     */
    static Narrowed narrow(RowOrdering ordering, int[] groupIds, int groups, int count, int[] rows, int offset,
                           int limit, WindowFunction.Kind kind) {
        boolean distinct = kind == WindowFunction.Kind.DENSE_RANK;
        // per group, a list of at most limit positions sorted in window order (stable: equal rows keep input order)
        int[] best = new int[groups * limit];
        int[] filled = new int[groups];
        for (int i = 0; i < count; i++) {
            int row = rows == null ? offset + i : rows[i];
            int group = groupIds[i];
            int base = group * limit;
            int size = filled[group];
            // Full: the newcomer must beat the last listed row strictly (an equal one sorts after it, or is a peer
            // of the last row, or has the last distinct value): the common case rejects with one comparison.
            if (size == limit && ordering.compareOrder(row, inputRow(best[base + limit - 1], rows, offset)) >= 0) {
                continue;
            }
            int at = size;
            int comparison = 1;
            while (at > 0
                    && (comparison = ordering.compareOrder(row, inputRow(best[base + at - 1], rows, offset))) < 0) {
                at--;
            }
            if (distinct && at > 0 && comparison == 0) {
                continue;
            }
            for (int slot = Math.min(size, limit - 1); slot > at; slot--) {
                best[base + slot] = best[base + slot - 1];
            }
            best[base + at] = i;
            if (size < limit) {
                filled[group] = size + 1;
            }
        }
        int[] lastListed = new int[groups];
        for (int group = 0; group < groups; group++) {
            lastListed[group] = filled[group] < limit ? -1 : inputRow(best[group * limit + limit - 1], rows, offset);
        }
        boolean[] keep = new boolean[count];
        int kept = 0;
        if (kind == WindowFunction.Kind.ROW_NUMBER) {
            for (int group = 0; group < groups; group++) {
                int base = group * limit;
                for (int slot = 0; slot < filled[group]; slot++) {
                    keep[best[base + slot]] = true;
                }
                kept += filled[group];
            }
        } else {
            // every row up to the group's last listed row: with it, its peers
            for (int i = 0; i < count; i++) {
                int last = lastListed[groupIds[i]];
                if (last < 0 || ordering.compareOrder(rows == null ? offset + i : rows[i], last) <= 0) {
                    keep[i] = true;
                    kept++;
                }
            }
        }
        int[] survivors = new int[kept];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                survivors[at++] = rows == null ? offset + i : rows[i];
            }
        }
        return new Narrowed(survivors, lastListed);
    }

    private static int inputRow(int i, int[] rows, int offset) {
        return rows == null ? offset + i : rows[i];
    }
}
