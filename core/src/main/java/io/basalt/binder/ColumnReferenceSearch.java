package io.basalt.binder;

import io.basalt.sql.ast.Expression;
import java.util.List;

/**
 * Finds the first column reference written in an expression, outside subqueries, before the expression is bound:
 * where PostgreSQL allows no column at all (a column DEFAULT, a partition bound) it reports the column reference
 * before anything else, even inside an aggregate's arguments.
 */
public final class ColumnReferenceSearch {
    private ColumnReferenceSearch() {
    }

    /** The first column reference in {@code expression}, or null. */
    public static Expression.ColumnRef first(Expression expression) {
        return switch (expression) {
            case null -> null;
            case Expression.ColumnRef ref -> ref;
            case Expression.Unary e -> first(e.operand());
            case Expression.Binary e -> firstOf(e.left(), e.right());
            case Expression.IsNull e -> first(e.operand());
            case Expression.IsBoolean e -> first(e.operand());
            case Expression.IsDistinctFrom e -> firstOf(e.left(), e.right());
            case Expression.Between e -> firstOf(e.operand(), e.low(), e.high());
            case Expression.InList e -> {
                Expression.ColumnRef found = first(e.operand());
                yield found != null ? found : firstIn(e.values());
            }
            case Expression.Like e -> firstOf(e.operand(), e.pattern(), e.escape());
            case Expression.Case e -> {
                Expression.ColumnRef found = first(e.operand());
                for (Expression.When when : e.whens()) {
                    found = found != null ? found : firstOf(when.condition(), when.result());
                }
                yield found != null ? found : first(e.otherwise());
            }
            case Expression.Cast e -> first(e.operand());
            case Expression.FunctionCall e -> firstIn(e.arguments());
            case Expression.ArrayConstructor e -> firstIn(e.elements());
            case Expression.RowConstructor e -> firstIn(e.fields());
            case Expression.Subscript e -> firstOf(e.operand(), e.lower(), e.upper());
            case Expression.NamedArgument e -> first(e.value());
            case Expression.VariadicArgument e -> first(e.value());
            case Expression.FieldSelection e -> first(e.operand());
            default -> null;
        };
    }

    private static Expression.ColumnRef firstOf(Expression... expressions) {
        for (Expression expression : expressions) {
            Expression.ColumnRef found = first(expression);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Expression.ColumnRef firstIn(List<Expression> expressions) {
        for (Expression expression : expressions) {
            Expression.ColumnRef found = first(expression);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
