package io.basalt.exec.operator.set;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.PipelineExecutor;
import io.basalt.exec.spill.SpillFile;
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
 * held at a time, and only up to half the operator's share of the query's memory budget: past it, the input's
 * rows go to a spill file, read back in order (so UNION, INTERSECT and EXCEPT, whose aggregation spills by
 * itself, run within the budget). All inputs have the same column types.
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

            @Override
            public Batch next() {
                while (true) {
                    Batch batch = current == null ? null : current.next();
                    if (batch != null) {
                        return batch;
                    }
                    if (nextInput >= inputs.size()) {
                        return null;
                    }
                    release();
                    current = new KeptBatches(context);
                    new PipelineExecutor(context).run(inputs.get(nextInput++), current);
                }
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

    /**
     * One input's batches, kept until the source moves to the next input or closes: in memory as zero-copy
     * slices, or, once they exceed half the operator budget, all of them in one spill file (in order).
     */
    private static final class KeptBatches implements SinkState {
        private final ExecutionContext context;
        private final List<Batch> batches = new ArrayList<>();
        private long bytes;
        private SpillFile spilled;
        private SpillFile.Reader reader;
        private int nextBatch;

        KeptBatches(ExecutionContext context) {
            this.context = context;
        }

        @Override
        public void sink(Batch batch) {
            if (spilled != null) {
                spilled.append(batch);
                return;
            }
            List<FieldVector> columns = new ArrayList<>(batch.columnCount());
            for (FieldVector column : batch.columns()) {
                FieldVector slice = VectorSlices.slice(column, 0, batch.rowCount(), context.allocator());
                columns.add(slice);
                bytes += slice.getBufferSize();
            }
            batches.add(new Batch(columns, batch.rowCount()));
            if (bytes > context.memory().operatorBudget() / 2) {
                spilled = context.memory().spills().newFile("append");
                for (Batch kept : batches) {
                    spilled.append(kept);
                }
                closeBatches();
            }
        }

        @Override
        public void finish() {
            if (spilled != null) {
                spilled.finishWriting();
            }
        }

        /** The next kept batch (valid until the next call), or null after the last. */
        Batch next() {
            if (spilled == null) {
                return nextBatch < batches.size() ? batches.get(nextBatch++) : null;
            }
            if (reader == null) {
                reader = spilled.open(context.allocator());
            }
            return reader.next();
        }

        @Override
        public SourceState openResult() {
            throw new UnsupportedOperationException("an append reads its kept batches itself");
        }

        private void closeBatches() {
            for (Batch batch : batches) {
                for (FieldVector column : batch.columns()) {
                    column.close();
                }
            }
            batches.clear();
        }

        @Override
        public void close() {
            closeBatches();
            if (reader != null) {
                reader.close();
                reader = null;
            }
            if (spilled != null) {
                spilled.delete();
                spilled = null;
            }
        }
    }
}
