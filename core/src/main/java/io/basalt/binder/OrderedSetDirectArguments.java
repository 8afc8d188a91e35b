package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.exec.function.aggregate.HypotheticalSetAggregate;
import io.basalt.exec.function.aggregate.PercentileAggregate;
import io.basalt.exec.function.aggregate.PercentileArrayAggregate;
import io.basalt.plan.expression.BoundExpression;
import java.util.List;

/**
 * PostgreSQL's rule for the direct arguments of an ordered-set or hypothetical-set aggregate (the fraction of
 * {@code percentile_disc(0.5)}, the hypothetical row of {@code rank(3)}): they are evaluated once per group, so they
 * may use only grouped columns (42803, with PostgreSQL's DETAIL, at the first ungrouped column).
 */
final class OrderedSetDirectArguments {
    private OrderedSetDirectArguments() {
    }

    /** Checks the direct arguments of {@code call} (none for other aggregates) against the group keys. */
    static void requireGrouped(BoundExpression.AggregateCall call, List<BoundExpression> groupKeys) {
        if (!(call.function() instanceof HypotheticalSetAggregate || call.function() instanceof PercentileAggregate
                || call.function() instanceof PercentileArrayAggregate)) {
            return;
        }
        for (BoundExpression direct : call.extraArguments()) {
            try {
                new ExpressionRewriter(groupKeys).rewrite(direct);
            } catch (BasaltException ungrouped) {
                if (ungrouped.sqlState() != io.basalt.error.SqlState.GROUPING_ERROR) {
                    throw ungrouped;
                }
                throw ungrouped.withDetail(
                        "Direct arguments of an ordered-set aggregate must use only grouped columns.");
            }
        }
    }
}
