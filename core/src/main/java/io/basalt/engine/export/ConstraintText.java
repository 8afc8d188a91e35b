package io.basalt.engine.export;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A CHECK constraint's condition, which the catalog keeps bound over the table's columns, written back as SQL that
 * binds to the same condition: column references by their current names (so renamed columns stay right), constants
 * as typed literals, every operator and call fully parenthesised. Bound forms the binder does not produce from
 * CHECK conditions (aggregates) fail with 0A000.
 */
final class ConstraintText {
    private final List<ColumnEntry> columns;

    ConstraintText(List<ColumnEntry> columns) {
        this.columns = List.copyOf(columns);
    }

    String write(BoundExpression expression) {
        StringBuilder out = new StringBuilder();
        append(expression, out);
        return out.toString();
    }

    private void append(BoundExpression expression, StringBuilder out) {
        switch (expression) {
            case BoundExpression.ColumnRef column ->
                    out.append(IdentifierQuoting.quote(columns.get(column.index()).name()));
            case BoundExpression.Constant constant -> literal(constant.value(), constant.type(), out);
            case BoundExpression.Arithmetic arithmetic -> binary(arithmetic.left(), arithmetic.operator().symbol(),
                    arithmetic.right(), out);
            case BoundExpression.Negate negate -> {
                out.append("(- ");
                append(negate.operand(), out);
                out.append(')');
            }
            case BoundExpression.Comparison comparison -> binary(comparison.left(), comparison.operator().symbol(),
                    comparison.right(), out);
            case BoundExpression.Logical logical -> {
                out.append('(');
                for (int i = 0; i < logical.operands().size(); i++) {
                    if (i > 0) {
                        out.append(logical.isAnd() ? " AND " : " OR ");
                    }
                    append(logical.operands().get(i), out);
                }
                out.append(')');
            }
            case BoundExpression.Not not -> {
                out.append("(NOT ");
                append(not.operand(), out);
                out.append(')');
            }
            case BoundExpression.IsNull isNull -> {
                out.append('(');
                append(isNull.operand(), out);
                out.append(isNull.negated() ? " IS NOT NULL)" : " IS NULL)");
            }
            case BoundExpression.Cast cast -> {
                if (!cast.explicit() && cast.operand() instanceof BoundExpression.ColumnRef) {
                    append(cast.operand(), out); // an implicit cast the binder adds again
                } else {
                    out.append("CAST(");
                    append(cast.operand(), out);
                    out.append(" AS ").append(cast.type().displayName()).append(')');
                }
            }
            case BoundExpression.Case caseExpression -> {
                out.append("CASE");
                for (int i = 0; i < caseExpression.conditions().size(); i++) {
                    out.append(" WHEN ");
                    append(caseExpression.conditions().get(i), out);
                    out.append(" THEN ");
                    append(caseExpression.results().get(i), out);
                }
                if (caseExpression.otherwise() != null) {
                    out.append(" ELSE ");
                    append(caseExpression.otherwise(), out);
                }
                out.append(" END");
            }
            case BoundExpression.Function function -> {
                out.append(function.function().name()).append('(');
                for (int i = 0; i < function.arguments().size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    append(function.arguments().get(i), out);
                }
                out.append(')');
            }
            case BoundExpression.AggregateCall ignored -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot export a constraint with an aggregate");
            default -> throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "cannot export a constraint with " + expression.getClass().getSimpleName());
        }
    }

    private void binary(BoundExpression left, String operator, BoundExpression right, StringBuilder out) {
        out.append('(');
        append(left, out);
        out.append(' ').append(operator).append(' ');
        append(right, out);
        out.append(')');
    }

    /** A constant as a literal of its type: {@code 'text'::type}, bare numbers, NULL::type. */
    static void literal(Object value, LogicalType type, StringBuilder out) {
        if (value == null) {
            out.append("NULL::").append(type.displayName());
            return;
        }
        String text = ValueAccess.text(type, value);
        switch (type.id()) {
            case BOOLEAN -> out.append(text);
            case SMALLINT, INTEGER, BIGINT, NUMERIC, DOUBLE, REAL -> {
                boolean plain = !text.startsWith("-") && !text.equals("NaN") && !text.endsWith("Infinity");
                if (plain && type.id() == io.basalt.type.TypeId.INTEGER) {
                    out.append(text);
                } else {
                    out.append('\'').append(text).append("'::").append(type.displayName());
                }
            }
            case UNKNOWN -> out.append('\'').append(text.replace("'", "''")).append('\'');
            default -> out.append('\'').append(text.replace("'", "''")).append("'::").append(type.displayName());
        }
    }
}
