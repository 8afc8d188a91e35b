package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.LentRows;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;

/**
 * ON CONFLICT DO UPDATE whose SET list or WHERE condition holds subqueries, run as a plan rather than as
 * expressions: {@code plan} reads {@code input}, the conflicting rows (each stored row's columns, then the proposed
 * row's, then the row's position among them, an INTEGER), keeps those the WHERE condition accepts, and produces for
 * each the new version's columns followed by that position. The subqueries may read both rows (correlated) and run
 * as any query's subqueries do.
 */
public record ConflictUpdatePlan(PhysicalOperator plan, LentRows input) {
    public ConflictUpdatePlan {
        requireNonNull(plan, "plan is null");
        requireNonNull(input, "input is null");
    }

    /** The new versions (vectors owned by {@code evaluation}) and, per version, the pair row it updates. */
    record Computed(Batch versions, int[] selection) {
    }

    /**
     * Runs the plan over {@code pair} (stored row beside proposed row, dense): the new versions in the order of the
     * rows they update, which are ascending positions of {@code pair}.
     */
    Computed run(Batch pair, List<LogicalType> types, ExecutionContext context, EvaluationContext evaluation) {
        int rows = pair.rowCount();
        IntVector positions = (IntVector) evaluation.newVector(LogicalType.INTEGER, rows);
        for (int row = 0; row < rows; row++) {
            positions.set(row, row);
        }
        positions.setValueCount(rows);
        List<FieldVector> columns = new ArrayList<>(pair.columns());
        columns.add(positions);
        Batch numbered = new Batch(columns, rows);
        List<Batch> pieces = new ArrayList<>();
        int size = context.vectorSize();
        for (int start = 0; start < rows; start += size) {
            int count = Math.min(size, rows - start);
            int[] range = new int[count];
            for (int i = 0; i < count; i++) {
                range[i] = start + i;
            }
            pieces.add(start == 0 && count == rows ? numbered
                    : VectorGather.gather(numbered, range, count, evaluation));
        }
        input.lend(pieces);
        Collector collector = new Collector(context);
        try {
            new PipelineExecutor(context).run(plan, collector);
            input.lend(List.of());
            return arrange(collector.batches, rows, types, evaluation);
        } finally {
            collector.close();
        }
    }

    /** The collected versions copied into position order. */
    private static Computed arrange(List<Batch> batches, int rows, List<LogicalType> types,
                                    EvaluationContext evaluation) {
        int width = types.size();
        // where each pair row's version is: batch and row within it, or -1 when WHERE rejected the row
        int[] batchOf = new int[rows];
        int[] rowOf = new int[rows];
        java.util.Arrays.fill(batchOf, -1);
        int count = 0;
        for (int b = 0; b < batches.size(); b++) {
            Batch batch = batches.get(b);
            IntVector positions = (IntVector) batch.column(width);
            for (int row = 0; row < batch.rowCount(); row++) {
                int position = positions.get(row);
                if (batchOf[position] >= 0) {
                    throw new IllegalStateException("ON CONFLICT DO UPDATE computed two versions of one row");
                }
                batchOf[position] = b;
                rowOf[position] = row;
                count++;
            }
        }
        int[] selection = new int[count];
        List<FieldVector> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            columns.add(evaluation.newVector(types.get(c), count));
        }
        int next = 0;
        for (int position = 0; position < rows; position++) {
            if (batchOf[position] < 0) {
                continue;
            }
            Batch batch = batches.get(batchOf[position]);
            for (int c = 0; c < width; c++) {
                VectorGather.copyValue(batch.column(c), rowOf[position], columns.get(c), next);
            }
            selection[next++] = position;
        }
        for (FieldVector column : columns) {
            column.setValueCount(count);
        }
        return new Computed(new Batch(columns, count), selection);
    }

    /** Keeps copies of the plan's output batches until closed. */
    private static final class Collector implements SinkState {
        private final ExecutionContext context;
        private final List<Batch> batches = new ArrayList<>();

        Collector(ExecutionContext context) {
            this.context = context;
        }

        @Override
        public void sink(Batch batch) {
            batches.add(VectorCopies.copy(batch, context.allocator()));
        }

        @Override
        public void finish() {
        }

        @Override
        public SourceState openResult() {
            throw new UnsupportedOperationException("the collector's batches are read in place");
        }

        @Override
        public void close() {
            for (Batch batch : batches) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
            batches.clear();
        }
    }
}
