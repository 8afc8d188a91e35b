package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.List;
import java.util.Set;

/**
 * {@code agg(x) FILTER (WHERE f) OVER (...)}: an aggregate used as a window function sees, within each row's frame,
 * only the rows where {@code f} is true. For aggregates that skip NULL inputs (all the built-in ones but the
 * array and JSON collectors) that is the same as feeding them {@code CASE WHEN f THEN x END}, which is how the
 * call is bound: the window operator needs no notion of a filter. {@code count(*)} becomes
 * {@code count(CASE WHEN f THEN true END)}. PostgreSQL rejects FILTER on functions that are not aggregates with
 * 0A000, and so does this.
 */
final class WindowAggregateFilter {
    /** Aggregates whose result ignores rows whose (first) argument is NULL. */
    private static final Set<String> NULL_SKIPPING = Set.of("count", "sum", "avg", "min", "max", "stddev",
            "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "bool_and", "bool_or", "every",
            "bit_and", "bit_or", "bit_xor", "string_agg", "corr", "covar_pop", "covar_samp", "regr_avgx",
            "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy", "regr_syy");

    private WindowAggregateFilter() {
    }

    /** {@code resolved} (the call named {@code name}) restricted to the rows where {@code condition} holds. */
    static WindowFunctions.Resolved apply(WindowFunctions.Resolved resolved, String name, BoundExpression condition,
                                          int position) {
        WindowFunction function = resolved.function();
        if (function.kind() != WindowFunction.Kind.AGGREGATE) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, position,
                    "FILTER is not implemented for non-aggregate window functions");
        }
        if (!NULL_SKIPPING.contains(name)) {
            throw ExpressionBinder.notYet("FILTER on the window aggregate " + name, position);
        }
        if (resolved.arguments().isEmpty()) {
            BoundExpression counted = new BoundExpression.Case(List.of(condition),
                    List.of(new BoundExpression.Constant(true, LogicalType.BOOLEAN, position)),
                    new BoundExpression.Constant(null, LogicalType.BOOLEAN, position), LogicalType.BOOLEAN, position);
            return WindowFunctions.resolve("count", false, List.of(counted), position);
        }
        BoundExpression first = resolved.arguments().getFirst();
        BoundExpression filtered = new BoundExpression.Case(List.of(condition), List.of(first),
                new BoundExpression.Constant(null, first.type(), position), first.type(), position);
        List<BoundExpression> arguments = new java.util.ArrayList<>(resolved.arguments());
        arguments.set(0, filtered);
        return new WindowFunctions.Resolved(function, arguments);
    }
}
