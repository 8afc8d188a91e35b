package io.basalt.planner;

import io.basalt.error.BasaltException;
import io.basalt.exec.expression.ArithmeticExpression;
import io.basalt.exec.expression.CaseExpression;
import io.basalt.exec.expression.CastExpression;
import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.expression.FunctionExpression;
import io.basalt.exec.expression.IsNullExpression;
import io.basalt.exec.expression.LogicalExpression;
import io.basalt.exec.expression.NegateExpression;
import io.basalt.exec.expression.NotExpression;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/** Translates bound expressions into the executor's physical expressions, one node kind at a time. */
final class ExpressionPlanner {
    private ExpressionPlanner() {
    }

    static PhysicalExpression plan(BoundExpression expression) {
        return switch (expression) {
            case BoundExpression.ColumnRef e -> new ColumnExpression(e.index(), e.type());
            case BoundExpression.Constant e -> new ConstantExpression(concrete(e.type()), e.value());
            case BoundExpression.Arithmetic e -> io.basalt.exec.expression.CompactDecimalArithmetic.fuse(
                    new ArithmeticExpression(e.operator(), plan(e.left()), plan(e.right()), e.type()));
            case BoundExpression.Negate e -> new NegateExpression(plan(e.operand()));
            case BoundExpression.Comparison e -> new ComparisonExpression(e.operator(), plan(e.left()), plan(e.right()));
            case BoundExpression.Logical e -> logical(e);
            case BoundExpression.Not e -> new NotExpression(plan(e.operand()));
            case BoundExpression.IsNull e -> new IsNullExpression(plan(e.operand()), e.negated());
            case BoundExpression.Cast e -> new CastExpression(plan(e.operand()), concrete(e.type()), e.explicit());
            case BoundExpression.Case e -> new CaseExpression(planAll(e.conditions()), planAll(e.results()),
                    plan(e.otherwise()), concrete(e.type()));
            case BoundExpression.Function e when e.function() instanceof io.basalt.plan.expression.Placeholder.OuterColumn outer ->
                    // a correlated reference the decorrelation rules could not place (e.g. in an aggregate's FILTER)
                    throw BasaltException.of(io.basalt.error.SqlState.FEATURE_NOT_SUPPORTED,
                            "a correlated reference to " + outer.qualifiedName() + " in this position is not supported yet");
            case BoundExpression.Function e when e.function() instanceof io.basalt.exec.function.scalar.LikeFunction ->
                    new FunctionExpression(e.function(), likeArguments(e.arguments()), e.type());
            case BoundExpression.Function e -> new FunctionExpression(e.function(), planAll(e.arguments()), e.type());
            case BoundExpression.AggregateCall e -> throw BasaltException.internal("aggregate call left in a plan");
        };
    }

    /**
     * A LIKE's arguments, its operand without the binder's cast of a varchar to text (which PostgreSQL's
     * {@code (p_type)::text ~~ '%BRASS'} shows): LIKE matches the value's bytes, which the cast would only copy into
     * a new vector first (TPC-H Q2's, Q9's, Q13's, Q14's, Q16's, Q20's LIKE filters).
     */
    private static List<PhysicalExpression> likeArguments(List<BoundExpression> arguments) {
        List<PhysicalExpression> planned = planAll(arguments);
        if (arguments.getFirst() instanceof BoundExpression.Cast cast && cast.type().id() == TypeId.TEXT
                && (cast.operand().type().id() == TypeId.VARCHAR || cast.operand().type().id() == TypeId.TEXT)) {
            planned.set(0, plan(cast.operand()));
        }
        return planned;
    }

    /**
     * AND/OR; an OR of equalities of one non-column expression with non-NULL constants (what the binder makes of
     * {@code expr IN (c1, c2, ...)}: the equal operands come from one source position) evaluates the
     * expression once. Columns are left to the filters, whose kernels refine a selection by such ORs.
     */
    private static PhysicalExpression logical(BoundExpression.Logical e) {
        List<PhysicalExpression> operands = planAll(e.operands());
        LogicalExpression plain = new LogicalExpression(e.isAnd(), operands);
        if (e.isAnd() || operands.size() < 2) {
            return plain;
        }
        BoundExpression common = null;
        List<ConstantExpression> constants = new ArrayList<>();
        for (int i = 0; i < operands.size(); i++) {
            if (!(e.operands().get(i) instanceof BoundExpression.Comparison comparison)
                    || comparison.operator() != io.basalt.exec.kernel.CompareOp.EQ
                    || comparison.left() instanceof BoundExpression.ColumnRef
                    || (common != null && !common.equals(comparison.left()))
                    || !(operands.get(i) instanceof ComparisonExpression planned)
                    || !(planned.right() instanceof ConstantExpression constant) || constant.value() == null) {
                return plain;
            }
            common = comparison.left();
            constants.add(constant);
        }
        return new io.basalt.exec.expression.AnyEqualsExpression(((ComparisonExpression) operands.getFirst()).left(),
                constants, plain.toString());
    }

    static List<PhysicalExpression> planAll(List<BoundExpression> expressions) {
        List<PhysicalExpression> out = new ArrayList<>(expressions.size());
        for (BoundExpression expression : expressions) {
            out.add(plan(expression));
        }
        return out;
    }

    /** An untyped value that reaches execution (a bare NULL or string literal) is text, as in PostgreSQL. */
    static LogicalType concrete(LogicalType type) {
        return type.id() == TypeId.UNKNOWN ? LogicalType.TEXT : type;
    }
}
