package io.basalt.exec.operator.join;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * A LATERAL join the optimizer could not turn into a plain join, run as a dependent nested loop: for each row of
 * {@code child} it points {@code row} at that row, runs the {@code right} plan to its end (its parameters read the
 * row), and emits the row beside each right row for which {@code condition} (over the child's columns, then the
 * right's; null: true) holds. With {@link JoinType#LEFT}, a child row without such a right row is emitted once
 * with NULLs on the right. Output: the child's columns, then the right plan's.
 *
 * <p>The right plan runs once per child row, so this costs the child's row count times the right side's; the
 * optimizer decorrelates the common shapes (a filter on the left row's columns) into hash joins instead. With
 * {@code parameterColumns} (the child columns the right plan reads; null when the right plan is volatile and must
 * run every time), the right rows are remembered per distinct parameter values, up to {@link #CACHED_ROWS} rows in
 * all, as PostgreSQL's Memoize node does.
 */
public record LateralJoinOperator(PhysicalOperator child, PhysicalOperator right, LateralRow row, JoinType joinType,
                                  PhysicalExpression condition, int[] parameterColumns) implements StreamingOperator {
    /** How many right rows the cache of one operator state holds at most. */
    static final long CACHED_ROWS = 1_000_000;

    public LateralJoinOperator {
        requireNonNull(child, "child is null");
        requireNonNull(right, "right is null");
        requireNonNull(row, "row is null");
        if (joinType != JoinType.INNER && joinType != JoinType.LEFT) {
            throw new IllegalArgumentException("a LATERAL join is INNER or LEFT, not " + joinType);
        }
        parameterColumns = parameterColumns == null ? null : parameterColumns.clone();
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>(child.outputTypes());
        types.addAll(right.outputTypes());
        return types;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(child, right);
    }

    @Override
    public String describe() {
        return "Lateral NestedLoop " + joinType + (condition == null ? "" : " condition=" + condition);
    }

    @Override
    public ExpandingOperatorState openOperator(ExecutionContext context) {
        return new LateralState(context);
    }

    private final class LateralState implements ExpandingOperatorState {
        private final ExecutionContext context;
        private final EvaluationContext evaluation;
        private Batch input;
        private int current;
        /** The right plan's rows for the current child row, copies this state owns; null between rows. */
        private List<Batch> rightRows;
        /** Whether {@link #rightRows} belongs to the cache (else it is freed when the row is done). */
        private boolean rightRowsCached;
        private final java.util.Map<List<Object>, List<Batch>> cache = new java.util.HashMap<>();
        private long cachedRows;
        private int nextPiece;
        private boolean matched;

        LateralState(ExecutionContext context) {
            this.context = context;
            this.evaluation = new EvaluationContext(context.allocator());
        }

        @Override
        public Batch execute(Batch batch) {
            input = batch;
            current = -1;
            Batch first = continueOutput();
            return first != null ? first : empty();
        }

        @Override
        public Batch continueOutput() {
            evaluation.releaseBatch();
            while (input != null) {
                if (rightRows != null && nextPiece < rightRows.size()) {
                    Batch piece = pair(rightRows.get(nextPiece++));
                    if (piece.rowCount() > 0) {
                        matched = true;
                        return piece;
                    }
                    continue;
                }
                boolean unmatched = rightRows != null && !matched && joinType == JoinType.LEFT;
                freeRightRows();
                if (unmatched) {
                    return withNulls();
                }
                if (++current == input.rowCount()) {
                    input = null;
                    return null;
                }
                rightRows = runRight();
                nextPiece = 0;
                matched = false;
            }
            return null;
        }

        /** The right plan's rows for child row {@code current}, from the cache when it has them. */
        private List<Batch> runRight() {
            rightRowsCached = false;
            if (parameterColumns == null) {
                return execute();
            }
            Object[] values = new Object[parameterColumns.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueAccess.get(input.column(parameterColumns[i]), current);
            }
            List<Object> key = Arrays.asList(values);
            List<Batch> cached = cache.get(key);
            if (cached == null) {
                cached = execute();
                long rows = 0;
                for (Batch batch : cached) {
                    rows += batch.rowCount();
                }
                if (cachedRows + rows > CACHED_ROWS) {
                    return cached;
                }
                cachedRows += rows;
                cache.put(key, cached);
            }
            rightRowsCached = true;
            return cached;
        }

        private List<Batch> execute() {
            row.set(input, current);
            Collector collector = new Collector();
            try {
                new PipelineExecutor(context).run(right, collector);
                return collector.take();
            } finally {
                collector.close();
            }
        }

        /** Child row {@code current} beside each row of {@code rightBatch}, filtered by the condition. */
        private Batch pair(Batch rightBatch) {
            int rows = rightBatch.rowCount();
            List<FieldVector> columns = new ArrayList<>(input.columnCount() + rightBatch.columnCount());
            int[] same = new int[rows];
            Arrays.fill(same, current);
            for (FieldVector column : input.columns()) {
                FieldVector repeated = evaluation.newVector(LogicalType.of(column.getField()), rows);
                VectorGather.gather(column, same, rows, repeated);
                columns.add(repeated);
            }
            columns.addAll(rightBatch.columns());
            Batch paired = new Batch(columns, rows);
            if (condition == null) {
                return paired;
            }
            BitVector accepted = (BitVector) condition.evaluate(paired, evaluation);
            int[] selection = new int[rows];
            int count = 0;
            for (int r = 0; r < rows; r++) {
                if (!accepted.isNull(r) && accepted.get(r) != 0) {
                    selection[count++] = r;
                }
            }
            return VectorGather.gather(paired, selection, count, evaluation);
        }

        /** Child row {@code current} with NULLs for the right columns. */
        private Batch withNulls() {
            List<FieldVector> columns = new ArrayList<>();
            int[] one = {current};
            for (FieldVector column : input.columns()) {
                FieldVector copy = evaluation.newVector(LogicalType.of(column.getField()), 1);
                VectorGather.gather(column, one, 1, copy);
                columns.add(copy);
            }
            for (LogicalType type : right.outputTypes()) {
                FieldVector nulls = evaluation.newVector(type, 1);
                ValueAccess.set(nulls, 0, null);
                nulls.setValueCount(1);
                columns.add(nulls);
            }
            return new Batch(columns, 1);
        }

        private Batch empty() {
            List<FieldVector> columns = new ArrayList<>();
            for (LogicalType type : outputTypes()) {
                FieldVector vector = evaluation.newVector(type, 0);
                vector.setValueCount(0);
                columns.add(vector);
            }
            return new Batch(columns, 0);
        }

        private void freeRightRows() {
            if (rightRows != null && !rightRowsCached) {
                free(rightRows);
            }
            rightRows = null;
        }

        private static void free(List<Batch> batches) {
            for (Batch batch : batches) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
        }

        @Override
        public void close() {
            freeRightRows();
            for (List<Batch> batches : cache.values()) {
                free(batches);
            }
            cache.clear();
            evaluation.close();
        }

        /** Keeps copies of the right plan's batches. */
        private final class Collector implements SinkState {
            private List<Batch> batches = new ArrayList<>();

            @Override
            public void sink(Batch batch) {
                batches.add(VectorCopies.copy(batch, context.allocator()));
            }

            List<Batch> take() {
                List<Batch> taken = batches;
                batches = new ArrayList<>();
                return taken;
            }

            @Override
            public void finish() {
            }

            @Override
            public SourceState openResult() {
                throw new UnsupportedOperationException("the collector's batches are taken, not read");
            }

            @Override
            public void close() {
                for (Batch batch : batches) {
                    for (FieldVector column : batch.columns()) {
                        column.close();
                    }
                }
            }
        }
    }
}
