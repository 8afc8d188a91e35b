package io.basalt.binder;

import io.basalt.exec.kernel.CompareOp;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL 18's VALUES-to-array conversion: a conjunct of a WHERE or JOIN/ON condition of the form
 * {@code x IN (VALUES (c1), (c2), ...)} or {@code x op ANY (VALUES ...)}, whose bare VALUES list (no ORDER BY,
 * LIMIT or OFFSET) has one column, at least two rows and only elements that fold to constants, compares
 * {@code x} with an array constant instead ({@code x = ANY ('{c1,c2}'::integer[])}), a filter rather than a
 * semi join. The answers are the same (ANY over an array and over a subquery treat NULLs alike); an
 * element that reads a column, calls a volatile function or holds a subquery keeps the subquery.
 */
final class ValuesListComparisons {
    private ValuesListComparisons() {
    }

    /** Adds to {@code into} the IN / ANY subqueries over a VALUES list among the AND-ed conjuncts of {@code condition}. */
    static void collectConjuncts(Expression condition, Set<Expression> into) {
        switch (condition) {
            case Expression.Binary e when e.operator().equalsIgnoreCase("AND") -> {
                collectConjuncts(e.left(), into);
                collectConjuncts(e.right(), into);
            }
            case Expression.InSubquery e when !e.negated() && !(e.operand() instanceof Expression.RowConstructor)
                    && valuesList(e.query()) != null -> into.add(e);
            case Expression.Quantified e when !e.all() && e.query() != null
                    && !(e.left() instanceof Expression.RowConstructor) && valuesList(e.query()) != null -> into.add(e);
            default -> {
            }
        }
    }

    /** The VALUES list {@code query} is, when it is nothing more (inner parentheses aside), one column wide and two rows long. */
    static QueryBody.Values valuesList(Query query) {
        if (query.with() != null || !query.orderBy().isEmpty() || query.limit() != null || query.offset() != null
                || !query.locking().isEmpty()) {
            return null;
        }
        return switch (query.body()) {
            case QueryBody.Values values when values.rows().size() >= 2 && values.rows().getFirst().size() == 1 -> values;
            case QueryBody.Nested nested -> valuesList(nested.query());
            default -> null;
        };
    }

    /**
     * {@code operand op ANY (array of the list's values)}, folded to a boolean constant when the operand is constant
     * too; null when the bound list is not a list of constants (then the subquery stays).
     */
    static BoundExpression comparison(BoundExpression operand, CompareOp operator, LogicalPlan list, int position) {
        if (!(list instanceof LogicalPlan.Values values) || values.outputTypes().size() != 1) {
            return null;
        }
        LogicalType type = values.outputTypes().getFirst();
        if (type.isArray() || type.isRecord() || type.id() == TypeId.UNKNOWN || operand.type().isRecord()
                || operand.type().isArray() || Coercion.commonType(operand.type(), type) == null) {
            return null;
        }
        LogicalType elementType = ArrayExpressions.withoutModifiers(type);
        List<Object> elements = new ArrayList<>(values.rows().size());
        for (List<BoundExpression> row : values.rows()) {
            BoundExpression element = Coercion.cast(row.getFirst(), elementType, false);
            if (element instanceof BoundExpression.Constant constant) {
                elements.add(constant.value());
            } else if (ConstantEvaluator.isConstant(element)) {
                try {
                    elements.add(ConstantEvaluator.evaluate(element));
                } catch (RuntimeException e) {
                    return null; // the subquery raises the error when it runs
                }
            } else {
                return null;
            }
        }
        BoundExpression array = new BoundExpression.Constant(ArrayValue.of(elements),
                LogicalType.arrayOf(elementType), position);
        BoundExpression comparison = ArrayExpressions.quantified(operator, false, operand, array, position);
        if (!ConstantEvaluator.isConstant(comparison)) {
            return comparison;
        }
        try {
            return new BoundExpression.Constant(ConstantEvaluator.evaluate(comparison), LogicalType.BOOLEAN, position);
        } catch (RuntimeException e) {
            return comparison; // the error is the query's to raise when it runs
        }
    }
}
