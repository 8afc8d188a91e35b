package io.basalt.binder;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.DistinctAggregate;
import io.basalt.exec.function.aggregate.OrderedAggregate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.planner.UserDefinedAggregate;

/**
 * PostgreSQL's sharing of transition states between the aggregate calls of one query: two calls of user-defined
 * aggregates whose transition function, state type and initial condition are the same, over the same arguments
 * with the same DISTINCT, ORDER BY and FILTER, run the transition function once per row and only their final
 * functions apart. Results are the same either way; what shows is how often a transition function with side
 * effects (RAISE NOTICE) runs. A later call is linked to the first such call of the statement
 * ({@link UserDefinedAggregate#shareTransitionsWith}).
 */
final class UserAggregateSharing {
    /** One bound call: its user-defined aggregate and what decides whether another call may share with it. */
    record Call(UserDefinedAggregate aggregate, boolean distinct, BoundExpression.AggregateCall bound) {
    }

    private UserAggregateSharing() {
    }

    /** Links {@code bound} to an earlier equivalent call of the statement, and remembers it. */
    static void register(Parameters parameters, BoundExpression.AggregateCall bound, boolean distinct) {
        UserDefinedAggregate aggregate = userAggregate(bound.function());
        if (aggregate == null) {
            return;
        }
        for (Call earlier : parameters.userAggregateCalls) {
            if (earlier.aggregate().transitionKey().equals(aggregate.transitionKey()) && earlier.distinct() == distinct
                    && sameOrBothNull(earlier.bound().argument(), bound.argument())
                    && ExpressionEquivalence.sameAll(earlier.bound().extraArguments(), bound.extraArguments())
                    && sameOrBothNull(earlier.bound().filter(), bound.filter())) {
                aggregate.shareTransitionsWith(earlier.aggregate());
                break;
            }
        }
        parameters.userAggregateCalls.add(new Call(aggregate, distinct, bound));
    }

    private static boolean sameOrBothNull(BoundExpression a, BoundExpression b) {
        return a == null ? b == null : b != null && ExpressionEquivalence.same(a, b);
    }

    /** The user-defined aggregate inside DISTINCT / ORDER BY wrappers, or null. */
    private static UserDefinedAggregate userAggregate(AggregateFunction function) {
        return switch (function) {
            case UserDefinedAggregate user -> user;
            case DistinctAggregate distinct -> userAggregate(distinct.inner());
            case OrderedAggregate ordered -> userAggregate(ordered.inner());
            default -> null;
        };
    }
}
