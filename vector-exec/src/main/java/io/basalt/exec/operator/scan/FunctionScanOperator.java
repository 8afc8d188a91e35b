package io.basalt.exec.operator.scan;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SourceOperator;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A set-returning function in FROM whose arguments are evaluated each time the operator opens (once per left row
 * when it is the right side of a LATERAL join, whose parameters the arguments read), then produces the function's
 * rows.
 */
public record FunctionScanOperator(SetFunction function, List<PhysicalExpression> arguments) implements SourceOperator {
    public FunctionScanOperator {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
    }

    @Override
    public List<LogicalType> outputTypes() {
        return function.outputTypes();
    }

    @Override
    public List<PhysicalOperator> children() {
        return List.of();
    }

    @Override
    public String describe() {
        return "Function Scan on " + function.name();
    }

    @Override
    public SourceState openSource(ExecutionContext context) {
        Object[] values = new Object[arguments.size()];
        try (EvaluationContext evaluation = new EvaluationContext(context.allocator())) {
            Batch oneRow = new Batch(List.of(), 1);
            for (int i = 0; i < values.length; i++) {
                values[i] = ValueAccess.get(arguments.get(i).evaluate(oneRow, evaluation), 0);
            }
        }
        return function.open(values, context);
    }
}
