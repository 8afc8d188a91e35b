package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.expression.ExpressionEquivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rewrites expressions bound over a SELECT's input so that they read the output of its aggregation:
 * a subtree equal to a GROUP BY key becomes a reference to that key's column, an aggregate call a
 * reference to its result column (equal calls share one), and any input column left over is the
 * PostgreSQL error "must appear in the GROUP BY clause or be used in an aggregate function".
 */
final class ExpressionRewriter {
    private final List<BoundExpression> groupKeys;
    private final List<BoundExpression.AggregateCall> aggregates = new ArrayList<>();
    private final Map<Integer, BoundExpression> columnDefinitions;

    ExpressionRewriter(List<BoundExpression> groupKeys) {
        this(groupKeys, Map.of());
    }

    /**
     * {@code columnDefinitions}: input columns that stand for an expression over other input columns (the merged
     * columns of a USING join, {@link UsingColumnDefinitions}); such a column not grouped itself is grouped when
     * its definition is.
     */
    ExpressionRewriter(List<BoundExpression> groupKeys, Map<Integer, BoundExpression> columnDefinitions) {
        this.groupKeys = List.copyOf(groupKeys);
        this.columnDefinitions = Map.copyOf(columnDefinitions);
    }

    List<BoundExpression.AggregateCall> aggregates() {
        return aggregates;
    }

    BoundExpression rewrite(BoundExpression expression) {
        for (int k = 0; k < groupKeys.size(); k++) {
            if (ExpressionEquivalence.same(groupKeys.get(k), expression)) {
                return new BoundExpression.ColumnRef(k, null, nameOf(groupKeys.get(k)), expression.type(),
                        expression.position());
            }
        }
        return switch (expression) {
            case BoundExpression.AggregateCall call -> {
                int index = -1;
                for (int a = 0; a < aggregates.size(); a++) {
                    if (ExpressionEquivalence.same(aggregates.get(a), call)) {
                        index = a;
                        break;
                    }
                }
                if (index < 0) {
                    aggregates.add(call);
                    index = aggregates.size() - 1;
                }
                yield new BoundExpression.ColumnRef(groupKeys.size() + index, null, call.function().name(),
                        call.type(), call.position());
            }
            case BoundExpression.ColumnRef column -> {
                BoundExpression definition = columnDefinitions.get(column.index());
                if (definition == null) {
                    throw notGrouped(column);
                }
                // a merged USING column is grouped when what it stands for is; PostgreSQL names that column, at
                // the place of the merged one
                BoundExpression placed = ColumnReferences.substitute(definition, reference ->
                        new BoundExpression.ColumnRef(reference.index(), reference.qualifier(), reference.name(),
                                reference.type(), column.position()));
                try {
                    yield new ExpressionRewriter(groupKeys).rewrite(placed);
                } catch (BasaltException standsForUngrouped) {
                    // the merged column is named unqualified; an input column named for itself keeps its name
                    throw column.qualifier() == null ? standsForUngrouped : notGrouped(column);
                }
            }
            case BoundExpression.Constant constant -> constant;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(), rewrite(e.left()),
                    rewrite(e.right()), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(rewrite(e.operand()), e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(), rewrite(e.left()),
                    rewrite(e.right()), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(), rewriteAll(e.operands()), e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(rewrite(e.operand()), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(rewrite(e.operand()), e.negated(), e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(rewrite(e.operand()), e.type(), e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(rewriteAll(e.conditions()), rewriteAll(e.results()),
                    rewrite(e.otherwise()), e.type(), e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(), rewriteAll(e.arguments()),
                    e.type(), e.position());
        };
    }

    private static BasaltException notGrouped(BoundExpression.ColumnRef column) {
        return BasaltException.at(SqlState.GROUPING_ERROR, column.position(), "column \"" + column.qualifiedName()
                + "\" must appear in the GROUP BY clause or be used in an aggregate function");
    }

    private List<BoundExpression> rewriteAll(List<BoundExpression> expressions) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(rewrite(expression));
        }
        return out;
    }

    private static String nameOf(BoundExpression expression) {
        return expression instanceof BoundExpression.ColumnRef column ? column.name() : "?column?";
    }
}
