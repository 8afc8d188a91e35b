package io.basalt.exec.operator.limit;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import io.basalt.exec.vector.VectorSlices;

/**
 * Skips {@code offset} rows, then passes at most {@code limit} rows ({@code limit < 0}: no limit) and
 * reports itself finished so the pipeline stops reading its source. Runs on one thread: the rows it
 * keeps are the first ones in pipeline order, which is what SQL requires after an ORDER BY.
 */
public record LimitOperator(PhysicalOperator child, long limit, long offset) implements StreamingOperator {
    public LimitOperator {
        requireNonNull(child, "child is null");
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public String describe() {
        return "Limit " + (limit < 0 ? "ALL" : limit) + " offset " + offset;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new OperatorState() {
            private long toSkip = offset;
            private long remaining = limit < 0 ? Long.MAX_VALUE : limit;
            private final List<FieldVector> slices = new ArrayList<>();

            @Override
            public Batch execute(Batch input) {
                releaseSlices();
                int rows = input.rowCount();
                int start = (int) Math.min(toSkip, rows);
                toSkip -= start;
                int take = (int) Math.min(remaining, rows - start);
                remaining -= take;
                if (start == 0 && take == rows) {
                    return input;
                }
                List<FieldVector> columns = new ArrayList<>(input.columnCount());
                for (FieldVector column : input.columns()) {
                    FieldVector slice = VectorSlices.slice(column, start, take, context.allocator());
                    slices.add(slice);
                    columns.add(slice);
                }
                return new Batch(columns, take);
            }

            @Override
            public boolean isFinished() {
                return remaining == 0;
            }

            private void releaseSlices() {
                for (FieldVector slice : slices) {
                    slice.close();
                }
                slices.clear();
            }

            @Override
            public void close() {
                releaseSlices();
            }
        };
    }
}
