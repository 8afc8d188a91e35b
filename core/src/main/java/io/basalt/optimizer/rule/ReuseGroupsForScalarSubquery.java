package io.basalt.optimizer.rule;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.aggregate.SumAverageAggregate;
import io.basalt.exec.operator.scan.LentRows;
import io.basalt.exec.operator.subquery.InitPlanValues;
import io.basalt.optimizer.ExpressionSubstitution;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.expression.InitPlanParameter;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * An uncorrelated scalar subquery that aggregates, without GROUP BY, the very rows a grouped aggregation of the
 * outer query groups (TPC-H Q11's {@code HAVING sum(v) > (SELECT sum(v) * 0.0001 FROM <the same FROM and
 * WHERE>)}) is computed from the groups instead of from a second run of the same joins: a sum is the sum of the
 * groups' sums, a count their sum, a min or max the min or max of theirs. That total, and the subquery's SELECT
 * list over it, is computed once by an InitPlan over the groups' rows, and the rows above read its values as
 * constants ({@code $0}: PostgreSQL's {@code (InitPlan 1).col1}), where a window over all groups gave each group a
 * copy of the total that the SELECT list's expression ({@code * 0.0001}) was then computed on per group (14% of
 * Q11's samples):
 *
 * <pre>
 * Join INNER []                                   Project [a's columns, $0..]
 *   a: Aggregate keys=[k..] aggs=[sum(v)] X  ->     InitPlanOverInput groups ($0.. = s's expressions over #0..)
 *   s: Project* Aggregate keys=[] [sum(v)] X          a
 *                                                     Project [s's expressions] Aggregate keys=[] [sum(#sum(v))]
 *                                                       Scan groups (a's rows)
 * </pre>
 *
 * The grouped aggregation may also sit under InitPlans, windows and projections that keep its columns first (a
 * second such subquery of the same HAVING, after the first one's rewrite).
 *
 * It runs right after decorrelation, while both inputs {@code X} still read as the binder built them; they must
 * print the same, scan the same tables and call no volatile function (random() evaluated once would differ).
 * Each aggregate of the subquery must be a plain sum (of an exact type),
 * count, min or max that the grouped aggregation also computes over the same argument. When the grouped
 * aggregation has no groups the join is empty either way.
 */
public final class ReuseGroupsForScalarSubquery implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanInputs.map(plan, this::apply);
        if (rewritten instanceof LogicalPlan.Join join && join.type() == LogicalPlan.JoinType.INNER
                && join.conjuncts().isEmpty()) {
            LogicalPlan.Aggregate groups = groupsUnder(join.left());
            LogicalPlan reused = groups == null ? null : reuse(join.left(), groups, join.right(), false);
            if (reused != null) {
                return reused;
            }
        }
        if (rewritten instanceof LogicalPlan.Apply apply && apply.kind() == LogicalPlan.SubqueryKind.SCALAR
                && !DecorrelateSubqueries.readsEnclosingQuery(apply.subquery())) {
            // the InitPlan of an uncorrelated scalar subquery in WHERE or HAVING: its one value
            LogicalPlan.Aggregate groups = groupsUnder(apply.input());
            LogicalPlan reused = groups == null ? null : reuse(apply.input(), groups, apply.subquery(), true);
            if (reused != null) {
                return reused;
            }
        }
        return rewritten;
    }

    /**
     * The grouped aggregation whose columns are the first columns of {@code left}: {@code left} itself, or under
     * windows and projections that keep those columns in place (an earlier subquery of the same HAVING already
     * rewritten); null when there is none.
     */
    private static LogicalPlan.Aggregate groupsUnder(LogicalPlan left) {
        List<LogicalPlan.Project> projects = new ArrayList<>();
        LogicalPlan node = left;
        while (!(node instanceof LogicalPlan.Aggregate)) {
            switch (node) {
                case LogicalPlan.Project project -> {
                    projects.add(project);
                    node = project.input();
                }
                case LogicalPlan.Window window -> node = window.input();
                case LogicalPlan.InitPlanOverInput initPlan -> node = initPlan.input();
                default -> {
                    return null;
                }
            }
        }
        LogicalPlan.Aggregate groups = (LogicalPlan.Aggregate) node;
        int width = groups.outputTypes().size();
        for (LogicalPlan.Project project : projects) {
            if (project.expressions().size() < width) {
                return null;
            }
            for (int c = 0; c < width; c++) {
                if (!(project.expressions().get(c) instanceof BoundExpression.ColumnRef ref) || ref.index() != c) {
                    return null;
                }
            }
        }
        return groups.groupKeys().isEmpty() || groups.groupingSets() != null ? null : groups;
    }

    /**
     * The join of {@code left} (whose first columns are those of {@code groups}) with {@code subquery}'s one row
     * ({@code firstOnly}: with its first column, an Apply's value), computed from the groups; null when it cannot be.
     */
    private static LogicalPlan reuse(LogicalPlan left, LogicalPlan.Aggregate groups, LogicalPlan subquery,
                                     boolean firstOnly) {
        List<LogicalPlan.Project> projects = new ArrayList<>();
        LogicalPlan node = subquery;
        while (node instanceof LogicalPlan.Project project) {
            projects.add(project);
            node = project.input();
        }
        if (!(node instanceof LogicalPlan.Aggregate total) || !total.groupKeys().isEmpty()
                || total.groupingSets() != null || !samePlan(total.input(), groups.input())) {
            return null;
        }
        int width = left.outputTypes().size();
        List<LogicalPlan.AggregateSpec> folds = new ArrayList<>();
        List<BoundExpression> totals = new ArrayList<>();
        for (LogicalPlan.AggregateSpec spec : total.aggregates()) {
            int column = matchingColumn(groups, spec);
            AggregateFunction over = column < 0 ? null : overGroups(spec.function(), groups.outputTypes().get(column));
            if (over == null) {
                return null;
            }
            BoundExpression groupValue = new BoundExpression.ColumnRef(column, null, "?column?",
                    groups.outputTypes().get(column), 0);
            folds.add(new LogicalPlan.AggregateSpec(over, groupValue));
            BoundExpression value = new BoundExpression.ColumnRef(folds.size() - 1, null, "?column?",
                    over.resultType(), 0);
            LogicalType wanted = spec.function().resultType();
            totals.add(over.resultType().equals(wanted) ? value : new BoundExpression.Cast(value, wanted, false, 0));
        }
        List<BoundExpression> values = totals;
        for (int p = projects.size() - 1; p >= 0; p--) {
            values = ExpressionSubstitution.substituteAll(projects.get(p).expressions(), values);
        }
        if (firstOnly) {
            values = List.of(values.getFirst());
        }
        // the subquery's whole SELECT list, computed once over the groups' rows: an InitPlan over them
        LentRows groupRows = new LentRows(GROUPS, left.outputTypes());
        int[] all = new int[width];
        for (int c = 0; c < width; c++) {
            all[c] = c;
        }
        LogicalPlan fold = new LogicalPlan.Aggregate(new LogicalPlan.Scan(groupRows, all, left.outputTypes()),
                List.of(), folds);
        List<LogicalType> types = new ArrayList<>();
        for (BoundExpression value : values) {
            types.add(value.type());
        }
        InitPlanValues computed = new InitPlanValues(types);
        LogicalPlan initPlan = new LogicalPlan.InitPlanOverInput(left, new LogicalPlan.Project(fold, values), groupRows,
                computed);
        List<BoundExpression> columns = DecorrelateSubqueries.columns(left, width);
        for (int v = 0; v < values.size(); v++) {
            columns.add(InitPlanParameter.of(computed, v));
        }
        return new LogicalPlan.Project(initPlan, columns);
    }

    /** The name the groups' rows go by in the InitPlan that reads them (EXPLAIN's scan of them). */
    static final String GROUPS = "groups";

    /** The output column of {@code groups} holding the same aggregate as {@code spec}, or -1. */
    private static int matchingColumn(LogicalPlan.Aggregate groups, LogicalPlan.AggregateSpec spec) {
        if (!spec.extraArguments().isEmpty() || spec.filter() != null) {
            return -1;
        }
        for (int a = 0; a < groups.aggregates().size(); a++) {
            LogicalPlan.AggregateSpec candidate = groups.aggregates().get(a);
            if (candidate.function().equals(spec.function()) && candidate.extraArguments().isEmpty()
                    && candidate.filter() == null && sameExpression(candidate.argument(), spec.argument())) {
                return groups.groupKeys().size() + a;
            }
        }
        return -1;
    }

    /**
     * The aggregate that folds the groups' values of {@code function} (of type {@code type}) into the total; null
     * when {@code function} is not one whose total follows from its groups' values exactly.
     */
    private static AggregateFunction overGroups(AggregateFunction function, LogicalType type) {
        return switch (function) {
            case SumAverageAggregate sum when !sum.average() && sum.argumentType().id() != TypeId.DOUBLE
                    && sum.argumentType().id() != TypeId.REAL -> new SumAverageAggregate(false, type);
            case CountAggregate count -> new SumAverageAggregate(false, type);
            case MinMaxAggregate extremum -> extremum;
            default -> null;
        };
    }

    private static boolean sameExpression(BoundExpression left, BoundExpression right) {
        if (left == null || right == null) {
            return left == right;
        }
        return left.type().equals(right.type()) && ExpressionEquivalence.same(left, right);
    }

    /**
     * Whether two plans print the same, hold equivalent expressions (the printed form leaves out what a function
     * carries, such as a LIKE's pattern) and scan the same sources in the same order.
     */
    static boolean samePlan(LogicalPlan left, LogicalPlan right) {
        if (!PlanPrinter.print(left).equals(PlanPrinter.print(right)) || callsVolatile(left)
                || callsVolatile(right) || !ExpressionEquivalence.sameAll(expressions(left), expressions(right))) {
            return false;
        }
        List<LogicalPlan.Scan> leftScans = new ArrayList<>();
        List<LogicalPlan.Scan> rightScans = new ArrayList<>();
        if (!collectScans(left, leftScans) || !collectScans(right, rightScans)) {
            return false;
        }
        for (int s = 0; s < leftScans.size(); s++) {
            if (!leftScans.get(s).source().equals(rightScans.get(s).source())
                    || !leftScans.get(s).outputTypes().equals(rightScans.get(s).outputTypes())) {
                return false;
            }
        }
        return leftScans.size() == rightScans.size();
    }

    /** Every expression of {@code plan}, in the order the plan's walk visits them. */
    private static List<BoundExpression> expressions(LogicalPlan plan) {
        List<BoundExpression> found = new ArrayList<>();
        io.basalt.plan.logical.PlanExpressions.rewrite(plan, (expression, depth) -> {
            if (expression != null) {
                found.add(expression);
            }
            return expression;
        });
        return found;
    }

    /** Whether an expression of {@code plan} calls a volatile function: evaluated once, it would differ. */
    private static boolean callsVolatile(LogicalPlan plan) {
        boolean[] found = new boolean[1];
        io.basalt.plan.logical.PlanExpressions.rewrite(plan, (expression, depth) -> {
            found[0] |= expression != null && io.basalt.plan.expression.VolatileCalls.in(expression);
            return expression;
        });
        return found[0];
    }

    /**
     * Collects the scans of a plan of scans, filters, projections, inner joins and aggregations without grouping
     * sets; false for any other node.
     */
    private static boolean collectScans(LogicalPlan plan, List<LogicalPlan.Scan> scans) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scans.add(scan);
            case LogicalPlan.Filter filter -> collectScans(filter.input(), scans);
            case LogicalPlan.Project project -> collectScans(project.input(), scans);
            case LogicalPlan.Aggregate aggregate -> aggregate.groupingSets() == null
                    && collectScans(aggregate.input(), scans);
            case LogicalPlan.Join join -> join.type() == LogicalPlan.JoinType.INNER
                    && collectScans(join.left(), scans) && collectScans(join.right(), scans);
            default -> false;
        };
    }
}
