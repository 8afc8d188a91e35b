package io.basalt.optimizer.rule;

import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.function.window.WindowFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.window.WindowFrame;
import io.basalt.optimizer.ExpressionSubstitution;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.expression.Placeholder;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.expression.VolatileCalls;
import io.basalt.plan.logical.LogicalPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * A correlated scalar subquery taking the min or max over relations that the outer query joins under the same
 * conditions, keyed by a column of another relation of the outer query (TPC-H Q2: {@code ps_supplycost =
 * (SELECT min(ps_supplycost) FROM partsupp, supplier, nation, region WHERE p_partkey = ps_partkey AND <the outer
 * query's conditions on those four>)}), is a window over the outer query's own rows: {@code min(ps_supplycost)
 * OVER (PARTITION BY p_partkey)}. The relations are then read and joined once, and only for the outer query's
 * rows, instead of a second time for every key.
 *
 * <pre>
 * Filter [c.., f(#w)]                       Filter [f(#w)]
 *   Apply SCALAR                              Project [#0 .. #w-1, g(#w)]
 *     X: inner joins of scans       -&gt;          Window partition=[#o..] calls=[min(a')]
 *     Project* [g(#0)]                              Filter [c..]
 *       Aggregate [] [min(a)]                         X
 *         Filter [outer(o) = #k.., d..]
 *           Y: inner joins of scans
 * </pre>
 *
 * Each scan of {@code Y} must match exactly one scan of {@code X} (same table and columns); call the other scans of
 * {@code X} its extra relations {@code E}. Each condition {@code d} of the subquery, carried over to {@code X}'s
 * columns, must be one of the outer conditions {@code c}; each correlation {@code outer(o) = #k} must read a column
 * {@code o} of {@code E} that an outer condition equates with {@code k}'s counterpart; and every other outer condition
 * must read {@code E} alone. Then for an outer row {@code x} with key {@code x.o}, the rows the subquery aggregates
 * are exactly the {@code Y} parts of the outer rows with the same key: each such {@code Y} row {@code y} paired with
 * {@code x}'s {@code E} part passes every outer condition (those on {@code E} as {@code x} did, the equalities
 * because {@code y.k = x.o}, the rest because {@code y} passed the subquery's). Outer rows repeat a {@code Y} row
 * once per matching {@code E} row, which a min or max does not notice (a sum or count would). A NULL key passes no
 * equality, so no outer row with one is left to read the window's value for NULL keys.
 */
public final class WindowForCorrelatedExtremum implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        LogicalPlan rewritten = PlanInputs.map(plan, this::apply);
        if (rewritten instanceof LogicalPlan.Filter filter && filter.input() instanceof LogicalPlan.Apply apply
                && apply.kind() == LogicalPlan.SubqueryKind.SCALAR) {
            LogicalPlan window = windowOrNull(filter, apply);
            if (window != null) {
                return window;
            }
        }
        return rewritten;
    }

    /** A relation of a join tree: its scan and the position of its first column in the join's output. */
    private record Relation(LogicalPlan.Scan scan, int offset) {
    }

    private static LogicalPlan windowOrNull(LogicalPlan.Filter filter, LogicalPlan.Apply apply) {
        List<Relation> outer = new ArrayList<>();
        if (!relations(apply.input(), outer)) {
            return null;
        }
        int width = apply.input().outputTypes().size();
        List<BoundExpression> outerConditions = new ArrayList<>();
        List<BoundExpression> valueConditions = new ArrayList<>();
        for (BoundExpression conjunct : filter.conjuncts()) {
            BitSet read = new BitSet();
            ColumnReferences.collect(conjunct, read);
            (read.get(width) ? valueConditions : outerConditions).add(conjunct);
            if (VolatileCalls.in(conjunct) || PlaceholderReplacement.hasOuterColumn(conjunct, 0)) {
                return null;
            }
        }
        List<LogicalPlan.Project> projects = new ArrayList<>();
        LogicalPlan node = apply.subquery();
        while (node instanceof LogicalPlan.Project project) {
            projects.add(project);
            node = project.input();
        }
        if (!(node instanceof LogicalPlan.Aggregate aggregate) || !aggregate.groupKeys().isEmpty()
                || aggregate.groupingSets() != null || aggregate.aggregates().isEmpty()) {
            return null;
        }
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            if (!(spec.function() instanceof MinMaxAggregate) || spec.argument() == null
                    || !spec.extraArguments().isEmpty() || spec.filter() != null) {
                return null;
            }
        }
        LogicalPlan joined = aggregate.input();
        List<BoundExpression> innerConditions = List.of();
        if (joined instanceof LogicalPlan.Filter innerFilter) {
            innerConditions = innerFilter.conjuncts();
            joined = innerFilter.input();
        }
        List<Relation> inner = new ArrayList<>();
        if (!relations(joined, inner) || !readsNoOuterRow(projects, aggregate)) {
            return null;
        }
        int[] mapping = mapping(inner, outer, joined.outputTypes().size());
        if (mapping == null) {
            return null;
        }
        BitSet extra = new BitSet();
        extra.set(0, width);
        for (int c : mapping) {
            extra.clear(c);
        }
        boolean[] matched = new boolean[outerConditions.size()];
        List<BoundExpression> partitionKeys = new ArrayList<>();
        for (BoundExpression condition : innerConditions) {
            if (VolatileCalls.in(condition)) {
                return null;
            }
            int[] correlation = correlation(condition);
            if (correlation != null) {
                int key = correlation[0];
                int own = mapping[correlation[1]];
                if (!extra.get(key) || !markEquality(outerConditions, matched, key, own)) {
                    return null;
                }
                partitionKeys.add(new BoundExpression.ColumnRef(key, null, "?column?",
                        apply.input().outputTypes().get(key), 0));
                continue;
            }
            if (PlaceholderReplacement.hasOuterColumn(condition, 0)
                    || !markSame(outerConditions, matched, ColumnReferences.renumber(condition, mapping))) {
                return null;
            }
        }
        if (partitionKeys.isEmpty()) {
            return null;
        }
        for (int c = 0; c < outerConditions.size(); c++) {
            if (!matched[c]) {
                BitSet read = new BitSet();
                ColumnReferences.collect(outerConditions.get(c), read);
                read.andNot(extra);
                if (!read.isEmpty()) {
                    return null;
                }
            }
        }
        List<LogicalPlan.WindowCallSpec> calls = new ArrayList<>();
        List<BoundExpression> values = new ArrayList<>();
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            calls.add(new LogicalPlan.WindowCallSpec(WindowFunction.aggregate(spec.function()),
                    List.of(ColumnReferences.renumber(spec.argument(), mapping)), WindowFrame.DEFAULT));
            values.add(new BoundExpression.ColumnRef(width + values.size(), null, "?column?",
                    spec.function().resultType(), 0));
        }
        for (int p = projects.size() - 1; p >= 0; p--) {
            values = ExpressionSubstitution.substituteAll(projects.get(p).expressions(), values);
        }
        LogicalPlan rows = outerConditions.isEmpty() ? apply.input()
                : new LogicalPlan.Filter(apply.input(), outerConditions);
        LogicalPlan window = new LogicalPlan.Window(rows, partitionKeys, List.of(), calls);
        List<BoundExpression> columns = DecorrelateSubqueries.columns(apply.input(), width);
        columns.add(values.getFirst());
        LogicalPlan project = new LogicalPlan.Project(window, columns);
        return valueConditions.isEmpty() ? project : new LogicalPlan.Filter(project, valueConditions);
    }

    /** Collects the scans of a tree of inner joins without conditions; false for any other plan. */
    private static boolean relations(LogicalPlan plan, List<Relation> into) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> {
                int offset = into.isEmpty() ? 0
                        : into.getLast().offset() + into.getLast().scan().outputTypes().size();
                into.add(new Relation(scan, offset));
                yield true;
            }
            case LogicalPlan.Join join -> join.type() == LogicalPlan.JoinType.INNER && join.conjuncts().isEmpty()
                    && relations(join.left(), into) && relations(join.right(), into);
            default -> false;
        };
    }

    /** Whether the subquery's aggregates and the projections above them read no outer row and call no volatile. */
    private static boolean readsNoOuterRow(List<LogicalPlan.Project> projects, LogicalPlan.Aggregate aggregate) {
        List<BoundExpression> expressions = new ArrayList<>();
        for (LogicalPlan.Project project : projects) {
            expressions.addAll(project.expressions());
        }
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            expressions.add(spec.argument());
        }
        for (BoundExpression expression : expressions) {
            if (PlaceholderReplacement.hasOuterColumn(expression, 0) || VolatileCalls.in(expression)) {
                return false;
            }
        }
        return true;
    }

    /**
     * For each column of the subquery's relations, the outer query's column of the same table and column; null
     * unless each subquery relation matches exactly one outer relation and no two share one.
     */
    private static int[] mapping(List<Relation> inner, List<Relation> outer, int innerWidth) {
        int[] mapping = new int[innerWidth];
        boolean[] used = new boolean[outer.size()];
        for (Relation relation : inner) {
            int found = -1;
            for (int o = 0; o < outer.size(); o++) {
                LogicalPlan.Scan candidate = outer.get(o).scan();
                if (candidate.source().equals(relation.scan().source())
                        && Arrays.equals(candidate.columns(), relation.scan().columns())
                        && candidate.outputTypes().equals(relation.scan().outputTypes())) {
                    if (found >= 0) {
                        return null;
                    }
                    found = o;
                }
            }
            if (found < 0 || used[found]) {
                return null;
            }
            used[found] = true;
            for (int c = 0; c < relation.scan().outputTypes().size(); c++) {
                mapping[relation.offset() + c] = outer.get(found).offset() + c;
            }
        }
        return mapping;
    }

    /**
     * {@code [outer column, subquery column]} when {@code condition} is {@code outer(1).o = #k} (either way round),
     * else null.
     */
    private static int[] correlation(BoundExpression condition) {
        if (!(condition instanceof BoundExpression.Comparison comparison) || comparison.operator() != CompareOp.EQ) {
            return null;
        }
        int outerLeft = outerColumn(comparison.left());
        if (outerLeft >= 0 && comparison.right() instanceof BoundExpression.ColumnRef ref) {
            return new int[] {outerLeft, ref.index()};
        }
        int outerRight = outerColumn(comparison.right());
        if (outerRight >= 0 && comparison.left() instanceof BoundExpression.ColumnRef ref) {
            return new int[] {outerRight, ref.index()};
        }
        return null;
    }

    /** The column {@code expression} reads of the next query level out when it is just that reference, else -1. */
    private static int outerColumn(BoundExpression expression) {
        if (expression instanceof BoundExpression.Function function
                && function.function() instanceof Placeholder.OuterColumn outer && outer.depth() == 1) {
            return outer.index();
        }
        return -1;
    }

    /** Marks an unmarked outer condition {@code #a = #b} (either way round); false when there is none. */
    private static boolean markEquality(List<BoundExpression> conditions, boolean[] matched, int a, int b) {
        for (int c = 0; c < conditions.size(); c++) {
            if (!matched[c] && conditions.get(c) instanceof BoundExpression.Comparison comparison
                    && comparison.operator() == CompareOp.EQ
                    && comparison.left() instanceof BoundExpression.ColumnRef left
                    && comparison.right() instanceof BoundExpression.ColumnRef right
                    && (left.index() == a && right.index() == b || left.index() == b && right.index() == a)
                    && left.type().equals(right.type())) {
                matched[c] = true;
                return true;
            }
        }
        return false;
    }

    /** {@code a = b} as {@code b = a}; any other condition as it is. */
    private static BoundExpression swapped(BoundExpression condition) {
        return condition instanceof BoundExpression.Comparison comparison && comparison.operator() == CompareOp.EQ
                ? new BoundExpression.Comparison(CompareOp.EQ, comparison.right(), comparison.left(),
                        comparison.position())
                : condition;
    }

    /**
     * Marks an unmarked outer condition computing the same as {@code condition} (an equality either way round);
     * false when there is none.
     */
    private static boolean markSame(List<BoundExpression> conditions, boolean[] matched, BoundExpression condition) {
        for (int c = 0; c < conditions.size(); c++) {
            if (!matched[c] && (ExpressionEquivalence.same(conditions.get(c), condition)
                    || ExpressionEquivalence.same(conditions.get(c), swapped(condition)))) {
                matched[c] = true;
                return true;
            }
        }
        return false;
    }
}
