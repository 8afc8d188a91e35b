package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;

/**
 * The error for an aggregate called the wrong way round: a plain aggregate with WITHIN GROUP, or an ordered-set
 * aggregate without it. PostgreSQL first looks the function up by all its arguments (direct arguments and sort
 * keys together); when one exists the error names the misuse (42809), otherwise the function does not exist
 * (42883).
 */
final class OrderedSetMisuse {
    private OrderedSetMisuse() {
    }

    /** The exception to throw for {@code name(all)}, called {@code withinGroup} or not. */
    static BasaltException error(String name, List<BoundExpression> all, boolean withinGroup, int position) {
        if (withinGroup && Functions.isAggregate(name) && !Functions.isOrderedSetAggregate(name)
                && resolvesAsPlain(name, all, position)) {
            return BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position,
                    name + " is not an ordered-set aggregate, so it cannot have WITHIN GROUP");
        }
        if (!withinGroup && Functions.isOrderedSetAggregate(name) && all.size() == (name.equals("mode") ? 1 : 2)) {
            return BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position,
                    "WITHIN GROUP is required for ordered-set aggregate " + name);
        }
        return Functions.undefined(name, all, position);
    }

    private static boolean resolvesAsPlain(String name, List<BoundExpression> all, int position) {
        try {
            Functions.aggregate(name, all, position);
            return true;
        } catch (BasaltException noSuchFunction) {
            return false;
        }
    }
}
