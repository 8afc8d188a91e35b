package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ExpressionEquivalence;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.GroupingSets;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * The aggregation of a SELECT whose GROUP BY has grouping sets or whose clauses call {@code GROUPING()}.
 * The aggregation's output, which the {@link ExpressionRewriter} addresses, is laid out as: the distinct
 * grouping expressions, one column per distinct {@code GROUPING(...)} call, then the aggregates. Several
 * grouping sets are computed in one pass over the input, as one aggregation ({@link GroupingSetsExpansion});
 * a single set (a GROUP BY whose clauses call {@code GROUPING()}) is one aggregation projected to that layout
 * (NULL for the expressions the set does not group by, the call's bit mask as a constant).
 * A real NULL group value stays distinguishable from an absent one through {@code GROUPING}.
 * A plain GROUP BY without {@code GROUPING()} keeps the single Aggregate it always had.
 */
final class GroupingSetsPlan {
    private final List<BoundExpression> keys;
    /** Per set, indices into {@link #keys}; null for a plain GROUP BY without GROUPING calls. */
    private final List<List<Integer>> sets;
    private final List<BoundExpression.Function> groupingCalls;

    private GroupingSetsPlan(List<BoundExpression> keys, List<List<Integer>> sets,
                             List<BoundExpression.Function> groupingCalls) {
        this.keys = keys;
        this.sets = sets;
        this.groupingCalls = groupingCalls;
    }

    /**
     * The aggregation of {@code written} keys (the bound GROUP BY expressions in clause order) under
     * {@code groupingSets} (null for a plain list), for the expressions in {@code clauses} (bound over the
     * input, before rewriting), whose GROUPING calls it collects and checks (42803 when an argument is not
     * a grouping expression).
     */
    static GroupingSetsPlan of(List<BoundExpression> written, GroupingSets groupingSets,
                               List<BoundExpression> clauses) {
        List<BoundExpression.Function> calls = new ArrayList<>();
        for (BoundExpression expression : clauses) {
            collectGroupingCalls(expression, calls);
        }
        if (groupingSets == null && calls.isEmpty()) {
            return new GroupingSetsPlan(written, null, List.of());
        }
        List<BoundExpression> keys = new ArrayList<>();
        int[] distinctIndex = new int[written.size()];
        for (int i = 0; i < written.size(); i++) {
            distinctIndex[i] = indexOf(keys, written.get(i));
            if (distinctIndex[i] < 0) {
                keys.add(written.get(i));
                distinctIndex[i] = keys.size() - 1;
            }
        }
        for (BoundExpression.Function call : calls) {
            for (BoundExpression argument : call.arguments()) {
                if (indexOf(keys, argument) < 0) {
                    throw BasaltException.at(SqlState.GROUPING_ERROR, argument.position(),
                            "arguments to GROUPING must be grouping expressions of the associated query level");
                }
            }
        }
        List<List<Integer>> sets = new ArrayList<>();
        List<List<Integer>> writtenSets = groupingSets == null ? List.of(allOf(written.size())) : groupingSets.sets();
        boolean distinct = groupingSets != null && groupingSets.distinct();
        for (List<Integer> writtenSet : writtenSets) {
            boolean[] member = new boolean[keys.size()];
            for (int index : writtenSet) {
                member[distinctIndex[index]] = true;
            }
            List<Integer> set = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                if (member[k]) {
                    set.add(k);
                }
            }
            if (!distinct || !sets.contains(set)) {
                sets.add(set);
            }
        }
        return new GroupingSetsPlan(keys, sets, calls);
    }

    /** What the rewriter matches, in output column order ahead of the aggregates. */
    List<BoundExpression> outputKeys() {
        List<BoundExpression> out = new ArrayList<>(keys);
        out.addAll(groupingCalls);
        return out;
    }

    /** The aggregation of {@code input} computing {@code aggregates}, laid out as {@link #outputKeys} then them. */
    LogicalPlan build(LogicalPlan input, List<LogicalPlan.AggregateSpec> aggregates) {
        if (sets == null) {
            return new LogicalPlan.Aggregate(input, keys, aggregates);
        }
        if (sets.size() == 1) {
            return branch(input, sets.getFirst(), aggregates);
        }
        List<BoundExpression> resolvedKeys = new ArrayList<>();
        for (BoundExpression key : keys) {
            resolvedKeys.add(resolved(key));
        }
        List<List<Integer>> masks = new ArrayList<>();
        for (BoundExpression.Function call : groupingCalls) {
            List<Integer> perSet = new ArrayList<>();
            for (List<Integer> set : sets) {
                perSet.add(mask(call, set));
            }
            masks.add(perSet);
        }
        return GroupingSetsExpansion.build(input, resolvedKeys, sets, masks, aggregates);
    }

    private LogicalPlan branch(LogicalPlan input, List<Integer> set, List<LogicalPlan.AggregateSpec> aggregates) {
        List<BoundExpression> grouped = new ArrayList<>(set.size());
        for (int k : set) {
            grouped.add(resolved(keys.get(k)));
        }
        LogicalPlan aggregate = new LogicalPlan.Aggregate(input, grouped, aggregates);
        List<LogicalType> types = aggregate.outputTypes();
        List<BoundExpression> projected = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            int position = set.indexOf(k);
            LogicalType type = resolved(keys.get(k)).type();
            projected.add(position >= 0 ? new BoundExpression.ColumnRef(position, null, "?column?", types.get(position), 0)
                    : new BoundExpression.Constant(null, type, 0));
        }
        for (BoundExpression.Function call : groupingCalls) {
            projected.add(new BoundExpression.Constant((long) mask(call, set), LogicalType.INTEGER, call.position()));
        }
        for (int a = 0; a < aggregates.size(); a++) {
            int column = set.size() + a;
            projected.add(new BoundExpression.ColumnRef(column, null, "?column?", types.get(column), 0));
        }
        return new LogicalPlan.Project(aggregate, projected);
    }

    /**
     * A grouping expression with a type every branch agrees on: an unknown-typed literal is text, as
     * PostgreSQL resolves it (the branches that do not group by it must produce a typed NULL).
     */
    private static BoundExpression resolved(BoundExpression key) {
        return key.type().id() == TypeId.UNKNOWN ? Coercion.cast(key, LogicalType.TEXT, false) : key;
    }

    /** GROUPING's value in {@code set}: bit {@code n-1-i} set when argument {@code i} is not grouped there. */
    private int mask(BoundExpression.Function call, List<Integer> set) {
        int mask = 0;
        for (BoundExpression argument : call.arguments()) {
            mask = (mask << 1) | (set.contains(indexOf(keys, argument)) ? 0 : 1);
        }
        return mask;
    }

    private static List<Integer> allOf(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            all.add(i);
        }
        return all;
    }

    private static int indexOf(List<? extends BoundExpression> expressions, BoundExpression expression) {
        for (int i = 0; i < expressions.size(); i++) {
            if (ExpressionEquivalence.same(expressions.get(i), expression)) {
                return i;
            }
        }
        return -1;
    }

    /** Adds the distinct GROUPING calls in {@code expression} to {@code calls}. */
    private static void collectGroupingCalls(BoundExpression expression, List<BoundExpression.Function> calls) {
        switch (expression) {
            case BoundExpression.Function e when GroupingFunction.isCall(e) -> {
                if (indexOf(calls, e) < 0) {
                    calls.add(e);
                }
            }
            case BoundExpression.Function e -> collectAll(e.arguments(), calls);
            case BoundExpression.ColumnRef e -> { }
            case BoundExpression.Constant e -> { }
            case BoundExpression.AggregateCall e -> { }
            case BoundExpression.Arithmetic e -> collectAll(List.of(e.left(), e.right()), calls);
            case BoundExpression.Negate e -> collectGroupingCalls(e.operand(), calls);
            case BoundExpression.Comparison e -> collectAll(List.of(e.left(), e.right()), calls);
            case BoundExpression.Logical e -> collectAll(e.operands(), calls);
            case BoundExpression.Not e -> collectGroupingCalls(e.operand(), calls);
            case BoundExpression.IsNull e -> collectGroupingCalls(e.operand(), calls);
            case BoundExpression.Cast e -> collectGroupingCalls(e.operand(), calls);
            case BoundExpression.Case e -> {
                collectAll(e.conditions(), calls);
                collectAll(e.results(), calls);
                if (e.otherwise() != null) {
                    collectGroupingCalls(e.otherwise(), calls);
                }
            }
        }
    }

    private static void collectAll(List<BoundExpression> expressions, List<BoundExpression.Function> calls) {
        for (BoundExpression expression : expressions) {
            if (expression != null) {
                collectGroupingCalls(expression, calls);
            }
        }
    }
}
