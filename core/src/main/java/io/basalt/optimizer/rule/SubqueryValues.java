package io.basalt.optimizer.rule;

import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.optimizer.ExpressionSubstitution;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.SubqueryRowCheck;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The general forms of {@link DecorrelateSubqueries}: the value of a scalar subquery and the mark (true,
 * false or NULL) of EXISTS and ANY, as one extra column after the input's, computed by LEFT joins of the
 * input with aggregations of the subquery grouped by its correlation keys (none when uncorrelated: then
 * the aggregation has exactly one row).
 */
final class SubqueryValues {
    private SubqueryValues() {
    }

    /** EXISTS: the subquery's row count per key; a key without rows (or a count of 0) is false. */
    static LogicalPlan existsMark(LogicalPlan input, LogicalPlan inner, DecorrelateSubqueries.Keys keys) {
        int width = input.outputTypes().size();
        int keyCount = keys.inner().size();
        LogicalPlan counts = new LogicalPlan.Aggregate(inner, keys.inner(),
                List.of(new LogicalPlan.AggregateSpec(DecorrelateSubqueries.countStar(), null)));
        LogicalPlan joined = new LogicalPlan.Join(LogicalPlan.JoinType.LEFT, input, counts, keyConditions(keys, width));
        BoundExpression count = column(joined, width + keyCount);
        List<BoundExpression> columns = DecorrelateSubqueries.columns(joined, width);
        columns.add(positive(count));
        return new LogicalPlan.Project(joined, columns);
    }

    /**
     * {@code x op ANY (q)}: true when some row compares true; else NULL when q has rows and x is NULL or q
     * has a NULL; else false. For {@code =} a join on the distinct (key, value) pairs finds the match; for
     * the other operators the least and greatest values decide.
     */
    static LogicalPlan anyMark(LogicalPlan input, LogicalPlan inner, DecorrelateSubqueries.Keys keys,
                               BoundExpression comparison) {
        int width = input.outputTypes().size();
        int keyCount = keys.inner().size();
        if (!(comparison instanceof BoundExpression.Comparison compare)) {
            throw CorrelationPullUp.unsupported("this ANY comparison");
        }
        BoundExpression operand = compare.left();
        // The compared value over the subquery's columns (its column 0 sits at #width in the comparison).
        BoundExpression value = overSubquery(compare.right(), width);
        LogicalPlan plan = input;
        BoundExpression matched;
        if (compare.operator() == CompareOp.EQ) {
            List<BoundExpression> pairKeys = new ArrayList<>(keys.inner());
            pairKeys.add(value);
            LogicalPlan pairs = new LogicalPlan.Aggregate(inner, pairKeys, List.of());
            List<BoundExpression> flagged = DecorrelateSubqueries.columns(pairs, keyCount + 1);
            flagged.add(new BoundExpression.Constant(true, LogicalType.BOOLEAN, 0));
            pairs = new LogicalPlan.Project(pairs, flagged);
            List<BoundExpression> conditions = keyConditions(keys, width);
            conditions.add(new BoundExpression.Comparison(CompareOp.EQ, operand,
                    new BoundExpression.ColumnRef(width + keyCount, null, "?column?", value.type(), 0), compare.position()));
            plan = new LogicalPlan.Join(LogicalPlan.JoinType.LEFT, plan, pairs, conditions);
            matched = new BoundExpression.IsNull(column(plan, width + keyCount + 1), true, 0);
        } else {
            matched = null;
        }
        int countsAt = plan.outputTypes().size();
        List<LogicalPlan.AggregateSpec> aggregates = new ArrayList<>();
        aggregates.add(new LogicalPlan.AggregateSpec(DecorrelateSubqueries.countStar(), null));
        aggregates.add(new LogicalPlan.AggregateSpec(DecorrelateSubqueries.count(value.type()), value));
        if (matched == null) {
            AggregateFunction min = DecorrelateSubqueries.extremum(false, value.type());
            AggregateFunction max = DecorrelateSubqueries.extremum(true, value.type());
            if (min == null) {
                throw CorrelationPullUp.unsupported("ANY/ALL over " + value.type().displayName());
            }
            BoundExpression argument = value.type().id() == TypeId.VARCHAR
                    ? new BoundExpression.Cast(value, LogicalType.TEXT, false, 0) : value;
            aggregates.add(new LogicalPlan.AggregateSpec(min, argument));
            aggregates.add(new LogicalPlan.AggregateSpec(max, argument));
        }
        LogicalPlan counts = new LogicalPlan.Aggregate(inner, keys.inner(), aggregates);
        List<BoundExpression> conditions = keyConditions(keys, countsAt);
        plan = new LogicalPlan.Join(LogicalPlan.JoinType.LEFT, plan, counts, conditions);
        BoundExpression rows = column(plan, countsAt + keyCount);
        BoundExpression values = column(plan, countsAt + keyCount + 1);
        if (matched == null) {
            BoundExpression least = cast(column(plan, countsAt + keyCount + 2), value.type());
            BoundExpression greatest = cast(column(plan, countsAt + keyCount + 3), value.type());
            matched = switch (compare.operator()) {
                case LT, LE -> new BoundExpression.Comparison(compare.operator(), operand, greatest, compare.position());
                case GT, GE -> new BoundExpression.Comparison(compare.operator(), operand, least, compare.position());
                default -> new BoundExpression.Logical(false, List.of(
                        new BoundExpression.Comparison(CompareOp.NE, operand, least, compare.position()),
                        new BoundExpression.Comparison(CompareOp.NE, operand, greatest, compare.position())), 0);
            };
        }
        BoundExpression unknown = new BoundExpression.Logical(false, List.of(
                new BoundExpression.IsNull(operand, false, 0),
                new BoundExpression.Comparison(CompareOp.LT, values, rows, 0)), 0);
        BoundExpression mark = new BoundExpression.Case(
                List.of(new BoundExpression.Logical(false, List.of(new BoundExpression.IsNull(rows, false, 0),
                        new BoundExpression.Comparison(CompareOp.EQ, rows, zero(), 0)), 0), matched, unknown),
                List.of(bool(false), bool(true), new BoundExpression.Constant(null, LogicalType.BOOLEAN, 0)),
                bool(false), LogicalType.BOOLEAN, compare.position());
        List<BoundExpression> columns = DecorrelateSubqueries.columns(plan, width);
        columns.add(mark);
        return new LogicalPlan.Project(plan, columns);
    }

