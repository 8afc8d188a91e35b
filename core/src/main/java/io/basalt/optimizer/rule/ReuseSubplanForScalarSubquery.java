package io.basalt.optimizer.rule;

import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.optimizer.ExpressionSubstitution;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * An uncorrelated scalar subquery that aggregates, without GROUP BY, the rows of a relation the outer query also
 * joins (TPC-H Q15's {@code FROM supplier, revenue WHERE total_revenue = (SELECT max(total_revenue) FROM revenue)},
 * the view or CTE {@code revenue} read twice) is computed by a window over that relation's one reading instead of
 * by a second run of it:
 *
 * <pre>
 * Join INNER []                                   Join INNER ...
 *   Join INNER ... (supplier, X)           -&gt;       supplier
 *   Project* Aggregate keys=[] [max(v)] X            Project [X's columns, max]
 *                                                      Window [max(v) OVER ()]
 *                                                        X
 * </pre>
 *
 * {@code X} must lie on the right-most path of the outer input through inner joins and filters, so that the
 * column it gains comes last, where the subquery's column was: no other column moves. Both readings of {@code X}
 * must print the same, scan the same tables and call no volatile function ({@link ReuseGroupsForScalarSubquery}'s
 * test); the subquery's aggregates must be plain min, max, sum, avg or count calls over {@code X}'s columns. The
 * window sees every row of {@code X}, as the subquery did, so the value is the same; when {@code X} is empty the
 * join is empty either way. PostgreSQL computes a CTE read twice once, which this also does for that case.
 *
 * <p>Runs right after decorrelation, while the join's inputs read as the binder built them.
 */
public final class ReuseSubplanForScalarSubquery implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanInputs.map(plan, this::apply);
        if (rewritten instanceof LogicalPlan.Join join && join.type() == LogicalPlan.JoinType.INNER
                && join.conjuncts().isEmpty()) {
            LogicalPlan reused = reuse(join.left(), join.right(), false);
            if (reused != null) {
                return reused;
            }
        }
        if (rewritten instanceof LogicalPlan.Apply apply && apply.kind() == LogicalPlan.SubqueryKind.SCALAR
                && !DecorrelateSubqueries.readsEnclosingQuery(apply.subquery())) {
            // the InitPlan of an uncorrelated scalar subquery in WHERE or HAVING: its one value
            LogicalPlan reused = reuse(apply.input(), apply.subquery(), true);
            if (reused != null) {
                return reused;
            }
        }
        return rewritten;
    }

    /**
     * {@code left} with the window that replaces {@code subquery} placed over its reading of it, or null;
     * {@code firstOnly}: only the subquery's first column is appended (an Apply's value).
     */
    private static LogicalPlan reuse(LogicalPlan left, LogicalPlan subquery, boolean firstOnly) {
        List<LogicalPlan.Project> projects = new ArrayList<>();
        LogicalPlan node = subquery;
        while (node instanceof LogicalPlan.Project project) {
            projects.add(project);
            node = project.input();
        }
        if (!(node instanceof LogicalPlan.Aggregate total) || !total.groupKeys().isEmpty()
                || total.groupingSets() != null || !foldable(total)) {
            return null;
        }
        return onRightPath(left, total, projects, firstOnly);
    }

    /** Whether every aggregate of {@code total} is a plain call a window over the same rows computes alike. */
    private static boolean foldable(LogicalPlan.Aggregate total) {
        for (LogicalPlan.AggregateSpec spec : total.aggregates()) {
            boolean plain = spec.function() instanceof MinMaxAggregate || spec.function() instanceof SumAverageAggregate
                    || spec.function() instanceof CountAggregate;
            if (!plain || spec.argument() == null || !spec.extraArguments().isEmpty() || spec.filter() != null) {
                return false;
            }
        }
        return !total.aggregates().isEmpty();
    }

    /**
     * {@code node} with its reading of {@code total}'s input, found on its right-most path through inner joins and
     * filters, extended by the subquery's value; null when there is no such reading.
     */
    private static LogicalPlan onRightPath(LogicalPlan node, LogicalPlan.Aggregate total,
                                           List<LogicalPlan.Project> projects, boolean firstOnly) {
        if (ReuseGroupsForScalarSubquery.samePlan(node, total.input())) {
            return withTotals(node, total, projects, firstOnly);
        }
        return switch (node) {
            case LogicalPlan.Join join when join.type() == LogicalPlan.JoinType.INNER -> {
                LogicalPlan right = onRightPath(join.right(), total, projects, firstOnly);
                yield right == null ? null
                        : new LogicalPlan.Join(LogicalPlan.JoinType.INNER, join.left(), right, join.conjuncts());
            }
            case LogicalPlan.Filter filter -> {
                LogicalPlan input = onRightPath(filter.input(), total, projects, firstOnly);
                yield input == null ? null : new LogicalPlan.Filter(input, filter.conjuncts());
            }
            default -> null;
        };
    }

    /** {@code rows}' columns followed by the subquery's, its aggregates computed by a window over all of them. */
    private static LogicalPlan withTotals(LogicalPlan rows, LogicalPlan.Aggregate total,
                                          List<LogicalPlan.Project> projects, boolean firstOnly) {
        int width = rows.outputTypes().size();
        List<LogicalPlan.WindowCallSpec> calls = new ArrayList<>();
        List<BoundExpression> values = new ArrayList<>();
        for (LogicalPlan.AggregateSpec spec : total.aggregates()) {
            calls.add(new LogicalPlan.WindowCallSpec(WindowFunction.aggregate(spec.function()),
                    List.of(spec.argument()), WindowFrame.DEFAULT));
            values.add(new BoundExpression.ColumnRef(width + calls.size() - 1, null, "?column?",
                    spec.function().resultType(), 0));
        }
        for (int p = projects.size() - 1; p >= 0; p--) {
            values = ExpressionSubstitution.substituteAll(projects.get(p).expressions(), values);
        }
        LogicalPlan window = new LogicalPlan.Window(rows, List.of(), List.of(), calls);
        List<BoundExpression> columns = DecorrelateSubqueries.columns(rows, width);
        columns.addAll(firstOnly ? values.subList(0, 1) : values);
        return new LogicalPlan.Project(window, columns);
    }
}
