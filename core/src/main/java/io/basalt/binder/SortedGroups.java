package io.basalt.binder;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.DistinctAggregate;
import io.basalt.exec.function.aggregate.HypotheticalSetAggregate;
import io.basalt.exec.function.aggregate.ModeAggregate;
import io.basalt.exec.function.aggregate.OrderedAggregate;
import io.basalt.exec.function.aggregate.PercentileAggregate;
import io.basalt.exec.function.aggregate.PercentileArrayAggregate;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which a grouped query without ORDER BY returns its groups when an aggregate sorts its input
 * ({@code DISTINCT}, {@code ORDER BY} inside the call, an ordered-set or hypothetical-set aggregate): PostgreSQL
 * cannot hash such aggregates, so it sorts the rows by the GROUP BY keys and returns the groups in that order
 * (ascending, NULLs last). Basalt groups by hashing, then sorts the groups the same way, so that such a query's
 * rows come out as PostgreSQL's do. Other grouped queries keep the hash order, as PostgreSQL's hash aggregation does
 * not promise one either.
 */
final class SortedGroups {
    private SortedGroups() {
    }

    /** Whether some aggregate of {@code specs} makes PostgreSQL sort the rows by the group keys. */
    static boolean needed(List<LogicalPlan.AggregateSpec> specs) {
        for (LogicalPlan.AggregateSpec spec : specs) {
            AggregateFunction function = spec.function();
            if (function instanceof DistinctAggregate || function instanceof OrderedAggregate
                    || function instanceof ModeAggregate || function instanceof PercentileAggregate
                    || function instanceof PercentileArrayAggregate || function instanceof HypotheticalSetAggregate) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code aggregate} (whose first {@code keys} columns are the group keys) sorted by the group keys it hashes:
     * keys it carries along because they depend on others' primary key
     * ({@link FunctionalDependencies#groupOnIndependentKeys}) are not sort keys, as PostgreSQL drops them too.
     */
    static LogicalPlan sort(LogicalPlan aggregate, int keys) {
        List<LogicalPlan.SortSpec> specs = new ArrayList<>(keys);
        for (int k = 0; k < keys; k++) {
            if (!carried(aggregate, k)) {
                specs.add(new LogicalPlan.SortSpec(k, false, false));
            }
        }
        return new LogicalPlan.Sort(aggregate, specs);
    }

    private static boolean carried(LogicalPlan plan, int column) {
        return plan instanceof LogicalPlan.Project project
                && project.input() instanceof LogicalPlan.Aggregate aggregate
                && project.expressions().get(column) instanceof BoundExpression.ColumnRef ref
                && ref.index() >= aggregate.groupKeys().size();
    }
}
