package io.basalt.engine.export;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.TypeName;
import io.basalt.sql.lexer.IdentifierQuoting;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A column DEFAULT as written (the catalog keeps its syntax tree when it is not a constant), written back as SQL:
 * literals, column-free calls such as {@code now()} or {@code gen_random_uuid()}, the SQL-standard functions
 * without parentheses ({@code CURRENT_TIMESTAMP}), casts, operators, CASE and ARRAY[...]. Subqueries cannot be
 * defaults; forms not listed fail with 0A000.
 */
final class DefaultText {
    /** Functions SQL spells without parentheses when they have no arguments. */
    private static final Set<String> BARE_FUNCTIONS = Set.of("current_date", "current_time", "current_timestamp",
            "localtime", "localtimestamp", "current_role", "current_user", "session_user", "user", "current_catalog",
            "current_schema");

    private DefaultText() {
    }

    static String write(Expression expression) {
        StringBuilder out = new StringBuilder();
        append(expression, out);
        return out.toString();
    }

    private static void append(Expression expression, StringBuilder out) {
        switch (expression) {
            case Expression.NullLiteral ignored -> out.append("NULL");
            case Expression.BooleanLiteral literal -> out.append(literal.value() ? "true" : "false");
            case Expression.NumberLiteral literal -> out.append(literal.text());
            case Expression.StringLiteral literal -> out.append('\'').append(literal.value().replace("'", "''"))
                    .append('\'');
            case Expression.TypedLiteral literal -> out.append(typeName(literal.type())).append(" '")
                    .append(literal.value().replace("'", "''")).append('\'');
            case Expression.Unary unary -> {
                out.append('(').append(unary.operator()).append(' ');
                append(unary.operand(), out);
                out.append(')');
            }
            case Expression.Binary binary -> {
                out.append('(');
                append(binary.left(), out);
                out.append(' ').append(binary.operator()).append(' ');
                append(binary.right(), out);
                out.append(')');
            }
            case Expression.Cast cast -> {
                out.append("CAST(");
                append(cast.operand(), out);
                out.append(" AS ").append(typeName(cast.type())).append(')');
            }
            case Expression.FunctionCall call -> function(call, out);
            case Expression.ArrayConstructor array -> {
                out.append("ARRAY[");
                list(array.elements(), out);
                out.append(']');
            }
            case Expression.Case caseExpression -> {
                out.append("CASE");
                if (caseExpression.operand() != null) {
                    out.append(' ');
                    append(caseExpression.operand(), out);
                }
                for (Expression.When when : caseExpression.whens()) {
                    out.append(" WHEN ");
                    append(when.condition(), out);
                    out.append(" THEN ");
                    append(when.result(), out);
                }
                if (caseExpression.otherwise() != null) {
                    out.append(" ELSE ");
                    append(caseExpression.otherwise(), out);
                }
                out.append(" END");
            }
            case Expression.IsNull isNull -> {
                out.append('(');
                append(isNull.operand(), out);
                out.append(isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
            }
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot export a default written as " + expression.getClass().getSimpleName());
        }
    }

    private static void function(Expression.FunctionCall call, StringBuilder out) {
        if (call.distinct() || call.star() || call.over() != null || call.filter() != null
                || !call.orderBy().isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "cannot export a default calling an aggregate");
        }
        List<String> parts = call.name().parts();
        String last = parts.getLast().toLowerCase(Locale.ROOT);
        if (parts.size() == 1 && BARE_FUNCTIONS.contains(last)) {
            out.append(last.toUpperCase(Locale.ROOT));
            if (!call.arguments().isEmpty()) {
                out.append('(');
                list(call.arguments(), out);
                out.append(')');
            }
            return;
        }
        for (int i = 0; i < parts.size(); i++) {
            out.append(i == 0 ? "" : ".").append(IdentifierQuoting.quote(parts.get(i)));
        }
        out.append('(');
        list(call.arguments(), out);
        out.append(')');
    }

    private static void list(List<Expression> expressions, StringBuilder out) {
        for (int i = 0; i < expressions.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            append(expressions.get(i), out);
        }
    }

    private static String typeName(TypeName type) {
        StringBuilder out = new StringBuilder(type.name());
        if (!type.modifiers().isEmpty()) {
            out.append('(');
            for (int i = 0; i < type.modifiers().size(); i++) {
                out.append(i == 0 ? "" : ",").append(type.modifiers().get(i));
            }
            out.append(')');
        }
        out.append("[]".repeat(type.arrayDimensions()));
        return out.toString();
    }
}
