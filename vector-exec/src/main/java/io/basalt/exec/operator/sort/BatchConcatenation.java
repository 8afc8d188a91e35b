package io.basalt.exec.operator.sort;

import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.pipeline.ParallelTasks;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.VectorAppender;

/**
 * The batches a materializing operator (sort, window) kept, copied into one vector per column, so that the
 * rows can be addressed by one position and sorted by {@link RowOrdering}. Columns are independent, so they
 * are copied on up to the context's threads.
 */
public final class BatchConcatenation {
    private BatchConcatenation() {
    }

    /**
     * Concatenates {@code batches} (each a list of column vectors, not taken over) into one vector per column,
     * which the caller owns (on failure, nothing is left allocated).
     */
    public static FieldVector[] concatenate(List<List<FieldVector>> batches, int rowCount, List<LogicalType> types,
                                            ExecutionContext context, boolean parallel) {
        FieldVector[] input = new FieldVector[types.size()];
        try {
            for (int c = 0; c < input.length; c++) {
                input[c] = ValueAccess.allocate(types.get(c), "", context.allocator(), rowCount);
                input[c].setValueCount(0);
            }
            ParallelTasks.Task copy = c -> {
                VectorAppender appender = new VectorAppender(input[c]);
                for (List<FieldVector> batch : batches) {
                    batch.get(c).accept(appender, null);
                }
                input[c].setValueCount(rowCount);
            };
            if (parallel) {
                ParallelTasks.run(context, input.length, copy);
            } else {
                for (int c = 0; c < input.length; c++) {
                    copy.run(c);
                }
            }
            return input;
        } catch (RuntimeException | Error failure) {
            close(input);
            throw failure;
        }
    }

    /** Closes every non-null vector of {@code vectors}. */
    public static void close(FieldVector[] vectors) {
        for (FieldVector vector : vectors) {
            if (vector != null) {
                vector.close();
            }
        }
    }
}
