package io.basalt.exec.operator.values;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * A literal table: {@code VALUES (...), (...)}, and the single empty row that a SELECT without FROM
 * reads. Each row's expressions reference no columns; they are evaluated one row at a time (VALUES
 * lists are written by people, not scanned at scale).
 */
public record ValuesOperator(List<List<PhysicalExpression>> rows, List<LogicalType> outputTypes)
        implements SourceOperator {
    public ValuesOperator {
        rows = rows.stream().map(List::copyOf).toList();
        outputTypes = List.copyOf(requireNonNull(outputTypes, "outputTypes is null"));
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Values " + rows.size() + " rows";
    }

    @Override
    public SourceState openSource(ExecutionContext context) {
        return new SourceState() {
            private final EvaluationContext output = new EvaluationContext(context.allocator());
            private final EvaluationContext scratch = new EvaluationContext(context.allocator());
            private final Batch oneEmptyRow = new Batch(List.of(), 1);
            private int next;

            @Override
            public Batch next() {
                output.releaseBatch();
                if (next >= rows.size()) {
                    return null;
                }
                int count = Math.min(context.vectorSize(), rows.size() - next);
                List<FieldVector> columns = new ArrayList<>(outputTypes.size());
                for (LogicalType type : outputTypes) {
                    columns.add(output.newVector(type, count));
                }
                for (int r = 0; r < count; r++) {
                    List<PhysicalExpression> row = rows.get(next + r);
                    for (int c = 0; c < columns.size(); c++) {
                        FieldVector value = row.get(c).evaluate(oneEmptyRow, scratch);
                        VectorGather.copyValue(value, 0, columns.get(c), r);
                    }
                    scratch.releaseBatch();
                }
                for (FieldVector column : columns) {
                    column.setValueCount(count);
                }
                next += count;
                return new Batch(columns, count);
            }

            @Override
            public void close() {
                output.close();
                scratch.close();
            }
        };
    }
}
