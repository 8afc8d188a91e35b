package io.basalt.optimizer.rule;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Lifts the correlated conditions of a subquery's plan (those reading the enclosing row through outer
 * references of depth 1) to its top, so that they can become a join's condition. They pass through
 * filters, sorts, projections (which then also output the columns the conditions read, after their own),
 * inner joins and the preserved side of LEFT, SEMI and ANTI joins, and through an aggregation when they
 * are equalities {@code inner = outer}: the inner side joins the grouping keys. A plan from which they
 * cannot be lifted (a correlated LIMIT, a correlated SELECT list, a non-equality below an aggregation,
 * ...) fails with 0A000.
 *
 * <p>Invariant of every lifted plan: the original plan's columns come first, in place; columns added for
 * the conditions follow.
 */
final class CorrelationPullUp {
    /**
     * The plan without its correlated conditions, the conditions (over the plan's columns and outer
     * references), and whether an aggregation without grouping keys got keys (its one row for an empty
     * input is then missing: the caller must supply it).
     */
    record Lifted(LogicalPlan plan, List<BoundExpression> conditions, boolean groupedScalarAggregate) {
    }

    private CorrelationPullUp() {
    }

    static Lifted lift(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> new Lifted(scan, List.of(), false);
            case LogicalPlan.Values values -> {
                for (List<BoundExpression> row : values.rows()) {
                    requireUncorrelated(row, "VALUES");
                }
                yield new Lifted(values, List.of(), false);
            }
            case LogicalPlan.Filter filter -> {
                Lifted input = lift(filter.input());
                List<BoundExpression> local = new ArrayList<>();
                List<BoundExpression> conditions = new ArrayList<>(input.conditions());
                for (BoundExpression conjunct : filter.conjuncts()) {
                    (PlaceholderReplacement.hasOuterColumn(conjunct, 1) ? conditions : local).add(conjunct);
                }
                LogicalPlan kept = local.isEmpty() ? input.plan() : new LogicalPlan.Filter(input.plan(), local);
                yield new Lifted(kept, conditions, input.groupedScalarAggregate());
            }
            case LogicalPlan.Project project -> liftProject(project);
            case LogicalPlan.Join join -> liftJoin(join);
            case LogicalPlan.Aggregate aggregate -> liftAggregate(aggregate);
            case LogicalPlan.Sort sort -> {
                Lifted input = lift(sort.input());
                yield new Lifted(new LogicalPlan.Sort(input.plan(), sort.keys()), input.conditions(),
                        input.groupedScalarAggregate());
            }
            case LogicalPlan.DistinctOn distinct -> {
                Lifted input = lift(distinct.input());
                if (!input.conditions().isEmpty()) {
                    throw unsupported("DISTINCT ON");
                }
                yield new Lifted(new LogicalPlan.DistinctOn(input.plan(), distinct.keys()), List.of(),
                        input.groupedScalarAggregate());
            }
            case LogicalPlan.Limit limit -> {
                Lifted input = lift(limit.input());
                if (!input.conditions().isEmpty()) {
                    throw unsupported("LIMIT or OFFSET");
                }
                yield new Lifted(limit.withInput(input.plan()), List.of(),
                        input.groupedScalarAggregate());
            }
            case LogicalPlan.Apply apply -> throw BasaltException.internal("nested subquery left undecorrelated");
            case LogicalPlan.FunctionScan function -> {
                requireUncorrelated(function.arguments(), "a function in FROM");
                yield new Lifted(function, List.of(), false);
            }
            case LogicalPlan.LateralJoin join -> {
                requireUncorrelated(join.conjuncts(), "a LATERAL join");
                Lifted left = lift(join.left());
                if (!left.conditions().isEmpty() || DecorrelateSubqueries.hasOuterColumnBeyond(join.right())) {
                    throw unsupported("a LATERAL join");
                }
                yield new Lifted(join, List.of(), left.groupedScalarAggregate());
            }
            case LogicalPlan.Write write -> throw BasaltException.internal(write.kind() + " inside a subquery");
            case LogicalPlan.Append append -> {
                Lifted left = lift(append.left());
                Lifted right = lift(append.right());
                if (!left.conditions().isEmpty() || !right.conditions().isEmpty()) {
                    throw unsupported("UNION, INTERSECT or EXCEPT");
                }
                yield new Lifted(new LogicalPlan.Append(left.plan(), right.plan()), List.of(), false);
            }
            case LogicalPlan.Window window -> {
                requireUncorrelated(window.expressions(), "window functions");
                Lifted input = lift(window.input());
                if (!input.conditions().isEmpty()) {
                    throw unsupported("window functions");
                }
                yield new Lifted(window.withInput(input.plan()), List.of(), false);
            }
            case LogicalPlan.InitPlanOverInput initPlan -> {
                Lifted input = lift(initPlan.input());
                if (!input.conditions().isEmpty()) {
                    throw unsupported("a value computed over all rows");
                }
                yield new Lifted(initPlan.withInputs(input.plan(), initPlan.subplan()), List.of(), false);
            }
            case LogicalPlan.Repeat repeat -> {
                Lifted input = lift(repeat.input());
                if (!input.conditions().isEmpty()) {
                    throw unsupported("UNION, INTERSECT or EXCEPT");
                }
                yield new Lifted(new LogicalPlan.Repeat(input.plan()), List.of(), false);
            }
            case LogicalPlan.SortedSetOperation setOperation -> {
                Lifted left = lift(setOperation.left());
                Lifted right = lift(setOperation.right());
                if (!left.conditions().isEmpty() || !right.conditions().isEmpty()) {
                    throw unsupported("INTERSECT/EXCEPT");
                }
                yield new Lifted(setOperation.withInputs(left.plan(), right.plan()), List.of(), false);
            }
            case LogicalPlan.RecursiveUnion union -> {
                Lifted seed = lift(union.seed());
                Lifted step = lift(union.step());
                if (!seed.conditions().isEmpty() || !step.conditions().isEmpty()) {
                    throw unsupported("WITH RECURSIVE");
                }
                yield new Lifted(union.withInputs(seed.plan(), step.plan()), List.of(), false);
            }
        };
    }

    private static Lifted liftProject(LogicalPlan.Project project) {
        requireUncorrelated(project.expressions(), "the SELECT list");
        Lifted input = lift(project.input());
        if (input.conditions().isEmpty()) {
            return new Lifted(new LogicalPlan.Project(input.plan(), project.expressions()), List.of(),
                    input.groupedScalarAggregate());
        }
        BitSet read = new BitSet();
        ColumnReferences.collectAll(input.conditions(), read);
        List<BoundExpression> expressions = new ArrayList<>(project.expressions());
        int[] mapping = new int[Math.max(read.length(), 1)];
        Arrays.fill(mapping, -1);
        List<LogicalType> types = input.plan().outputTypes();
        for (int column = read.nextSetBit(0); column >= 0; column = read.nextSetBit(column + 1)) {
            mapping[column] = expressions.size();
            expressions.add(new BoundExpression.ColumnRef(column, null, "?column?", types.get(column), 0));
        }
        return new Lifted(new LogicalPlan.Project(input.plan(), expressions),
                ColumnReferences.renumberAll(input.conditions(), mapping), input.groupedScalarAggregate());
    }

    private static Lifted liftJoin(LogicalPlan.Join join) {
        int leftWidth = join.left().outputTypes().size();
        int rightWidth = join.right().outputTypes().size();
        Lifted left = lift(join.left());
        Lifted right = lift(join.right());
        boolean inner = join.type() == LogicalPlan.JoinType.INNER;
        boolean leftPreserved = inner || join.type() == LogicalPlan.JoinType.LEFT
                || join.type() == LogicalPlan.JoinType.SEMI || join.type() == LogicalPlan.JoinType.ANTI;
        if (!right.conditions().isEmpty() && !inner || !left.conditions().isEmpty() && !leftPreserved) {
            throw unsupported("an outer join");
        }
        if (!inner) {
            requireUncorrelated(join.conjuncts(), "a join condition");
        }
        int newLeftWidth = left.plan().outputTypes().size();
        int newRightWidth = right.plan().outputTypes().size();
        // Join columns: left's (original, then added), right's (original, then added).
        int[] conditionMapping = new int[leftWidth + rightWidth];
        for (int i = 0; i < conditionMapping.length; i++) {
            conditionMapping[i] = i < leftWidth ? i : i - leftWidth + newLeftWidth;
        }
        List<BoundExpression> local = new ArrayList<>();
        List<BoundExpression> lifted = new ArrayList<>();
        for (BoundExpression conjunct : join.conjuncts()) {
            BoundExpression renumbered = ColumnReferences.renumber(conjunct, conditionMapping);
            (PlaceholderReplacement.hasOuterColumn(conjunct, 1) ? lifted : local).add(renumbered);
        }
        lifted.addAll(left.conditions());
        int[] rightShift = new int[newRightWidth];
        for (int i = 0; i < newRightWidth; i++) {
            rightShift[i] = newLeftWidth + i;
        }
        lifted.addAll(ColumnReferences.renumberAll(right.conditions(), rightShift));
        LogicalPlan joined = new LogicalPlan.Join(join.type(), left.plan(), right.plan(), local);
        boolean grouped = left.groupedScalarAggregate() || right.groupedScalarAggregate();
        if (lifted.isEmpty() && newLeftWidth == leftWidth) {
            return new Lifted(joined, List.of(), grouped);
        }
        // Restore the invariant: original left, original right, then the added columns of both.
        List<LogicalType> types = joined.outputTypes();
        int width = types.size();
        int[] order = new int[width];
        int next = 0;
        for (int i = 0; i < leftWidth; i++) {
            order[next++] = i;
        }
        if (join.type().keepsRightColumns()) {
            for (int i = 0; i < rightWidth; i++) {
                order[next++] = newLeftWidth + i;
            }
        }
        for (int i = leftWidth; i < newLeftWidth; i++) {
            order[next++] = i;
        }
        if (join.type().keepsRightColumns()) {
            for (int i = newLeftWidth + rightWidth; i < width; i++) {
                order[next++] = i;
            }
        }
        List<BoundExpression> projected = new ArrayList<>();
        int[] inverse = new int[width];
        for (int i = 0; i < width; i++) {
            projected.add(new BoundExpression.ColumnRef(order[i], null, "?column?", types.get(order[i]), 0));
            inverse[order[i]] = i;
        }
        return new Lifted(new LogicalPlan.Project(joined, projected), ColumnReferences.renumberAll(lifted, inverse),
                grouped);
    }

    private static Lifted liftAggregate(LogicalPlan.Aggregate aggregate) {
        requireUncorrelated(aggregate.groupKeys(), "GROUP BY");
        for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
            if (spec.argument() != null) {
                requireUncorrelated(List.of(spec.argument()), "an aggregate's argument");
            }
        }
        Lifted input = lift(aggregate.input());
        if (input.conditions().isEmpty()) {
            return new Lifted(aggregate.with(input.plan(), aggregate.groupKeys(), aggregate.aggregates()),
                    List.of(), input.groupedScalarAggregate());
        }
        List<BoundExpression> keys = new ArrayList<>(aggregate.groupKeys());
        List<BoundExpression> outerSides = new ArrayList<>();
        List<Integer> keyIndexes = new ArrayList<>();
        for (BoundExpression condition : input.conditions()) {
            if (!(condition instanceof BoundExpression.Comparison comparison) || comparison.operator() != CompareOp.EQ) {
                throw unsupported("a condition other than an equality below an aggregation");
            }
            BoundExpression innerSide;
            BoundExpression outerSide;
            if (isInnerOnly(comparison.left()) && isOuterOnly(comparison.right())) {
                innerSide = comparison.left();
                outerSide = comparison.right();
            } else if (isInnerOnly(comparison.right()) && isOuterOnly(comparison.left())) {
                innerSide = comparison.right();
                outerSide = comparison.left();
            } else {
                throw unsupported("a condition mixing inner and outer columns below an aggregation");
            }
            int index = keys.indexOf(innerSide);
            if (index < 0) {
                index = keys.size();
                keys.add(innerSide);
            }
            keyIndexes.add(index);
            outerSides.add(outerSide);
        }
        LogicalPlan grouped = aggregate.with(input.plan(), keys, aggregate.aggregates());
        List<LogicalType> types = grouped.outputTypes();
        int originalKeys = aggregate.groupKeys().size();
        int aggregates = aggregate.aggregates().size();
        // Output: original keys, aggregates, then the added keys.
        List<BoundExpression> projected = new ArrayList<>();
        int[] position = new int[types.size()];
        for (int i = 0; i < originalKeys; i++) {
            position[i] = projected.size();
            projected.add(new BoundExpression.ColumnRef(i, null, "?column?", types.get(i), 0));
        }
        for (int a = 0; a < aggregates; a++) {
            int column = keys.size() + a;
            position[column] = projected.size();
            projected.add(new BoundExpression.ColumnRef(column, null, "?column?", types.get(column), 0));
        }
        for (int k = originalKeys; k < keys.size(); k++) {
            position[k] = projected.size();
            projected.add(new BoundExpression.ColumnRef(k, null, "?column?", types.get(k), 0));
        }
        List<BoundExpression> conditions = new ArrayList<>();
        for (int i = 0; i < outerSides.size(); i++) {
            int column = position[keyIndexes.get(i)];
            BoundExpression key = keys.get(keyIndexes.get(i));
            conditions.add(new BoundExpression.Comparison(CompareOp.EQ,
                    new BoundExpression.ColumnRef(column, null, "?column?", key.type(), 0), outerSides.get(i),
                    outerSides.get(i).position()));
        }
        return new Lifted(new LogicalPlan.Project(grouped, projected), conditions,
                originalKeys == 0 || input.groupedScalarAggregate());
    }

    static boolean isInnerOnly(BoundExpression expression) {
        BitSet read = new BitSet();
        ColumnReferences.collect(expression, read);
        return !read.isEmpty() && !PlaceholderReplacement.hasOuterColumn(expression, 1);
    }

    static boolean isOuterOnly(BoundExpression expression) {
        BitSet read = new BitSet();
        ColumnReferences.collect(expression, read);
        return read.isEmpty() && PlaceholderReplacement.hasOuterColumn(expression, 1);
    }

    private static void requireUncorrelated(List<BoundExpression> expressions, String where) {
        if (PlaceholderReplacement.hasOuterColumn(expressions, 1)) {
            throw unsupported(where);
        }
    }

    static BasaltException unsupported(String where) {
        return BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                "correlated subquery with an outer reference in " + where + " is not supported yet");
    }
}