    /**
     * A scalar subquery. When it is an aggregation without GROUP BY (under projections), its rows are one
     * per correlation key already: LEFT join them, and give inputs without a partner the aggregation's
     * value over no rows. Otherwise group the rows by the keys with count(*), which must not pass 1.
     */
    static LogicalPlan scalar(LogicalPlan input, LogicalPlan original, LogicalPlan inner,
                              List<BoundExpression> conditions, boolean groupedScalarAggregate) {
        int width = input.outputTypes().size();
        BoundExpression empty = valueOverNoRows(original);
        if (empty != null && (groupedScalarAggregate || conditions.isEmpty())) {
            int innerWidth = inner.outputTypes().size();
            List<BoundExpression> flagged = DecorrelateSubqueries.columns(inner, innerWidth);
            flagged.add(new BoundExpression.Constant(true, LogicalType.BOOLEAN, 0));
            LogicalPlan joined = new LogicalPlan.Join(conditions.isEmpty() ? LogicalPlan.JoinType.INNER
                    : LogicalPlan.JoinType.LEFT, input, new LogicalPlan.Project(inner, flagged), conditions);
            BoundExpression value = column(joined, width);
            if (!conditions.isEmpty() && !(empty instanceof BoundExpression.Constant c && c.value() == null)) {
                value = new BoundExpression.Case(List.of(new BoundExpression.IsNull(column(joined, width + innerWidth),
                        false, 0)), List.of(empty), value, value.type(), 0);
            }
            List<BoundExpression> columns = DecorrelateSubqueries.columns(joined, width);
            columns.add(value);
            return new LogicalPlan.Project(joined, columns);
        }
        if (groupedScalarAggregate) {
            throw CorrelationPullUp.unsupported("a scalar subquery of this shape");
        }
        DecorrelateSubqueries.Keys keys = keysOf(conditions, width);
        int keyCount = keys.inner().size();
        LogicalType type = inner.outputTypes().getFirst();
        AggregateFunction any = DecorrelateSubqueries.extremum(false, type);
        if (any == null) {
            // types without min (boolean, uuid, json, arrays of them): the group's one value, whichever it is
            any = new io.basalt.exec.function.aggregate.AnyValueAggregate(type);
        }
        BoundExpression value = new BoundExpression.ColumnRef(0, null, "?column?", type, 0);
        BoundExpression argument = type.id() == TypeId.VARCHAR ? new BoundExpression.Cast(value, LogicalType.TEXT,
                false, 0) : value;
        LogicalPlan grouped = new LogicalPlan.Aggregate(inner, keys.inner(), List.of(
                new LogicalPlan.AggregateSpec(DecorrelateSubqueries.countStar(), null),
                new LogicalPlan.AggregateSpec(any, argument)));
        grouped = new LogicalPlan.Filter(grouped, List.of(new BoundExpression.Function(new SubqueryRowCheck(),
                List.of(column(grouped, keyCount)), LogicalType.BOOLEAN, 0)));
        LogicalPlan joined = new LogicalPlan.Join(conditions.isEmpty() ? LogicalPlan.JoinType.INNER
                : LogicalPlan.JoinType.LEFT, input, grouped, keyConditions(keys, width));
        List<BoundExpression> columns = DecorrelateSubqueries.columns(joined, width);
        columns.add(cast(column(joined, width + keyCount + 1), type));
        return new LogicalPlan.Project(joined, columns);
    }

