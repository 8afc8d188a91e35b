package io.basalt.exec.operator.window;

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
 * The rows a window operator still needs when only each partition's first {@code limit} rows in window
 * order can reach the query's result (a filter {@code row_number() <= k} above a window whose calls look
 * only at earlier rows). Each worker takes a contiguous run of the input, numbers its partitions with a
 * {@link GroupKeyTable} and keeps, per partition, the {@code limit} rows that a stable sort would put first
 * (ties go to the earlier input row); a second pass over the survivors of all runs does the same across
 * runs. The survivors are a superset of the rows the full computation keeps, their row numbers, ranks and
 * dense ranks are unchanged, so the result is identical; the sort then only sees the survivors.
 */
final class PartitionTopRows {
    private final FieldVector[] input;
    private final int[] partitionColumns;
    private final List<LogicalType> keyTypes;
    private final RowOrdering ordering;
    private final int limit;
    private final ExecutionContext context;

    PartitionTopRows(FieldVector[] input, int[] partitionColumns, List<LogicalType> inputTypes, RowOrdering ordering,
                     int limit, ExecutionContext context) {
        this.input = input;
        this.partitionColumns = partitionColumns;
        this.keyTypes = new ArrayList<>(partitionColumns.length);
        for (int column : partitionColumns) {
            keyTypes.add(inputTypes.get(column));
        }
        this.ordering = ordering;
        this.limit = limit;
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
     * Keeps the first {@code limit} rows of each partition among {@code count} rows whose partition keys are
     * {@code keys}; row i is input row {@code rows[i]}, or {@code offset + i} when {@code rows} is null.
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
        int[] best = new int[groups * limit];
        int[] filled = new int[groups];
        for (int i = 0; i < count; i++) {
            int row = rows == null ? offset + i : rows[i];
            int group = groupIds[i];
            int base = group * limit;
            int slot = filled[group];
            if (slot == limit) {
                // Full: the newcomer must beat the last kept row strictly (an equal one sorts after it).
                if (ordering.compareOrder(row, inputRow(best[base + limit - 1], rows, offset)) >= 0) {
                    continue;
                }
                slot = limit - 1;
            } else {
                filled[group] = slot + 1;
            }
            while (slot > 0 && ordering.compareOrder(row, inputRow(best[base + slot - 1], rows, offset)) < 0) {
                best[base + slot] = best[base + slot - 1];
                slot--;
            }
            best[base + slot] = i;
        }
        boolean[] keep = new boolean[count];
        int kept = 0;
        for (int group = 0; group < groups; group++) {
            int base = group * limit;
            for (int slot = 0; slot < filled[group]; slot++) {
                keep[best[base + slot]] = true;
                kept++;
            }
        }
        int[] survivors = new int[kept];
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (keep[i]) {
                survivors[at++] = rows == null ? offset + i : rows[i];
            }
        }
        return survivors;
    }

    private static int inputRow(int i, int[] rows, int offset) {
        return rows == null ? offset + i : rows[i];
    }
}
