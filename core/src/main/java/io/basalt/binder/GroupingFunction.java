package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * {@code GROUPING(e1, ..., en)} between binding and aggregation: the function of a
 * {@link BoundExpression.Function} whose arguments are the (input-level) expressions named. It is never
 * evaluated: the aggregation binder ({@link GroupingSetsPlan}) turns each such call into an output column
 * that holds, per grouping set, the bit mask whose bit {@code n-1-i} is set when {@code ei} is not grouped.
 */
record GroupingFunction() implements ScalarFunction {
    static final GroupingFunction INSTANCE = new GroupingFunction();
    /** PostgreSQL's limit: the mask must fit a signed 32-bit integer. */
    private static final int MAX_ARGUMENTS = 31;

    @Override
    public String name() {
        return "grouping";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        throw BasaltException.internal("GROUPING reached the executor");
    }

    static boolean isCall(BoundExpression expression) {
        return expression instanceof BoundExpression.Function function && function.function() instanceof GroupingFunction;
    }

    /** The bound call; {@code arguments} are bound over the query's input. */
    static BoundExpression call(List<BoundExpression> arguments, int position) {
        if (arguments.size() > MAX_ARGUMENTS) {
            throw BasaltException.at(SqlState.TOO_MANY_ARGUMENTS, position,
                    "GROUPING must have fewer than " + (MAX_ARGUMENTS + 1) + " arguments");
        }
        return new BoundExpression.Function(INSTANCE, arguments, LogicalType.INTEGER, position);
    }
}
