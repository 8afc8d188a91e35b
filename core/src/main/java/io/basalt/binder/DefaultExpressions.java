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
        String called = callText(expression);
        if (called != null) {
            return called; // now() would otherwise print as the value it had when the table was created
        }
        BoundExpression cast = Coercion.cast(bound, type, false);
        if (cast instanceof BoundExpression.Constant constant) {
            String text = io.basalt.exec.vector.ValueAccess.text(constant.type(), constant.value());
            if (text == null) {
                return "NULL::" + type.displayName();
            }
            return type.isNumber() ? text : "'" + text.replace("'", "''") + "'::" + type.displayName();
        }
        return null;
    }

    /** Functions SQL spells without parentheses, which PostgreSQL prints in capitals. */
    private static final java.util.Set<String> BARE_FUNCTIONS = java.util.Set.of("current_date", "current_time",
            "current_timestamp", "localtime", "localtimestamp", "current_role", "current_user", "session_user", "user",
            "current_catalog", "current_schema");

    /**
     * PostgreSQL's text of a DEFAULT that calls a function without arguments ({@code now()}, {@code CURRENT_TIMESTAMP},
     * {@code gen_random_uuid()}) or {@code nextval('name')}; null for any other expression.
     */
    private static String callText(Expression expression) {
        if (!(expression instanceof Expression.FunctionCall call) || call.name().parts().size() != 1 || call.distinct()
                || call.star() || call.over() != null || call.filter() != null || !call.orderBy().isEmpty()) {
            return null;
        }
        String name = call.name().last();
        if (call.arguments().isEmpty()) {
            return BARE_FUNCTIONS.contains(name) ? name.toUpperCase(java.util.Locale.ROOT)
                    : io.basalt.sql.lexer.IdentifierQuoting.quote(name) + "()";
        }
        if (name.equals("nextval") && call.arguments().size() == 1
                && call.arguments().getFirst() instanceof Expression.StringLiteral sequence) {
            return "nextval('" + sequence.value().replace("'", "''") + "'::regclass)";
        }
        return null;
    }

    /** A column's default, already validated by {@link #check}, bound and cast to the column's type. */
    public static BoundExpression bind(Expression expression, LogicalType type, BindContext context) {
        BoundExpression bound = new ExpressionBinder(Scope.EMPTY, context.parameters(), "DEFAULT expressions")
                .bind(expression);
        return Coercion.cast(bound, type, false);
    }
}
