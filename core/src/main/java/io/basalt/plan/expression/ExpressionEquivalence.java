package io.basalt.plan.expression;

import java.util.List;
import java.util.Objects;

/**
 * Whether two expressions compute the same thing: the same tree of operators over the same columns and
 * constants, wherever in the query text they came from (source positions are ignored). Function calls
 * match when their function objects are equal, not merely their names: a function may carry part of its
 * call (a LIKE compiled for its pattern), so two calls of one name can differ with equal arguments.
 */
public final class ExpressionEquivalence {
    private ExpressionEquivalence() {
    }

    public static boolean same(BoundExpression a, BoundExpression b) {
        if (a == null || b == null) {
            return a == b;
        }
        return switch (a) {
            case BoundExpression.ColumnRef x -> b instanceof BoundExpression.ColumnRef y && x.index() == y.index();
            case BoundExpression.Constant x -> b instanceof BoundExpression.Constant y
                    && Objects.equals(x.value(), y.value()) && x.type().equals(y.type());
            case BoundExpression.Arithmetic x -> b instanceof BoundExpression.Arithmetic y
                    && x.operator() == y.operator() && x.type().equals(y.type()) && same(x.left(), y.left())
                    && same(x.right(), y.right());
            case BoundExpression.Negate x -> b instanceof BoundExpression.Negate y && same(x.operand(), y.operand());
            case BoundExpression.Comparison x -> b instanceof BoundExpression.Comparison y
                    && x.operator() == y.operator() && same(x.left(), y.left()) && same(x.right(), y.right());
            case BoundExpression.Logical x -> b instanceof BoundExpression.Logical y && x.isAnd() == y.isAnd()
                    && sameAll(x.operands(), y.operands());
            case BoundExpression.Not x -> b instanceof BoundExpression.Not y && same(x.operand(), y.operand());
            case BoundExpression.IsNull x -> b instanceof BoundExpression.IsNull y && x.negated() == y.negated()
                    && same(x.operand(), y.operand());
            case BoundExpression.Cast x -> b instanceof BoundExpression.Cast y && x.type().equals(y.type())
                    && x.explicit() == y.explicit() && same(x.operand(), y.operand());
            case BoundExpression.Case x -> b instanceof BoundExpression.Case y && x.type().equals(y.type())
                    && sameAll(x.conditions(), y.conditions()) && sameAll(x.results(), y.results())
                    && same(x.otherwise(), y.otherwise());
            case BoundExpression.Function x -> b instanceof BoundExpression.Function y
                    && x.function().equals(y.function()) && x.type().equals(y.type())
                    && sameAll(x.arguments(), y.arguments());
            case BoundExpression.AggregateCall x -> b instanceof BoundExpression.AggregateCall y
                    && x.function().equals(y.function()) && same(x.argument(), y.argument())
                    && sameAll(x.extraArguments(), y.extraArguments()) && same(x.filter(), y.filter());
        };
    }

    public static boolean sameAll(List<BoundExpression> a, List<BoundExpression> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
