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
 * keeps are the first ones in pipeline order, which is what SQL requires after an ORDER BY. With
 * {@code tieColumns} (FETCH FIRST ... WITH TIES; empty otherwise) it goes on passing the rows whose values in those
 * columns equal the last kept row's (NULLs equal, as sorting groups them), and finishes at the first row that
 * differs.
 */
public record LimitOperator(PhysicalOperator child, long limit, long offset, int[] tieColumns)
        implements StreamingOperator {
    public LimitOperator {
        requireNonNull(child, "child is null");
        tieColumns = tieColumns.clone();
    }

    public LimitOperator(PhysicalOperator child, long limit, long offset) {
        this(child, limit, offset, new int[0]);
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public String describe() {
        return "Limit " + (limit < 0 ? "ALL" : limit) + " offset " + offset + (tieColumns.length > 0 ? " with ties" : "");
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new OperatorState() {
            private long toSkip = offset;
            private long remaining = limit < 0 ? Long.MAX_VALUE : limit;
            private final List<FieldVector> slices = new ArrayList<>();
            /** WITH TIES: the sort key of the last row kept, once the limit is reached. */
            private List<Object> lastKey;
            /** WITH TIES: a row after the limit differed from the last kept one (or the limit was 0). */
            private boolean tiesEnded = tieColumns.length == 0;

            @Override
            public Batch execute(Batch input) {
                releaseSlices();
                int rows = input.rowCount();
                int start = (int) Math.min(toSkip, rows);
                toSkip -= start;
                int take = (int) Math.min(remaining, rows - start);
                remaining -= take;
                if (remaining == 0 && !tiesEnded) {
                    take = extendByTies(input, start, take);
                }
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

            /** The number of rows to take from {@code start} once the rows tying with the last kept one are added. */
            private int extendByTies(Batch input, int start, int take) {
                int end = start + take;
                if (take > 0) {
                    lastKey = key(input, end - 1);
                }
                if (lastKey == null) {
                    tiesEnded = true;
                    return take;
                }
                while (end < input.rowCount() && lastKey.equals(key(input, end))) {
                    end++;
                }
                tiesEnded = end < input.rowCount();
                return end - start;
            }

            private List<Object> key(Batch input, int row) {
                Object[] values = new Object[tieColumns.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = io.basalt.exec.vector.ValueComparison.equalityKey(
                            io.basalt.exec.vector.ValueAccess.get(input.column(tieColumns[k]), row));
                }
                return java.util.Arrays.asList(values);
            }

            @Override
            public boolean isFinished() {
                return remaining == 0 && tiesEnded;
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
