package io.basalt.engine;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.optimizer.Optimizer;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.PhysicalPlanner;
import io.basalt.storage.table.LoggedTableStore;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * The queries ALTER TABLE runs over a table's rows: copying them, computed anew, into the store that replaces the
 * table's, and looking for a row that breaks a constraint about to be enforced; also a materialized view's query
 * filling its rows. They run on the calling thread,
 * so that the copy keeps the rows in scan order: replaying the statement from the log then gives every row the
 * same position (row id) it had, which later logged deletes rely on.
 */
final class TableRewrite {
    private final DatabaseImpl database;

    TableRewrite(DatabaseImpl database) {
        this.database = database;
    }

    /**
     * Appends to {@code target} (bypassing its log: the logged ALTER TABLE statement recreates the rows on replay)
     * every live row of {@code source}, whose columns have {@code sourceTypes}, computed by {@code values} (one
     * expression per target column over the source's columns). The target's unique keys are checked as usual.
     */
    void copy(TableStore source, List<LogicalType> sourceTypes, List<BoundExpression> values, TableStore target) {
        fill(new LogicalPlan.Project(scan(source, sourceTypes), values), target);
    }

    /**
     * Appends the rows of {@code plan} (whose output types are the target's column types) to {@code target},
     * bypassing its log, in the order the plan produces them on one thread.
     */
    void fill(LogicalPlan plan, TableStore target) {
        outsideTransaction(() -> fillNow(plan, target));
    }

    /**
     * Runs {@code work} outside the statement's transaction: DDL takes effect at once (see docs/STATUS.md), so its
     * reads see the newest committed rows and its writes go straight into the new store, not into a pending change.
     */
    private static void outsideTransaction(Runnable work) {
        ScopedValue.where(io.basalt.storage.table.TableTransaction.CURRENT, null).run(work);
    }

    private void fillNow(LogicalPlan plan, TableStore target) {
        List<String> names = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>(target.columnTypes());
        for (int c = 0; c < types.size(); c++) {
            names.add("column" + c);
        }
        TableStore unlogged = target instanceof LoggedTableStore logged ? logged.unlogged() : target;
        try (BufferAllocator allocator = database.newAllocator("result");
             ResultCollector collector = new ResultCollector(names, types, allocator)) {
            run(plan, collector);
            List<VectorSchemaRoot> roots = collector.takeBatches();
            try {
                List<Batch> batches = new ArrayList<>(roots.size());
                for (VectorSchemaRoot root : roots) {
                    batches.add(new Batch(root.getFieldVectors(), root.getRowCount()));
                }
                unlogged.appendAll(batches);
            } finally {
                for (VectorSchemaRoot root : roots) {
                    root.close();
                }
            }
        }
    }

    /** Whether some live row of {@code store} makes {@code condition} (over its columns) true. */
    boolean anyRow(TableStore store, List<LogicalType> types, BoundExpression condition) {
        boolean[] found = new boolean[1];
        outsideTransaction(() -> found[0] = anyRowNow(store, types, condition));
        return found[0];
    }

    private boolean anyRowNow(TableStore store, List<LogicalType> types, BoundExpression condition) {
        LogicalPlan plan = new LogicalPlan.Limit(new LogicalPlan.Project(
                new LogicalPlan.Filter(scan(store, types), List.of(condition)), List.of()), 1, 0);
        try (BufferAllocator allocator = database.newAllocator("result");
             ResultCollector collector = new ResultCollector(List.of(), List.of(), allocator)) {
            run(plan, collector);
            List<VectorSchemaRoot> roots = collector.takeBatches();
            long rows = 0;
            for (VectorSchemaRoot root : roots) {
                rows += root.getRowCount();
                root.close();
            }
            return rows > 0;
        }
    }

    private static LogicalPlan scan(TableStore store, List<LogicalType> types) {
        int[] columns = new int[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = c;
        }
        return new LogicalPlan.Scan(store, columns, types);
    }

    private void run(LogicalPlan plan, ResultCollector collector) {
        PhysicalOperator operator = PhysicalPlanner.plan(Optimizer.optimize(plan));
        try (BufferAllocator queryAllocator = database.newAllocator("query")) {
            ExecutionContext context = ExecutionContext.of(queryAllocator, database.config().vectorSize());
            new PipelineExecutor(context).run(operator, collector);
        }
    }
}
