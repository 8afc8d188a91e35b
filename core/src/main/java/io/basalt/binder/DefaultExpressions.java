package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;

/** Checks a column DEFAULT when the table is created: it must bind without columns and fit the column's type. */
public final class DefaultExpressions {
    private DefaultExpressions() {
    }

    /** Validates the default and returns its text as {@code \d} shows it. */
    public static String check(Expression expression, String column, LogicalType type, BindContext context) {
        Expression.ColumnRef reference = ColumnReferenceSearch.first(expression);
        if (reference != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, reference.position(),
                    "cannot use column reference in DEFAULT expression");
        }
        BoundExpression bound;
        try {
            bound = new ExpressionBinder(Scope.EMPTY, context.parameters(), "DEFAULT expressions").bind(expression);
        } catch (BasaltException e) {
            throw ExpressionContextErrors.reword(e, "cannot use subquery in DEFAULT expression",
                    "set-returning functions are not allowed in DEFAULT expressions", true);
        }
        if (!Coercion.assignable(bound.type(), type)) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, expression.position(),
                            "column \"" + column + "\" is of type " + type.displayName()
                                    + " but default expression is of type " + bound.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        if (expression instanceof Expression.NullLiteral || expression instanceof Expression.Cast cast
                && cast.operand() instanceof Expression.NullLiteral) {
            return null; // PostgreSQL keeps no default that is a NULL constant
        }
        Expression written = expression;
        LogicalType constantType = withoutModifier(type);
        if (expression instanceof Expression.StringLiteral literal
                && Coercion.cast(bound, constantType, false) instanceof BoundExpression.Constant constant) {
            // the constant the literal becomes, as its type's output function writes it ('05' is 5)
            String text = io.basalt.exec.vector.ValueAccess.text(constant.type(), constant.value());
            written = new Expression.StringLiteral(text, literal.position());
        }
        return io.basalt.binder.viewtext.ViewText.columnDefault(written, constantType, context.catalog());
    }

    /**
     * The type a literal default becomes before the column's length or precision is applied (PostgreSQL prints
     * {@code 'q'::character varying} for a varchar(10) column): interval keeps its fields.
     */
    private static LogicalType withoutModifier(LogicalType type) {
        if (type.isArray() && !type.isDomain()) {
            return LogicalType.arrayOf(withoutModifier(type.element()));
        }
        if (type.isDomain() || type.precision() < 0) {
            return type;
        }
        return switch (type.id()) {
            case NUMERIC, VARCHAR, CHAR, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ -> new LogicalType(type.id(), -1, 0);
            default -> type;
        };
    }

    /** A column's default, already validated by {@link #check}, bound and cast to the column's type. */
    public static BoundExpression bind(Expression expression, LogicalType type, BindContext context) {
        BoundExpression bound = new ExpressionBinder(Scope.EMPTY, context.parameters(), "DEFAULT expressions")
                .bind(expression);
        return Coercion.cast(bound, type, false);
    }
}
