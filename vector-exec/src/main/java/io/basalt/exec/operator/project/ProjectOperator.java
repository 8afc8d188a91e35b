package io.basalt.exec.operator.project;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.OperatorState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.StreamingOperator;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Computes one output column per expression. Column references pass their input vector through unchanged; a
 * projection of column references only passes a selective batch's selection through too, when its consumer takes
 * selective batches (see {@code io.basalt.exec.pipeline.SelectionHandOff}).
 */
public record ProjectOperator(PhysicalOperator child, List<PhysicalExpression> expressions) implements StreamingOperator {
    public ProjectOperator {
        requireNonNull(child, "child is null");
        expressions = List.copyOf(expressions);
    }

    @Override
    public List<LogicalType> outputTypes() {
        List<LogicalType> types = new ArrayList<>(expressions.size());
        for (PhysicalExpression expression : expressions) {
            types.add(expression.type());
        }
        return types;
    }

    @Override
    public boolean parallelSafe() {
        return true;
    }

    @Override
    public String describe() {
        return "Project " + expressions;
    }

    @Override
    public OperatorState openOperator(ExecutionContext context) {
        EvaluationContext evaluation = new EvaluationContext(context.allocator());
        boolean columnsOnly = true;
        for (PhysicalExpression expression : expressions) {
            columnsOnly &= expression instanceof ColumnExpression;
        }
        boolean reordersOnly = columnsOnly;
        return new OperatorState() {
            @Override
            public Batch execute(Batch input) {
                evaluation.releaseBatch();
                List<FieldVector> columns = new ArrayList<>(expressions.size());
                for (PhysicalExpression expression : expressions) {
                    columns.add(expression.evaluate(input, evaluation));
                }
                return new Batch(columns, input.rowCount(), input.selection());
            }

            /** Column references only: the selection passes through with the chosen vectors. */
            @Override
            public boolean acceptSelections(boolean consumerTakesSelections) {
                return reordersOnly && consumerTakesSelections;
            }

            @Override
            public void close() {
                evaluation.close();
            }
        };
    }
}
