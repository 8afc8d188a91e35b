package io.basalt.exec.operator.subquery;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.LentRows;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.vector.VectorCopies;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * An InitPlan over the very rows it passes on: {@code input}'s rows are kept, {@code subplan} runs once over them
 * (reading them through {@code inputRows}) and its one row becomes {@code values}, then the kept rows are handed on.
 * It computes a value that depends on all of its input, such as TPC-H Q11's total of the groups' sums that its
 * HAVING compares each group with, once instead of per row as a window over all rows would (a window's value is a
 * column, so an expression over it is computed per row); only the expressions of the nodes above may read the
 * values.
 *
 * <p>Output: {@code input}'s columns, in input order.
 */
public record InitPlanOverInputOperator(PhysicalOperator input, PhysicalOperator subplan, LentRows inputRows,
                                        InitPlanValues values) implements SinkOperator {
    public InitPlanOverInputOperator {
        requireNonNull(input, "input is null");
        requireNonNull(subplan, "subplan is null");
        requireNonNull(inputRows, "inputRows is null");
        requireNonNull(values, "values is null");
    }

    @Override
    public PhysicalOperator child() {
        return input;
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of(input, subplan);
    }

    @Override
    public List<LogicalType> outputTypes() {
        return input.outputTypes();
    }

    @Override
    public String describe() {
        return "InitPlan over input " + values.types();
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new KeptRows(context);
    }

    // ---- sink: keep the rows, run the subplan over them at the end ---------------------------------------

    private final class KeptRows implements SinkState {
        private final ExecutionContext context;
        private final List<Batch> batches = new ArrayList<>();

        KeptRows(ExecutionContext context) {
            this.context = context;
        }

        @Override
        public void sink(Batch batch) {
            if (batch.rowCount() == 0) {
                return;
            }
            batches.add(VectorCopies.copy(batch, context.allocator()));
        }

        @Override
        public void finish() {
            inputRows.lend(batches);
            SingleRowSink row = new SingleRowSink(values);
            try {
                new PipelineExecutor(context).run(subplan, row);
            } finally {
                inputRows.lend(List.of());
                row.close();
            }
        }

        // ---- source: the kept rows, as they came ---------------------------------------------------------

        @Override
        public SourceState openResult() {
            return new SourceState() {
                private int next;

                @Override
                public Batch next() {
                    return next < batches.size() ? batches.get(next++) : null;
                }

                @Override
                public void close() {
                }
            };
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
