package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.Placeholder;
import io.basalt.plan.expression.PlaceholderReplacement;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.Query;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The subqueries written in the expressions of one clause (or of the clauses that share one input:
 * SELECT list, ORDER BY and HAVING). Each is bound as a query enclosed by the clause's scope, so that the
 * names the subquery lacks resolve there (a correlated reference); in the expression it becomes a
 * {@link Placeholder.SubqueryResult}. Once the clause's input plan is known, {@link #applyTo} stacks one
 * {@link LogicalPlan.Apply} per subquery on it and {@link #place} turns placeholder {@code k} into the
 * column the k-th Apply appends.
 */
final class ClauseSubqueries {
    private record Pending(LogicalPlan.SubqueryKind kind, LogicalPlan plan, BoundExpression comparison,
                           boolean correlated, List<BoundExpression.AggregateCall> outerAggregates, int position) {
    }

    private final BindContext context;
    private final Surroundings surroundings;
    private final Scope scope;
    private final List<Pending> pending = new ArrayList<>();
    /** Whether the clause's query takes the aggregates its subqueries write over its columns ({@link #regroup}). */
    private boolean takesAggregates;
    /** The clause named in the error when a subquery writes an aggregate of the clause's query, or null. */
    private String aggregateClause;

    ClauseSubqueries(BindContext context, Surroundings surroundings, Scope scope) {
        this.context = context;
        this.surroundings = surroundings;
        this.scope = scope;
    }

    boolean isEmpty() {
        return pending.isEmpty();
    }

    /** Lets the subqueries write aggregates of the clause's query (the SELECT list, HAVING and ORDER BY). */
    void takeAggregates() {
        takesAggregates = true;
    }

    /** Names the clause for the error raised when a subquery writes an aggregate of the clause's query here. */
    void refuseAggregatesAs(String clause) {
        aggregateClause = clause;
    }

    /**
     * {@code call}, written in a subquery bound with these surroundings, as PostgreSQL places it: an aggregate
     * whose arguments, ORDER BY and FILTER read no column of the subquery belongs to the nearest enclosing query
     * whose columns they read (it is computed over that query's groups and is a constant to the subquery);
     * returns what the subquery reads then, or null when the aggregate is the subquery's own.
     */
    BoundExpression enclosingQueryAggregate(BoundExpression.AggregateCall call) {
        if (surroundings.outer() == null) {
            return null;
        }
        java.util.BitSet local = new java.util.BitSet();
        ColumnReferences.collect(call, local);
        int[] nearest = {Integer.MAX_VALUE};
        boolean[] subquery = {false};
        PlaceholderReplacement.replace(call, leaf -> {
            if (leaf.function() instanceof Placeholder.OuterColumn outer) {
                nearest[0] = Math.min(nearest[0], outer.depth());
            } else if (leaf.function() instanceof Placeholder.SubqueryResult) {
                subquery[0] = true;
            }
            return leaf;
        });
        if (!local.isEmpty() || subquery[0] || nearest[0] == Integer.MAX_VALUE) {
            return null;
        }
        int depth = nearest[0];
        Surroundings.OuterScope level = surroundings.outer();
        for (int d = 1; d < depth; d++) {
            level = level.parent();
        }
        BoundExpression.AggregateCall outside = call.map(operand -> PlaceholderReplacement.replace(operand, leaf ->
                leaf.function() instanceof Placeholder.OuterColumn outer
                        ? outer.depth() == depth
                                ? new BoundExpression.ColumnRef(outer.index(), null, outer.qualifiedName(), leaf.type(),
                                        leaf.position())
                                : Placeholder.of(new Placeholder.OuterColumn(outer.depth() - depth, outer.index(),
                                        outer.qualifiedName()), leaf.type(), leaf.position())
                        : leaf));
        BoundExpression read = level.addAggregate(outside, depth, call.function().name(), call.position());
        if (read == null) {
            throw BasaltException.at(SqlState.GROUPING_ERROR, call.position(),
                    "aggregate functions are not allowed in FROM clause of their own query level");
        }
        return read;
    }

    /** The aggregates of the clause's query its subqueries write, over the clause's scope. */
    List<BoundExpression.AggregateCall> enclosingAggregates() {
        List<BoundExpression.AggregateCall> all = new ArrayList<>();
        for (Pending p : pending) {
            all.addAll(p.outerAggregates());
        }
        return all;
    }

    /** A name the clause's own scope lacks, looked up in the enclosing queries; null when none has it. */
    BoundExpression resolveOuter(List<String> parts, int position) {
        return surroundings.outer() == null ? null : surroundings.outer().resolve(parts, position);
    }

    /** The whole row of relation {@code qualifier} of an enclosing query; null when none has it. */
    BoundExpression resolveOuterWholeRow(String qualifier, int position) {
        return surroundings.outer() == null ? null : surroundings.outer().wholeRow(qualifier, position);
    }

    BoundExpression scalar(Expression.ScalarSubquery subquery) {
        BoundSubquery bound = bindSubquery(subquery.query());
        if (bound.plan().outputTypes().size() != 1) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, subquery.position(),
                    "subquery must return only one column");
        }
        LogicalType type = bound.plan().outputTypes().getFirst();
        if (type.id() == io.basalt.type.TypeId.UNKNOWN) {
            // PostgreSQL resolves a subquery's unknown-typed output (a bare literal) as text
            type = LogicalType.TEXT;
            BoundExpression text = Coercion.cast(new BoundExpression.ColumnRef(0, null, "?column?",
                    LogicalType.UNKNOWN, subquery.position()), type, false);
            bound = new BoundSubquery(new LogicalPlan.Project(bound.plan(), List.of(text)), bound.correlated());
        }
        return add(LogicalPlan.SubqueryKind.SCALAR, bound, null, type, subquery.position());
    }

    /**
     * {@code ARRAY(query)}: a scalar subquery over the query's rows aggregated by array_agg in their order (arrays
     * stack into one more dimension), an empty array when there are none.
     */
    BoundExpression array(Expression.ArraySubquery subquery) {
        BoundSubquery bound = bindSubquery(subquery.query());
        if (bound.plan().outputTypes().size() != 1) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, subquery.position(),
                    "subquery must return only one column");
        }
        LogicalType element = bound.plan().outputTypes().getFirst();
        if (element.id() == io.basalt.type.TypeId.UNKNOWN) {
            element = LogicalType.TEXT;
        }
        io.basalt.exec.function.aggregate.ArrayAggregate arrayAgg =
                new io.basalt.exec.function.aggregate.ArrayAggregate(element);
        LogicalType type = arrayAgg.resultType();
        BoundExpression column = new BoundExpression.ColumnRef(0, null, "array", element, subquery.position());
        LogicalPlan aggregate = new LogicalPlan.Aggregate(bound.plan(), List.of(),
                List.of(new LogicalPlan.AggregateSpec(arrayAgg, column)));
        BoundExpression collected = new BoundExpression.ColumnRef(0, null, "array", type, subquery.position());
        BoundExpression empty = new BoundExpression.Constant(io.basalt.type.ArrayValue.of(List.of()), type,
                subquery.position());
        BoundExpression value = new BoundExpression.Case(
                List.of(new BoundExpression.IsNull(collected, true, subquery.position())), List.of(collected), empty,
                type, subquery.position());
        LogicalPlan plan = new LogicalPlan.Project(aggregate, List.of(value));
        return add(LogicalPlan.SubqueryKind.SCALAR, new BoundSubquery(plan, bound.correlated()), null, type,
                subquery.position());
    }

    BoundExpression exists(Expression.Exists exists) {
        BoundSubquery bound = bindSubquery(exists.query());
        return add(LogicalPlan.SubqueryKind.EXISTS, new BoundSubquery(withoutRowLimit(bound.plan()),
                bound.correlated()), null, LogicalType.BOOLEAN, exists.position());
    }

    /**
     * An EXISTS subquery without a LIMIT that keeps at least one row (and skips none): whether a row exists does not
     * depend on it, and without it the subquery may become a semi or anti join, as PostgreSQL simplifies it.
     */
    private static LogicalPlan withoutRowLimit(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Project project -> new LogicalPlan.Project(withoutRowLimit(project.input()),
                    project.expressions());
            case LogicalPlan.Limit limit when limit.limit() != 0 && limit.offset() == 0 -> limit.input();
            default -> plan;
        };
    }

    /**
     * {@code operand op ANY (query)}; {@code all} makes it {@code NOT (operand negated-op ANY (query))},
     * which is ALL's three-valued result.
     */
    BoundExpression quantified(BoundExpression operand, CompareOp operator, boolean all, Query query, int position) {
        BoundSubquery bound = bindSubquery(query);
        List<LogicalType> types = bound.plan().outputTypes();
        if (types.size() != 1) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, position,
                    types.size() > 1 ? "subquery has too many columns" : "subquery has too few columns");
        }
        BoundExpression value = Placeholder.of(new Placeholder.SubqueryResult(pending.size()), types.getFirst(),
                position);
        CompareOp tested = all ? operator.negate() : operator;
        BoundExpression comparison = ExpressionBinder.compare(tested, operand, value, position);
        BoundExpression any = add(LogicalPlan.SubqueryKind.ANY, bound, comparison, LogicalType.BOOLEAN, position);
        return all ? new BoundExpression.Not(any, position) : any;
    }

    /** The number of columns {@code query} returns, bound in this clause's surroundings (and then set aside). */
    int width(Query query) {
        return bindSubquery(query).plan().outputTypes().size();
    }

    /** {@code query} bound in this clause's surroundings and set aside; null when it reads an enclosing query. */
    LogicalPlan uncorrelatedPlan(Query query) {
        BoundSubquery bound = bindSubquery(query);
        return bound.correlated() ? null : bound.plan();
    }

    private record BoundSubquery(LogicalPlan plan, boolean correlated,
                                 List<BoundExpression.AggregateCall> outerAggregates) {
        BoundSubquery(LogicalPlan plan, boolean correlated) {
            this(plan, correlated, List.of());
        }
    }

    private BoundSubquery bindSubquery(Query query) {
        Surroundings inner = surroundings.enclosedBy(scope);
        inner.outer().acceptAggregates();
        BoundQuery bound = new QueryBinder(context, inner).bind(query);
        List<BoundExpression.AggregateCall> aggregates = inner.outer().aggregates();
        if (!aggregates.isEmpty() && !takesAggregates) {
            if (aggregateClause == null) {
                throw ExpressionBinder.notYet("aggregates of the enclosing query in a subquery of this clause",
                        aggregates.getFirst().position());
            }
            throw BasaltException.at(SqlState.GROUPING_ERROR, aggregates.getFirst().position(),
                    "aggregate functions are not allowed in " + aggregateClause);
        }
        return new BoundSubquery(bound.plan(), inner.outer().referenced(), List.copyOf(aggregates));
    }

    private BoundExpression add(LogicalPlan.SubqueryKind kind, BoundSubquery bound, BoundExpression comparison,
                                LogicalType type, int position) {
        int id = pending.size();
        pending.add(new Pending(kind, bound.plan(), comparison, bound.correlated(), bound.outerAggregates(),
                position));
        return Placeholder.of(new Placeholder.SubqueryResult(id), type, position);
    }

    /** Whether the left side of some ANY subquery's comparison satisfies {@code test} ({@code max(x) IN (...)}). */
    boolean anyComparison(java.util.function.Predicate<BoundExpression> test) {
        for (Pending p : pending) {
            if (p.comparison() != null && test.test(p.comparison())) {
                return true;
            }
        }
        return false;
    }

    /** Rewrites the comparisons of ANY subqueries (for aggregation, over the aggregate's output). */
    void rewriteComparisons(UnaryOperator<BoundExpression> rewriter) {
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (p.comparison() != null) {
                pending.set(i, new Pending(p.kind(), p.plan(), rewriter.apply(p.comparison()), p.correlated(),
                        p.outerAggregates(), p.position()));
            }
        }
    }

    /** Where the first subquery was written (for an error about them all). */
    int firstPosition() {
        return pending.getFirst().position();
    }

    /**
     * Prepares the subqueries to run over the aggregation's output instead of the clause's scope: each reference
     * to a column of the scope becomes one to the grouping key holding it (PostgreSQL's 42803 "subquery uses
     * ungrouped column" when none does) and each aggregate a subquery wrote for this query becomes a reference
     * to its output column, which {@code rewriter} adds to the aggregation.
     */
    void regroup(ExpressionRewriter rewriter) {
        int width = scope.columns().size();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            if (!p.correlated()) {
                continue;
            }
            LogicalPlan plan = io.basalt.plan.logical.PlanExpressions.rewrite(p.plan(), (expression, depth) ->
                    PlaceholderReplacement.replace(expression, leaf ->
                            leaf.function() instanceof Placeholder.OuterColumn outer && outer.depth() == depth + 1
                                    ? regrouped(leaf, outer, rewriter, width, p.outerAggregates()) : leaf));
            pending.set(i, new Pending(p.kind(), plan, p.comparison(), p.correlated(), p.outerAggregates(),
                    p.position()));
        }
    }

    private static BoundExpression regrouped(BoundExpression.Function leaf, Placeholder.OuterColumn outer,
                                             ExpressionRewriter rewriter, int width,
                                             List<BoundExpression.AggregateCall> aggregates) {
        BoundExpression output;
        if (outer.index() >= width) {
            output = rewriter.rewrite(aggregates.get(outer.index() - width));
        } else {
            try {
                output = rewriter.rewrite(new BoundExpression.ColumnRef(outer.index(), null, outer.qualifiedName(),
                        leaf.type(), leaf.position()));
            } catch (BasaltException ungrouped) {
                if (ungrouped.sqlState() != SqlState.GROUPING_ERROR) {
                    throw ungrouped;
                }
                throw BasaltException.at(SqlState.GROUPING_ERROR, leaf.position(),
                        "subquery uses ungrouped column \"" + outer.qualifiedName() + "\" from outer query");
            }
        }
        return ColumnReferences.substitute(output, column -> Placeholder.of(new Placeholder.OuterColumn(
                outer.depth(), column.index(), outer.qualifiedName()), column.type(), leaf.position()));
    }

    /** {@code input} with one Apply per subquery stacked on it, in the order they were written. */
    LogicalPlan applyTo(LogicalPlan input) {
        int width = input.outputTypes().size();
        LogicalPlan plan = input;
        for (Pending p : pending) {
            plan = new LogicalPlan.Apply(p.kind(), plan, p.plan(),
                    p.comparison() == null ? null : place(p.comparison(), width));
        }
        return plan;
    }

    /** {@code expression} over the Applies' output: subquery {@code k}'s result is column {@code width + k}. */
    BoundExpression place(BoundExpression expression, int width) {
        return PlaceholderReplacement.replace(expression, leaf -> leaf.function() instanceof Placeholder.SubqueryResult r
                ? new BoundExpression.ColumnRef(width + r.id(), null, "?column?", leaf.type(), leaf.position()) : leaf);
    }

    List<BoundExpression> placeAll(List<BoundExpression> expressions, int width) {
        List<BoundExpression> out = new ArrayList<>();
        for (BoundExpression expression : expressions) {
            out.add(place(expression, width));
        }
        return out;
    }
}
