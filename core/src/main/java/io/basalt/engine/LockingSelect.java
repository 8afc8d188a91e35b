package io.basalt.engine;

import io.basalt.binder.BoundQuery;
import io.basalt.binder.LockingQueryBinder;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.MaterializedRows;
import io.basalt.exec.vector.VectorGather;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Runs a SELECT with locking clauses, bound by {@link LockingQueryBinder}: runs the candidate query to the end,
 * then walks its rows in order and locks each target table's row in it (waiting, failing or skipping as the clause
 * says), keeping a row once all its tables' rows are locked, until OFFSET + LIMIT rows are kept; the rows after the
 * OFFSET are the result. Rows are locked on the session's thread, where the statement's transaction is bound.
 *
 * <p>A target's row id is NULL on the null-extended side of an outer join: nothing to lock there.
 */
final class LockingSelect {
    private final BiConsumer<LogicalPlan, SinkState> execute;
    private final Function<BoundQuery, QueryResultImpl> runQuery;
    private final Supplier<BufferAllocator> allocators;

    LockingSelect(BiConsumer<LogicalPlan, SinkState> execute, Function<BoundQuery, QueryResultImpl> runQuery,
                  Supplier<BufferAllocator> allocators) {
        this.execute = execute;
        this.runQuery = runQuery;
        this.allocators = allocators;
    }

    QueryResultImpl run(LockingQueryBinder.BoundLocking bound) {
        List<LogicalType> types = bound.plan().outputTypes();
        int width = types.size();
        int visible = bound.names().size();
        try (BufferAllocator allocator = allocators.get();
             MaterializedRows candidates = new MaterializedRows("candidates", types, allocator);
             MaterializedRows locked = new MaterializedRows("locked", types, allocator)) {
            execute.accept(bound.plan(), candidates.sink());
            SinkState keep = locked.sink();
            long wanted = bound.limit() < 0 ? Long.MAX_VALUE : bound.offset() + bound.limit();
            long kept = 0;
            int[] all = new int[width];
            for (int c = 0; c < width; c++) {
                all[c] = c;
            }
            SourceState rows = candidates.open(all, null);
            for (Batch batch = rows.next(); batch != null && kept < wanted; batch = rows.next()) {
                int[] selection = new int[batch.rowCount()];
                int count = 0;
                for (int row = 0; row < batch.rowCount() && kept < wanted; row++) {
                    if (lockAll(bound.targets(), batch, row)) {
                        kept++;
                        if (kept > bound.offset()) {
                            selection[count++] = row;
                        }
                    }
                }
                if (count > 0) {
                    Batch chosen = VectorGather.gatherCopy(batch, selection, count, allocator);
                    try {
                        keep.sink(chosen);
                    } finally {
                        for (FieldVector column : chosen.columns()) {
                            column.close();
                        }
                    }
                }
            }
            rows.close();
            int[] columns = new int[visible];
            for (int c = 0; c < visible; c++) {
                columns[c] = c;
            }
            LogicalPlan result = new LogicalPlan.Scan(locked, columns, types.subList(0, visible));
            return runQuery.apply(new BoundQuery(result, bound.names()));
        }
    }

    /** Locks the row of every target in {@code row}; false when SKIP LOCKED passed over one of them. */
    private static boolean lockAll(List<LockingQueryBinder.Target> targets, Batch batch, int row) {
        for (LockingQueryBinder.Target target : targets) {
            BigIntVector rowIds = (BigIntVector) batch.column(target.rowIdColumn());
            if (rowIds.isNull(row)) {
                continue;
            }
            boolean[] done = target.store().lockRows(new long[] {rowIds.get(row)}, target.mode(), target.waitPolicy());
            if (!done[0]) {
                return false;
            }
        }
        return true;
    }
}
