package io.basalt.optimizer;

import io.basalt.plan.expression.BoundExpression;
import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites an expression over a projection's output into one over the projection's input, by putting each
 * projected expression in place of the column that names it. Rules use it to move a condition below a
 * projection. Every expression Basalt has is deterministic, so evaluating a projected expression again in
 * a condition cannot change its value.
 */
public final class ExpressionSubstitution {
    private ExpressionSubstitution() {
    }

    /** {@code expression} with every column {@code #i} replaced by {@code replacements.get(i)}. */
    public static BoundExpression substitute(BoundExpression expression, List<BoundExpression> replacements) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> replacements.get(e.index());
            case BoundExpression.Constant e -> e;
            case BoundExpression.Arithmetic e -> new BoundExpression.Arithmetic(e.operator(),
                    substitute(e.left(), replacements), substitute(e.right(), replacements), e.type(), e.position());
            case BoundExpression.Negate e -> new BoundExpression.Negate(substitute(e.operand(), replacements),
                    e.position());
            case BoundExpression.Comparison e -> new BoundExpression.Comparison(e.operator(),
                    substitute(e.left(), replacements), substitute(e.right(), replacements), e.position());
            case BoundExpression.Logical e -> new BoundExpression.Logical(e.isAnd(),
                    substituteAll(e.operands(), replacements), e.position());
            case BoundExpression.Not e -> new BoundExpression.Not(substitute(e.operand(), replacements), e.position());
            case BoundExpression.IsNull e -> new BoundExpression.IsNull(substitute(e.operand(), replacements),
                    e.negated(), e.position());
            case BoundExpression.Cast e -> new BoundExpression.Cast(substitute(e.operand(), replacements), e.type(),
                    e.explicit(), e.position());
            case BoundExpression.Case e -> new BoundExpression.Case(substituteAll(e.conditions(), replacements),
                    substituteAll(e.results(), replacements), substitute(e.otherwise(), replacements), e.type(),
                    e.position());
            case BoundExpression.Function e -> new BoundExpression.Function(e.function(),
                    substituteAll(e.arguments(), replacements), e.type(), e.position());
            case BoundExpression.AggregateCall e -> e.map(operand -> substitute(operand, replacements));
        };
    }

    public static List<BoundExpression> substituteAll(List<BoundExpression> expressions,
                                                      List<BoundExpression> replacements) {
        List<BoundExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(substitute(expression, replacements));
        }
        return out;
    }
}
