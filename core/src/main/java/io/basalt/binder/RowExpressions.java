package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Row constructors in comparisons, as PostgreSQL defines them, rewritten into comparisons of their fields before
 * binding: {@code (a, b) = (c, d)} is {@code a = c AND b = d}, {@code <>} the OR of the fields' {@code <>},
 * {@code <}, {@code <=}, {@code >}, {@code >=} compare field by field until the first pair that is not equal
 * ({@code a < c OR (a = c AND b < d)}, which gives NULL exactly where PostgreSQL does); IS [NOT] DISTINCT FROM
 * pairs the fields the same way; {@code ROW(...) IS [NOT] NULL} holds when every field is [not] NULL; and
 * {@code (a, b) [NOT] IN ((1, 2), ...)} is the OR of row equalities. Rows of different lengths fail with
 * PostgreSQL's 42601. Rows anywhere else (a row as a value) stay unsupported.
 */
final class RowExpressions {
    private RowExpressions() {
    }

    /** The expression without row constructors, or null when it is not one of the row forms above. */
    static Expression expand(Expression expression) {
        return switch (expression) {
            case Expression.Binary binary when binary.left() instanceof Expression.RowConstructor left
                    && binary.right() instanceof Expression.RowConstructor right -> compare(binary.operator(), left,
                    right, binary.position());
            case Expression.IsNull test when test.operand() instanceof Expression.RowConstructor row
                    && !row.fields().isEmpty() -> {
                List<Expression> fields = new ArrayList<>();
                for (Expression field : row.fields()) {
                    fields.add(new Expression.IsNull(field, test.negated(), test.position()));
                }
                yield all("AND", fields, test.position());
            }
            case Expression.IsDistinctFrom test when test.left() instanceof Expression.RowConstructor left
                    && test.right() instanceof Expression.RowConstructor right && !left.fields().isEmpty() -> {
                checkLengths(left, right, test.position());
                List<Expression> fields = new ArrayList<>();
                for (int i = 0; i < left.fields().size(); i++) {
                    fields.add(new Expression.IsDistinctFrom(left.fields().get(i), right.fields().get(i),
                            test.negated(), test.position()));
                }
                yield all(test.negated() ? "AND" : "OR", fields, test.position());
            }
            case Expression.InList in when in.operand() instanceof Expression.RowConstructor row -> {
                List<Expression> equalities = new ArrayList<>();
                for (Expression value : in.values()) {
                    if (!(value instanceof Expression.RowConstructor other)) {
                        yield null;
                    }
                    equalities.add(compare("=", row, other, in.position()));
                }
                Expression any = all("OR", equalities, in.position());
                yield in.negated() ? new Expression.Unary("NOT", any, in.position()) : any;
            }
            default -> null;
        };
    }

    private static Expression compare(String operator, Expression.RowConstructor left, Expression.RowConstructor right,
                                      int position) {
        String op = operator.equals("!=") ? "<>" : operator;
        if (!List.of("=", "<>", "<", "<=", ">", ">=").contains(op)) {
            return null;
        }
        checkLengths(left, right, position);
        int count = left.fields().size();
        if (count == 0) {
            return null;
        }
        if (op.equals("=") || op.equals("<>")) {
            List<Expression> pairs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                pairs.add(new Expression.Binary(op, left.fields().get(i), right.fields().get(i), position));
            }
            return all(op.equals("=") ? "AND" : "OR", pairs, position);
        }
        String strict = op.substring(0, 1);
        Expression result = new Expression.Binary(op, left.fields().get(count - 1), right.fields().get(count - 1),
                position);
        for (int i = count - 2; i >= 0; i--) {
            Expression first = left.fields().get(i);
            Expression second = right.fields().get(i);
            result = new Expression.Binary("OR", new Expression.Binary(strict, first, second, position),
                    new Expression.Binary("AND", new Expression.Binary("=", first, second, position), result,
                            position), position);
        }
        return result;
    }

    private static void checkLengths(Expression.RowConstructor left, Expression.RowConstructor right, int position) {
        if (left.fields().size() != right.fields().size()) {
            throw BasaltException.at(SqlState.SYNTAX_ERROR, position, "unequal number of entries in row expressions");
        }
    }

    private static Expression all(String operator, List<Expression> operands, int position) {
        Expression result = operands.getFirst();
        for (int i = 1; i < operands.size(); i++) {
            result = new Expression.Binary(operator, result, operands.get(i), position);
        }
        return result;
    }
}
