package io.basalt.exec.operator.set;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * UNION ALL: the rows of each input in turn, all of the first input's before any of the second's. It starts
 * a pipeline: when its source needs rows it runs the next input's own pipelines to completion into a sink
 * that keeps the batches (zero-copy slices), then hands them out. Running each input as separate
 * pipelines keeps an input's LIMIT from ending the pipeline the append feeds. Only one input's rows are
 * held at a time. All inputs have the same column types.
 */
public record AppendOperator(List<PhysicalOperator> inputs) implements SourceOperator {
    public AppendOperator {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an append needs an input");
        }
        for (PhysicalOperator input : inputs) {
            if (!input.outputTypes().equals(inputs.getFirst().outputTypes())) {
                throw new IllegalArgumentException("appended inputs differ in types: "
                        + inputs.getFirst().outputTypes() + " and " + input.outputTypes());
            }
        }
    }

    @Override
    public List<LogicalType> outputTypes() {
        return inputs.getFirst().outputTypes();
    }

    @Override
    public List<PhysicalOperator> children() {
        return inputs;
    }

    @Override
    public String describe() {
        return "Append";
    }

    @Override
    public SourceState openSource(ExecutionContext context) {
        return new SourceState() {
            private int nextInput;
            private KeptBatches current;
            private int nextBatch;

            @Override
            public Batch next() {
                while (current == null || nextBatch >= current.batches.size()) {
                    if (nextInput >= inputs.size()) {
                        return null;
                    }
                    release();
                    current = new KeptBatches(context);
                    nextBatch = 0;
                    new PipelineExecutor(context).run(inputs.get(nextInput++), current);
                }
                return current.batches.get(nextBatch++);
            }

            private void release() {
                if (current != null) {
                    current.close();
                    current = null;
                }
            }

            @Override
            public void close() {
                release();
            }
        };
    }

    /** One input's batches, kept until the source moves to the next input or closes. */
    private static final class KeptBatches implements SinkState {
        private final ExecutionContext context;
        private final List<Batch> batches = new ArrayList<>();

        KeptBatches(ExecutionContext context) {
            this.context = context;
        }

        @Override
        public void sink(Batch batch) {
            List<FieldVector> columns = new ArrayList<>(batch.columnCount());
            for (FieldVector column : batch.columns()) {
                columns.add(VectorSlices.slice(column, 0, batch.rowCount(), context.allocator()));
            }
            batches.add(new Batch(columns, batch.rowCount()));
        }

        @Override
        public void finish() {
        }

        @Override
        public SourceState openResult() {
            throw new UnsupportedOperationException("an append reads its kept batches itself");
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
