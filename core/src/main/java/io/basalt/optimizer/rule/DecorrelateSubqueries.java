package io.basalt.optimizer.rule;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.CountAggregate;
import io.basalt.exec.function.aggregate.MinMaxAggregate;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.Placeholder;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Replaces every {@link LogicalPlan.Apply} (a subquery in an expression) by joins, so that no subquery runs
 * once per outer row. The subquery's correlated conditions are lifted to its top ({@link CorrelationPullUp})
 * and become join conditions. Innermost subqueries go first, so an outer reference two levels out becomes
 * one level out once its subquery is joined in.
 *
 * <pre>
 * WHERE [NOT] EXISTS (q) / x IN (q) as a conjunct     Filter [#m]          ->  Join SEMI (or ANTI) [conditions]
 *                                                       Apply EXISTS             input
 *                                                         input                  q'
 *                                                         q
 * WHERE x NOT IN (q) as a conjunct, q uncorrelated        an ANTI join and a one-row count of q for NULLs
 *                                                         ({@link NotInAntiJoin})
 * anywhere else: EXISTS     Join LEFT input, Aggregate(q' by correlation keys, count(*))  -> mark
 *                x op ANY   the same with count(*), count(v) and a match join (=) or min/max (others),
 *                           giving SQL's true / NULL / false
 * scalar subquery           Join LEFT input, q' grouped by the correlation keys (an aggregation gets them
 *                           as grouping keys; its value for no rows fills the gaps), else an aggregation
 *                           with count(*) that raises 21000 for a second row
 * </pre>
 *
 * Correlated forms it cannot rewrite fail with 0A000.
 */
public final class DecorrelateSubqueries implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> values;
            case LogicalPlan.Filter filter -> filter(filter);
            case LogicalPlan.Project project -> new LogicalPlan.Project(apply(project.input()), project.expressions());
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), apply(join.left()), apply(join.right()),
                    join.conjuncts());
            case LogicalPlan.Aggregate aggregate -> aggregate.with(apply(aggregate.input()),
                    aggregate.groupKeys(), aggregate.aggregates());
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(apply(sort.input()), sort.keys());
            case LogicalPlan.Window window -> window.withInput(apply(window.input()));
            case LogicalPlan.Limit limit -> limit.withInput(apply(limit.input()));
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(apply(distinct.input()), distinct.keys());
            case LogicalPlan.Write write -> write.withInput(apply(write.input()));
            case LogicalPlan.Append append -> new LogicalPlan.Append(apply(append.left()), apply(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(apply(repeat.input()));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(apply(initPlan.input()),
                    apply(initPlan.subplan()));
            case LogicalPlan.SortedSetOperation setOperation ->
                    setOperation.withInputs(apply(setOperation.left()), apply(setOperation.right()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(apply(union.seed()), apply(union.step()));
            case LogicalPlan.Apply apply -> outsideConjunct(apply.kind(), apply(apply.input()), apply(apply.subquery()),
                    apply.comparison());
            case LogicalPlan.LateralJoin join -> new LogicalPlan.LateralJoin(join.type(), apply(join.left()),
                    apply(join.right()), join.conjuncts());
            case LogicalPlan.FunctionScan function -> function;
        };
    }

    // ---- filters: semi and anti joins ---------------------------------------------------------------

    /**
     * A filter over a stack of Applies: each EXISTS, NOT EXISTS or positive ANY that only a conjunct of
     * its own tests becomes a SEMI or ANTI join (its column then a constant); the others the general form.
     */
    private LogicalPlan filter(LogicalPlan.Filter filter) {
        List<LogicalPlan.Apply> stack = new ArrayList<>();
        LogicalPlan base = filter.input();
        while (base instanceof LogicalPlan.Apply apply) {
            stack.addFirst(apply);
            base = apply.input();
        }
        if (stack.isEmpty()) {
            return new LogicalPlan.Filter(apply(base), filter.conjuncts());
        }
        List<BoundExpression> conjuncts = new ArrayList<>(filter.conjuncts());
        LogicalPlan plan = apply(base);
        int width = plan.outputTypes().size();
        for (int i = 0; i < stack.size(); i++) {
            LogicalPlan.Apply apply = stack.get(i);
            int column = width + i;
            LogicalPlan subquery = apply(apply.subquery());
            int test = soleTest(conjuncts, stack, i, column);
            boolean negated = test >= 0 && conjuncts.get(test) instanceof BoundExpression.Not;
            boolean semi = test >= 0 && (apply.kind() == LogicalPlan.SubqueryKind.EXISTS
                    || apply.kind() == LogicalPlan.SubqueryKind.ANY && !negated);
            if (!semi && negated && apply.kind() == LogicalPlan.SubqueryKind.ANY) {
                CorrelationPullUp.Lifted lifted = liftOrNull(lower(subquery));
                LogicalPlan anti = lifted == null || lifted.groupedScalarAggregate() || !lifted.conditions().isEmpty()
                        ? null : NotInAntiJoin.orNull(plan, shiftDepth(lifted.plan()), apply.comparison(), column);
                if (anti != null) {
                    plan = anti;
                    conjuncts.remove(test);
                    continue;
                }
            }
            if (!semi) {
                // uncorrelated, a scalar value in a condition runs as PostgreSQL's InitPlan, once (ReuseGroups- and
                // ReuseSubplanForScalarSubquery compute one over rows the query reads anyway from those), and an
                // EXISTS or ANY that is not the conjunct's sole test as its (hashed) SubPlan
                plan = outsideConjunct(apply.kind(), plan, subquery, apply.comparison());
                continue;
            }
            CorrelationPullUp.Lifted lifted = liftOrNull(lower(subquery));
            if (lifted == null || lifted.groupedScalarAggregate()) {
                plan = general(apply.kind(), plan, subquery, apply.comparison());
                continue;
            }
            List<BoundExpression> condition = joinConditions(lifted.conditions(), column);
            if (apply.comparison() != null) {
                condition.add(apply.comparison());
            }
            LogicalPlan joined = new LogicalPlan.Join(negated ? LogicalPlan.JoinType.ANTI : LogicalPlan.JoinType.SEMI,
                    plan, shiftDepth(lifted.plan()), condition);
            List<BoundExpression> columns = columns(joined, column);
            columns.add(new BoundExpression.Constant(!negated, LogicalType.BOOLEAN, 0));
            plan = new LogicalPlan.Project(joined, columns);
            conjuncts.remove(test);
        }
        LogicalPlan filtered = conjuncts.isEmpty() ? plan : new LogicalPlan.Filter(plan, conjuncts);
        return filtered;
    }

    /**
     * The index of the conjunct that is exactly {@code #column} or {@code NOT #column}, when no other conjunct
     * and no later Apply reads that column; else -1.
     */
    private static int soleTest(List<BoundExpression> conjuncts, List<LogicalPlan.Apply> stack, int index, int column) {
        int found = -1;
        for (int c = 0; c < conjuncts.size(); c++) {
            BoundExpression conjunct = conjuncts.get(c);
            BoundExpression operand = conjunct instanceof BoundExpression.Not not ? not.operand() : conjunct;
            if (operand instanceof BoundExpression.ColumnRef ref && ref.index() == column && found < 0) {
                found = c;
            } else if (reads(conjunct, column)) {
                return -1;
            }
        }
        for (int later = index + 1; later < stack.size(); later++) {
            BoundExpression comparison = stack.get(later).comparison();
            if (comparison != null && reads(comparison, column)) {
                return -1;
            }
        }
        return found;
    }

    private static boolean reads(BoundExpression expression, int column) {
        BitSet read = new BitSet();
        ColumnReferences.collect(expression, read);
        return read.get(column);
    }

    // ---- the general form: a LEFT join that yields the value or mark -------------------------------------

    /**
     * A subquery outside a WHERE conjunct of its own (the SELECT list, under OR or CASE): uncorrelated, it stays an
     * Apply that runs it once, PostgreSQL's InitPlan (a scalar value or EXISTS) or hashed SubPlan (ANY); correlated,
     * the general form.
     */
    private static LogicalPlan outsideConjunct(LogicalPlan.SubqueryKind kind, LogicalPlan input, LogicalPlan subquery,
                                               BoundExpression comparison) {
        if (!readsEnclosingQuery(subquery)) {
            return new LogicalPlan.Apply(kind, input, subquery, comparison);
        }
        return general(kind, input, subquery, comparison);
    }

    /**
     * Joins when the correlation lifts, directly or once the subquery's value is computed over one row of a LATERAL
     * join ({@link DecorrelateLateralJoins}); otherwise the Apply stays, PostgreSQL's SubPlan, which {@link #lower}
     * runs once per input row.
     */
    private static LogicalPlan general(LogicalPlan.SubqueryKind kind, LogicalPlan input, LogicalPlan subquery,
                                       BoundExpression comparison) {
        try {
            return joined(kind, input, subquery, comparison);
        } catch (BasaltException notJoinable) {
            if (notJoinable.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw notJoinable;
            }
        }
        LogicalPlan lateral = perRow(kind, input, lower(subquery), comparison);
        LogicalPlan decorrelated = new DecorrelateLateralJoins().apply(lateral);
        return decorrelated instanceof LogicalPlan.LateralJoin
                ? new LogicalPlan.Apply(kind, input, subquery, comparison) : decorrelated;
    }

    /**
     * {@code plan} with every Apply the optimizer kept (a SubPlan or InitPlan, see {@link #outsideConjunct} and
     * {@link #general}) replaced by operators that run it, innermost first: an uncorrelated subquery by the join
     * of its one-row value (computed once), a correlated one by a LATERAL join over its value per input row.
     */
    public static LogicalPlan lower(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Apply apply) {
            LogicalPlan input = lower(apply.input());
            LogicalPlan subquery = lower(apply.subquery());
            try {
                return joined(apply.kind(), input, subquery, apply.comparison());
            } catch (BasaltException notJoinable) {
                if (notJoinable.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                    throw notJoinable;
                }
                return perRow(apply.kind(), input, subquery, apply.comparison());
            }
        }
        // nodes without an Apply below stay the same objects (EXPLAIN ANALYZE finds its figures by node)
        return containsApply(plan) ? PlanChildren.map(plan, DecorrelateSubqueries::lower) : plan;
    }

    private static boolean containsApply(LogicalPlan plan) {
        boolean[] found = {plan instanceof LogicalPlan.Apply};
        if (!found[0]) {
            PlanChildren.map(plan, child -> {
                found[0] |= containsApply(child);
                return child;
            });
        }
        return found[0];
    }

    /** Whether {@code subquery} reads a row of a query enclosing it (it is correlated). */
    public static boolean readsEnclosingQuery(LogicalPlan subquery) {
        boolean[] found = {false};
        io.basalt.plan.logical.PlanExpressions.rewrite(subquery, (expression, depth) -> {
            PlaceholderReplacement.replace(expression, leaf -> {
                if (leaf.function() instanceof Placeholder.OuterColumn outer && outer.depth() > depth) {
                    found[0] = true;
                }
                return leaf;
            });
            return expression;
        });
        return found[0];
    }

    /** The lifted correlation of {@code subquery}, or null when it cannot be lifted. */
    private static CorrelationPullUp.Lifted liftOrNull(LogicalPlan subquery) {
        try {
            return CorrelationPullUp.lift(subquery);
        } catch (BasaltException notLiftable) {
            if (notLiftable.sqlState() != SqlState.FEATURE_NOT_SUPPORTED) {
                throw notLiftable;
            }
            return null;
        }
    }

    /**
     * A subquery whose correlation cannot be lifted (it reads the outer row in its SELECT list, under a LIMIT, in
     * an outer join, ...): a LATERAL join of the input with the subquery's value computed as for an uncorrelated
     * subquery over one row, so that it runs once per input row. The subquery's outer references of depth 1 then
     * read the LATERAL join's left row, which is the input row; an ANY comparison's input columns become such
     * references too.
     */
    private static LogicalPlan perRow(LogicalPlan.SubqueryKind kind, LogicalPlan input, LogicalPlan subquery,
                                      BoundExpression comparison) {
        LogicalPlan oneRow = new LogicalPlan.Values(List.of(List.of()), List.of());
        Keys none = new Keys(List.of(), List.of());
        LogicalPlan value = switch (kind) {
            case SCALAR -> SubqueryValues.scalar(oneRow, subquery, subquery, List.of(), false);
            case EXISTS -> SubqueryValues.existsMark(oneRow, subquery, none);
            case ANY -> SubqueryValues.anyMark(oneRow, subquery, none,
                    inputAsOuterRow(comparison, input.outputTypes(), subquery.outputTypes().getFirst()));
        };
        return new LogicalPlan.LateralJoin(LogicalPlan.JoinType.INNER, input, value, List.of());
    }

    /**
     * {@code comparison} (over the input's columns, then the subquery's one column) as seen from inside a LATERAL
     * right side over one row: the input's columns become outer references of depth 1, outer references move one
     * level out, and the subquery's column becomes column 0.
     */
    private static BoundExpression inputAsOuterRow(BoundExpression comparison, List<LogicalType> inputTypes,
                                                   LogicalType valueType) {
        BoundExpression deeper = PlaceholderReplacement.replace(comparison, leaf ->
                leaf.function() instanceof Placeholder.OuterColumn outer
                        ? Placeholder.of(new Placeholder.OuterColumn(outer.depth() + 1, outer.index(),
                                outer.qualifiedName()), leaf.type(), leaf.position())
                        : leaf);
        List<BoundExpression> replacements = new ArrayList<>();
        for (int i = 0; i < inputTypes.size(); i++) {
            replacements.add(Placeholder.of(new Placeholder.OuterColumn(1, i, "#" + i), inputTypes.get(i), 0));
        }
        replacements.add(new BoundExpression.ColumnRef(0, null, "?column?", valueType, 0));
        return io.basalt.optimizer.ExpressionSubstitution.substitute(deeper, replacements);
    }

    private static LogicalPlan joined(LogicalPlan.SubqueryKind kind, LogicalPlan input, LogicalPlan subquery,
                                      BoundExpression comparison) {
        int width = input.outputTypes().size();
        CorrelationPullUp.Lifted lifted = CorrelationPullUp.lift(lower(subquery));
        LogicalPlan inner = shiftDepth(lifted.plan());
        if (kind == LogicalPlan.SubqueryKind.SCALAR) {
            return SubqueryValues.scalar(input, subquery, inner, joinConditions(lifted.conditions(), width),
                    lifted.groupedScalarAggregate());
        }
        if (lifted.groupedScalarAggregate()) {
            throw CorrelationPullUp.unsupported("an aggregation without GROUP BY under EXISTS or ANY");
        }
        Keys keys = keys(lifted.conditions(), width);
        return kind == LogicalPlan.SubqueryKind.EXISTS ? SubqueryValues.existsMark(input, inner, keys)
                : SubqueryValues.anyMark(input, inner, keys, comparison);
    }

    /** Correlation conditions split as {@code inner = outer}: inner sides over the subquery, outer over the input. */
    record Keys(List<BoundExpression> inner, List<BoundExpression> outer) {
    }

    private static Keys keys(List<BoundExpression> conditions, int width) {
        List<BoundExpression> inner = new ArrayList<>();
        List<BoundExpression> outer = new ArrayList<>();
        for (BoundExpression condition : conditions) {
            if (condition instanceof BoundExpression.Comparison comparison && comparison.operator() == CompareOp.EQ) {
                if (CorrelationPullUp.isInnerOnly(comparison.left()) && CorrelationPullUp.isOuterOnly(comparison.right())) {
                    inner.add(shiftDepth(comparison.left()));
                    outer.add(outerToInput(comparison.right()));
                    continue;
                }
                if (CorrelationPullUp.isInnerOnly(comparison.right()) && CorrelationPullUp.isOuterOnly(comparison.left())) {
                    inner.add(shiftDepth(comparison.right()));
                    outer.add(outerToInput(comparison.left()));
                    continue;
                }
            }
            throw CorrelationPullUp.unsupported("a condition other than an equality, outside a WHERE conjunct");
        }
        return new Keys(inner, outer);
    }

    /** Lifted conditions over the join of the input ({@code width} columns) and the subquery. */
    static List<BoundExpression> joinConditions(List<BoundExpression> conditions, int width) {
        List<BoundExpression> out = new ArrayList<>();
        for (BoundExpression condition : conditions) {
            BitSet read = new BitSet();
            ColumnReferences.collect(condition, read);
            int[] mapping = new int[read.length()];
            for (int i = 0; i < mapping.length; i++) {
                mapping[i] = width + i;
            }
            out.add(outerToInput(shiftDepth(ColumnReferences.renumber(condition, mapping))));
        }
        return out;
    }

    /** Depth-1 outer references become columns of the input. */
    private static BoundExpression outerToInput(BoundExpression expression) {
        return PlaceholderReplacement.replace(expression, leaf ->
                leaf.function() instanceof Placeholder.OuterColumn outer && outer.depth() == 1
                        ? new BoundExpression.ColumnRef(outer.index(), null, outer.qualifiedName(), leaf.type(),
                                leaf.position())
                        : leaf);
    }

    /** Outer references of depth 2 and more move one level in (the subquery now lives in its parent). */
    private static BoundExpression shiftDepth(BoundExpression expression) {
        return PlaceholderReplacement.replace(expression, leaf ->
                leaf.function() instanceof Placeholder.OuterColumn outer && outer.depth() > 1
                        ? Placeholder.of(new Placeholder.OuterColumn(outer.depth() - 1, outer.index(),
                                outer.qualifiedName()), leaf.type(), leaf.position())
                        : leaf);
    }

    private static List<BoundExpression> shiftDepth(List<BoundExpression> expressions) {
        List<BoundExpression> out = new ArrayList<>();
        for (BoundExpression expression : expressions) {
            out.add(shiftDepth(expression));
        }
        return out;
    }

    /** {@link #shiftDepth(BoundExpression)} over every expression of a plan. */
    static LogicalPlan shiftDepth(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Scan scan -> scan;
            case LogicalPlan.Values values -> {
                List<List<BoundExpression>> rows = new ArrayList<>();
                for (List<BoundExpression> row : values.rows()) {
                    rows.add(shiftDepth(row));
                }
                yield new LogicalPlan.Values(rows, values.outputTypes());
            }
            case LogicalPlan.Filter filter -> new LogicalPlan.Filter(shiftDepth(filter.input()),
                    shiftDepth(filter.conjuncts()));
            case LogicalPlan.Project project -> new LogicalPlan.Project(shiftDepth(project.input()),
                    shiftDepth(project.expressions()));
            case LogicalPlan.Join join -> new LogicalPlan.Join(join.type(), shiftDepth(join.left()),
                    shiftDepth(join.right()), shiftDepth(join.conjuncts()));
            case LogicalPlan.Aggregate aggregate -> {
                List<LogicalPlan.AggregateSpec> specs = new ArrayList<>();
                for (LogicalPlan.AggregateSpec spec : aggregate.aggregates()) {
                    specs.add(spec.map(operand -> shiftDepth(operand)));
                }
                yield aggregate.with(shiftDepth(aggregate.input()), shiftDepth(aggregate.groupKeys()), specs);
            }
            case LogicalPlan.Sort sort -> new LogicalPlan.Sort(shiftDepth(sort.input()), sort.keys());
            case LogicalPlan.DistinctOn distinct -> new LogicalPlan.DistinctOn(shiftDepth(distinct.input()),
                    distinct.keys());
            case LogicalPlan.Window window -> window.map(shiftDepth(window.input()), DecorrelateSubqueries::shiftDepth);
            case LogicalPlan.Limit limit -> limit.withInput(shiftDepth(limit.input()));
            case LogicalPlan.Write write -> throw BasaltException.internal(write.kind() + " inside a subquery");
            case LogicalPlan.Append append -> new LogicalPlan.Append(shiftDepth(append.left()),
                    shiftDepth(append.right()));
            case LogicalPlan.Repeat repeat -> new LogicalPlan.Repeat(shiftDepth(repeat.input()));
            case LogicalPlan.InitPlanOverInput initPlan -> initPlan.withInputs(shiftDepth(initPlan.input()),
                    shiftDepth(initPlan.subplan()));
            case LogicalPlan.SortedSetOperation setOperation ->
                    setOperation.withInputs(shiftDepth(setOperation.left()), shiftDepth(setOperation.right()));
            case LogicalPlan.RecursiveUnion union -> union.withInputs(shiftDepth(union.seed()), shiftDepth(union.step()));
            case LogicalPlan.Apply apply -> throw BasaltException.internal("nested subquery left undecorrelated");
            case LogicalPlan.FunctionScan function -> new LogicalPlan.FunctionScan(function.function(),
                    shiftDepth(function.arguments()), function.outputTypes());
            case LogicalPlan.LateralJoin join -> {
                // inside the right side an outer reference of depth 1 is the left row; deeper ones would need
                // shifting past it
                if (hasOuterColumnBeyond(join.right())) {
                    throw CorrelationPullUp.unsupported("a LATERAL subquery");
                }
                yield new LogicalPlan.LateralJoin(join.type(), shiftDepth(join.left()), join.right(),
                        shiftDepth(join.conjuncts()));
            }
        };
    }

    /** Whether {@code plan} (a LATERAL right side) reads a query level beyond its LATERAL join's left row. */
    static boolean hasOuterColumnBeyond(LogicalPlan plan) {
        boolean[] found = {false};
        io.basalt.plan.logical.PlanExpressions.rewrite(plan, (expression, depth) -> {
            PlaceholderReplacement.replace(expression, leaf -> {
                if (leaf.function() instanceof Placeholder.OuterColumn outer && outer.depth() > depth + 1) {
                    found[0] = true;
                }
                return leaf;
            });
            return expression;
        });
        return found[0];
    }

    static List<BoundExpression> columns(LogicalPlan plan, int width) {
        List<LogicalType> types = plan.outputTypes();
        List<BoundExpression> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            out.add(new BoundExpression.ColumnRef(i, null, "?column?", types.get(i), 0));
        }
        return out;
    }

    static AggregateFunction countStar() {
        return CountAggregate.star();
    }

    static AggregateFunction count(LogicalType type) {
        return new CountAggregate(type);
    }

    /** min or max over {@code type}; null when the type has no order the aggregation knows. */
    static AggregateFunction extremum(boolean max, LogicalType type) {
        if (type.id() == TypeId.BOOLEAN || type.id() == TypeId.UNKNOWN) {
            return null;
        }
        return new MinMaxAggregate(max, type.id() == TypeId.VARCHAR ? LogicalType.TEXT : type);
    }
}
