package io.basalt.plan.expression;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.operator.subquery.InitPlanValues;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * Value {@code index} of an InitPlan's row ({@link io.basalt.plan.logical.LogicalPlan.InitPlanOverInput}), carried
 * as the function of an argument-less {@link BoundExpression.Function}: PostgreSQL's {@code (InitPlan 1).col1}. It is
 * the same for every row of a run, so it is evaluated as a constant, from the value the InitPlan computed before the
 * first row that reads it. Volatile only in the sense that planning must not fold it: its value is not known before
 * the query runs.
 */
public record InitPlanParameter(InitPlanValues values, int index) implements VolatileFunction {
    public InitPlanParameter {
        requireNonNull(values, "values is null");
        if (index < 0 || index >= values.types().size()) {
            throw new IllegalArgumentException("no InitPlan value " + index);
        }
    }

    /** The expression reading value {@code index} of {@code values}. */
    public static BoundExpression of(InitPlanValues values, int index) {
        return new BoundExpression.Function(new InitPlanParameter(values, index), List.of(),
                values.types().get(index), 0);
    }

    /** The parameter {@code expression} is, or null. */
    public static InitPlanParameter in(BoundExpression expression) {
        return expression instanceof BoundExpression.Function function
                && function.function() instanceof InitPlanParameter parameter ? parameter : null;
    }

    @Override
    public String name() {
        return "initplan.col" + (index + 1);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        // the value is encoded once per batch, as a constant is (ConstantExpression fills typed vectors in loops)
        return new ConstantExpression(resultType, values.value(index)).evaluate(new Batch(List.of(), rows), context);
    }
}
