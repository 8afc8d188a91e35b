package io.basalt.optimizer;

import io.basalt.optimizer.rule.DecorrelateLateralJoins;
import io.basalt.optimizer.rule.DecorrelateSubqueries;
import io.basalt.optimizer.rule.DeriveInputFiltersFromOr;
import io.basalt.optimizer.rule.DistinctOnFixedKeys;
import io.basalt.optimizer.rule.ExtractCommonConjuncts;
import io.basalt.optimizer.rule.FoldConstantFilters;
import io.basalt.optimizer.rule.OptimizerRule;
import io.basalt.optimizer.rule.PruneColumns;
import io.basalt.optimizer.rule.PushFiltersIntoJoins;
import io.basalt.optimizer.rule.PushPathExtractionsBelowJoins;
import io.basalt.optimizer.rule.PushPathExtractionsBelowWindows;
import io.basalt.optimizer.rule.PushSemiJoinsIntoInnerJoins;
import io.basalt.optimizer.rule.RangeHullOfOr;
import io.basalt.optimizer.rule.ReadShreddedPaths;
import io.basalt.optimizer.rule.ReorderJoins;
import io.basalt.optimizer.rule.ReuseGroupsForScalarSubquery;
import io.basalt.optimizer.rule.ReuseSubplanForScalarSubquery;
import io.basalt.optimizer.rule.SortedDistinct;
import io.basalt.optimizer.rule.SortedSetOperations;
import io.basalt.optimizer.rule.WindowForCorrelatedExtremum;
import io.basalt.plan.logical.LogicalPlan;
import java.util.List;

/** The rule catalogue, in the order the rules run. */
public final class Optimizer {
    private static final List<OptimizerRule> RULES = List.of(
            // A correlated min or max over relations the outer query joins alike is a window over its rows.
            new WindowForCorrelatedExtremum(),
            // Subqueries in expressions become joins before anything else looks at the plan.
            new DecorrelateSubqueries(),
            // A scalar subquery that aggregates the rows an outer GROUP BY groups is computed from the groups.
            new ReuseGroupsForScalarSubquery(),
            // One that aggregates a relation the outer query also joins (a CTE read twice) is a window over it.
            new ReuseSubplanForScalarSubquery(),
            // LATERAL items whose reading of the earlier items' row lifts out become plain joins too.
            new DecorrelateLateralJoins(),
            // Conditions first take shape (an OR's shared conjuncts stand alone), then settle where they
            // belong (join conditions, filters near the scans); an OR across a join's inputs lends each input
            // the part of it that concerns the input alone, which goes down to the scans in turn; semi and
            // anti joins go down to the input they test; an OR of ranges of one column in a filter lends the
            // filter the range that holds them all; with the conditions in the joins and the filters
            // on the inputs, inner joins are reordered by cost; last, pruning sees which columns each
            // operator still reads. JSONB path extractions over a join or a window move down to the scans they
            // read, and extractions over a scan then read its shredded path columns.
            new ExtractCommonConjuncts(),
            new PushFiltersIntoJoins(),
            new DeriveInputFiltersFromOr(),
            new PushFiltersIntoJoins(),
            // Conditions the pushing made comparisons of constants settle, and branches they rule out go.
            new FoldConstantFilters(),
            new RangeHullOfOr(),
            new PushSemiJoinsIntoInnerJoins(),
            new ReorderJoins(),
            // A DISTINCT ON whose keys the filters fix to constants keeps one row: a LIMIT 1.
            new DistinctOnFixedKeys(),
            new PruneColumns(),
            new PushPathExtractionsBelowJoins(),
            new PushPathExtractionsBelowWindows(),
            new ReadShreddedPaths());

    private Optimizer() {
    }

    public static LogicalPlan optimize(LogicalPlan plan) {
        return optimize(plan, true);
    }

    /**
     * Optimizes {@code plan}; without {@code hashDistinct} (the session's enable_hashagg off) duplicate rows are
     * removed by sorting ({@link SortedDistinct}) and INTERSECT / EXCEPT merge sorted inputs
     * ({@link SortedSetOperations}); with it, so are set operations over anonymous record types.
     */
    public static LogicalPlan optimize(LogicalPlan plan, boolean hashDistinct) {
        LogicalPlan current = new SortedSetOperations(hashDistinct).apply(new SortedDistinct(hashDistinct).apply(plan));
        for (OptimizerRule rule : RULES) {
            current = rule.apply(current);
        }
        return current;
    }
}
