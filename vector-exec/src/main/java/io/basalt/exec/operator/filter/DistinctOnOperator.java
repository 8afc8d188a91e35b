package io.basalt.exec.operator.filter;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.ValueComparison;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.Arrays;
import java.util.List;

/**
 * SELECT DISTINCT ON over input sorted with the DISTINCT ON keys leading: passes the first row of each run of
 * rows with equal keys (NULLs equal, numerics by value) and drops the rest, remembering the last key across
 * batches. Runs on one thread, in the sort's order. Keys are compared as boxed values, one per row and key: the
 * operator sits after a sort, whose cost dominates.
 */
public record DistinctOnOperator(PhysicalOperator child, int[] keys) implements StreamingOperator {
    public DistinctOnOperator {
        requireNonNull(child, "child is null");
        keys = keys.clone();
    }

    @Override
    public List<LogicalType> outputTypes() {
        return child.outputTypes();
    }

    @Override
    public String describe() {
        return "Distinct on " + Arrays.toString(keys);
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        return new OperatorState() {
            private final EvaluationContext evaluation = new EvaluationContext(context.allocator());
            private List<Object> previous;

            @Override
            public Batch execute(Batch input) {
                evaluation.releaseBatch();
                int[] selection = new int[input.rowCount()];
                int count = 0;
                for (int row = 0; row < input.rowCount(); row++) {
                    Object[] key = new Object[keys.length];
                    for (int k = 0; k < keys.length; k++) {
                        key[k] = ValueComparison.equalityKey(ValueAccess.get(input.column(keys[k]), row));
                    }
                    List<Object> current = Arrays.asList(key);
                    if (!current.equals(previous)) {
                        selection[count++] = row;
                        previous = current;
                    }
                }
                return VectorGather.gather(input, selection, count, evaluation);
            }

            @Override
            public void close() {
                evaluation.close();
            }
        };
    }
}