    /** Join conditions (over input ++ subquery) split back into keys: inner sides renumbered onto the subquery. */
    private static DecorrelateSubqueries.Keys keysOf(List<BoundExpression> conditions, int width) {
        List<BoundExpression> inner = new ArrayList<>();
        List<BoundExpression> outer = new ArrayList<>();
        for (BoundExpression condition : conditions) {
            if (condition instanceof BoundExpression.Comparison c && c.operator() == CompareOp.EQ) {
                if (onlyFrom(c.left(), width) && onlyBelow(c.right(), width)) {
                    inner.add(overSubquery(c.left(), width));
                    outer.add(c.right());
                    continue;
                }
                if (onlyFrom(c.right(), width) && onlyBelow(c.left(), width)) {
                    inner.add(overSubquery(c.right(), width));
                    outer.add(c.left());
                    continue;
                }
            }
            throw CorrelationPullUp.unsupported("a condition other than an equality, outside a WHERE conjunct");
        }
        return new DecorrelateSubqueries.Keys(inner, outer);
    }

    private static boolean onlyFrom(BoundExpression expression, int width) {
        java.util.BitSet read = new java.util.BitSet();
        ColumnReferences.collect(expression, read);
        return !read.isEmpty() && read.nextSetBit(0) >= width;
    }

    private static boolean onlyBelow(BoundExpression expression, int width) {
        java.util.BitSet read = new java.util.BitSet();
        ColumnReferences.collect(expression, read);
        return read.length() <= width;
    }

    /** An expression over the join's columns that reads only the subquery's, renumbered onto the subquery. */
    private static BoundExpression overSubquery(BoundExpression expression, int width) {
        java.util.BitSet read = new java.util.BitSet();
        ColumnReferences.collect(expression, read);
        int[] mapping = new int[read.length()];
        for (int i = 0; i < mapping.length; i++) {
            mapping[i] = i - width;
        }
        return ColumnReferences.renumber(expression, mapping);
    }

    /**
     * The value a subquery {@code Project* (Aggregate without keys)} has over no rows (count 0, other
     * aggregates NULL), folded to a constant; null when the subquery has another shape.
     */
    private static BoundExpression valueOverNoRows(LogicalPlan plan) {
        List<BoundExpression> chain = null;
        LogicalPlan node = plan;
        while (node instanceof LogicalPlan.Project project) {
            chain = chain == null ? List.of(project.expressions().getFirst())
                    : ExpressionSubstitution.substituteAll(chain, project.expressions());
            node = project.input();
        }
        if (!(node instanceof LogicalPlan.Aggregate aggregate) || !aggregate.groupKeys().isEmpty()) {
            return null;
        }
        List<BoundExpression> empties = new ArrayList<>();
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            boolean count = spec.function().name().equals("count") || spec.function().name().equals("regr_count");
            empties.add(new BoundExpression.Constant(count ? 0L : null, spec.function().resultType(), 0));
        }
        BoundExpression value = chain == null ? new BoundExpression.ColumnRef(0, null, "?column?",
                aggregate.outputTypes().getFirst(), 0) : chain.getFirst();
        if (PlaceholderReplacement.hasOuterColumn(value, 0)) {
            return null;
        }
        BoundExpression empty = ExpressionSubstitution.substitute(value, empties);
        return new BoundExpression.Constant(ConstantEvaluator.evaluate(empty), empty.type(), 0);
    }

    private static List<BoundExpression> keyConditions(DecorrelateSubqueries.Keys keys, int width) {
        List<BoundExpression> conditions = new ArrayList<>();
        for (int i = 0; i < keys.inner().size(); i++) {
            BoundExpression key = keys.inner().get(i);
            conditions.add(new BoundExpression.Comparison(CompareOp.EQ, keys.outer().get(i),
                    new BoundExpression.ColumnRef(width + i, null, "?column?", key.type(), 0), 0));
        }
        return conditions;
    }

    private static BoundExpression column(LogicalPlan plan, int index) {
        return new BoundExpression.ColumnRef(index, null, "?column?", plan.outputTypes().get(index), 0);
    }

    private static BoundExpression cast(BoundExpression expression, LogicalType type) {
        return expression.type().equals(type) ? expression : new BoundExpression.Cast(expression, type, false, 0);
    }

    private static BoundExpression positive(BoundExpression count) {
        return new BoundExpression.Case(List.of(new BoundExpression.IsNull(count, false, 0)), List.of(bool(false)),
                new BoundExpression.Comparison(CompareOp.GT, count, zero(), 0), LogicalType.BOOLEAN, 0);
    }

    private static BoundExpression zero() {
        return new BoundExpression.Constant(0L, LogicalType.BIGINT, 0);
    }

    private static BoundExpression bool(boolean value) {
        return new BoundExpression.Constant(value, LogicalType.BOOLEAN, 0);
    }
}
