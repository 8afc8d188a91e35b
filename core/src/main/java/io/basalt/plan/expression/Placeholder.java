package io.basalt.plan.expression;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.vector.FieldVector;

/**
 * A leaf of a bound expression that stands for a value the plan does not have yet, carried as the
 * function of an argument-less {@link BoundExpression.Function} so that every expression walker passes it
 * through unchanged. Two kinds exist while subqueries are being planned: a correlated subquery's
 * reference to a column of an enclosing query ({@link OuterColumn}), and the result of a subquery in an
 * expression before the binder has placed the subquery in the plan ({@link SubqueryResult}), and the result
 * of a window function call before the binder has placed its window ({@link WindowResult}). The binder
 * replaces every {@code SubqueryResult} and {@code WindowResult}, the decorrelation rule every {@code OuterColumn}; none is ever
 * evaluated, and none counts as a constant.
 */
public sealed interface Placeholder extends ScalarFunction permits Placeholder.OuterColumn, Placeholder.SubqueryResult,
        Placeholder.WindowResult {
    @Override
    default FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        throw BasaltException.internal(name() + " reached the executor");
    }

    /**
     * Column {@code index} of the query {@code depth} levels out (1: the query directly enclosing the
     * subquery that holds this reference).
     */
    record OuterColumn(int depth, int index, String qualifiedName) implements Placeholder {
        @Override
        public String name() {
            return "outer(" + depth + ")." + qualifiedName;
        }
    }

    /** The result of subquery number {@code id} of the clause being bound. */
    record SubqueryResult(int id) implements Placeholder {
        @Override
        public String name() {
            return "subquery#" + id;
        }
    }

    /** The result of window function call number {@code id} of the SELECT being bound. */
    record WindowResult(int id) implements Placeholder {
        @Override
        public String name() {
            return "window#" + id;
        }
    }

    /** The expression of a placeholder of {@code type}. */
    static BoundExpression of(Placeholder placeholder, LogicalType type, int position) {
        return new BoundExpression.Function(placeholder, java.util.List.of(), type, position);
    }

    /** The placeholder {@code expression} is, or null. */
    static Placeholder in(BoundExpression expression) {
        return expression instanceof BoundExpression.Function function && function.function() instanceof Placeholder p
                ? p : null;
    }
}
