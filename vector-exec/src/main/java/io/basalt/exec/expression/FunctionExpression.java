package io.basalt.exec.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/** A call of a scalar function resolved by the binder. */
public record FunctionExpression(ScalarFunction function, List<PhysicalExpression> arguments, LogicalType type)
        implements PhysicalExpression {
    public FunctionExpression {
        requireNonNull(function, "function is null");
        arguments = List.copyOf(arguments);
        requireNonNull(type, "type is null");
    }

    @Override
    public FieldVector evaluate(Batch batch, EvaluationContext context) {
        FieldVector[] evaluated = new FieldVector[arguments.size()];
        for (int i = 0; i < evaluated.length; i++) {
            evaluated[i] = arguments.get(i).evaluate(batch, context);
        }
        FieldVector out = function.apply(evaluated, batch.rowCount(), type, context);
        out.setValueCount(batch.rowCount());
        return out;
    }

    @Override
    public String toString() {
        return function.name() + arguments;
    }
}
