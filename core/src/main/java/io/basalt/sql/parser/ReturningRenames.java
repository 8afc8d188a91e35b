package io.basalt.sql.parser;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RETURNING WITH (OLD AS o, NEW AS n)}: the RETURNING list with the names the options give the old and new
 * rows turned back into {@code old} and {@code new}, the names the binder knows them by. A reference is renamed where
 * its first part is such a name ({@code o.f1}, {@code o.*}, {@code o}), in the expressions a RETURNING list is made
 * of (operators, casts, calls, CASE, row and array constructors, field selections); subqueries keep their text.
 */
record ReturningRenames(String oldName, String newName) {
    /** The list with the renamed references. */
    List<SelectItem> apply(List<SelectItem> items) {
        List<SelectItem> renamed = new ArrayList<>(items.size());
        for (SelectItem item : items) {
            renamed.add(switch (item) {
                case SelectItem.Star star when star.qualifier() != null && star.qualifier().parts().size() == 1 ->
                        new SelectItem.Star(new QualifiedName(List.of(rename(star.qualifier().last())),
                                star.qualifier().position()), star.position());
                case SelectItem.Star star -> star;
                case SelectItem.Item expression -> new SelectItem.Item(apply(expression.expression()),
                        expression.alias() != null ? expression.alias() : defaultName(expression.expression()),
                        expression.position());
            });
        }
        return renamed;
    }

    /** The column name PostgreSQL gives an item that is a bare reference to a renamed row ({@code o}): the name. */
    private String defaultName(Expression expression) {
        if (expression instanceof Expression.ColumnRef ref && ref.parts().size() == 1
                && !rename(ref.parts().getFirst()).equals(ref.parts().getFirst())) {
            return ref.parts().getFirst();
        }
        return null;
    }

    private String rename(String name) {
        if (name.equals(oldName)) {
            return "old";
        }
        return name.equals(newName) ? "new" : name;
    }

    private Expression apply(Expression expression) {
        if (expression == null) {
            return null;
        }
        return switch (expression) {
            case Expression.ColumnRef ref -> {
                List<String> parts = new ArrayList<>(ref.parts());
                parts.set(0, rename(parts.getFirst()));
                yield new Expression.ColumnRef(parts, ref.position());
            }
            case Expression.Unary unary -> new Expression.Unary(unary.operator(), apply(unary.operand()),
                    unary.position());
            case Expression.Binary binary -> new Expression.Binary(binary.operator(), apply(binary.left()),
                    apply(binary.right()), binary.position());
            case Expression.IsNull isNull -> new Expression.IsNull(apply(isNull.operand()), isNull.negated(),
                    isNull.position());
            case Expression.IsDistinctFrom distinct -> new Expression.IsDistinctFrom(apply(distinct.left()),
                    apply(distinct.right()), distinct.negated(), distinct.position());
            case Expression.Cast cast -> new Expression.Cast(apply(cast.operand()), cast.type(), cast.position());
            case Expression.FieldSelection selection -> new Expression.FieldSelection(apply(selection.operand()),
                    selection.field(), selection.position());
            case Expression.RowConstructor row -> new Expression.RowConstructor(applyAll(row.fields()),
                    row.position());
            case Expression.ArrayConstructor array -> new Expression.ArrayConstructor(applyAll(array.elements()),
                    array.position());
            case Expression.Case caseExpression -> {
                List<Expression.When> whens = new ArrayList<>();
                for (Expression.When when : caseExpression.whens()) {
                    whens.add(new Expression.When(apply(when.condition()), apply(when.result()), when.position()));
                }
                yield new Expression.Case(apply(caseExpression.operand()), whens, apply(caseExpression.otherwise()),
                        caseExpression.position());
            }
            case Expression.FunctionCall call when call.over() == null && call.filter() == null
                    && call.orderBy().isEmpty() -> new Expression.FunctionCall(call.name(), applyAll(call.arguments()),
                    call.distinct(), call.star(), call.orderBy(), null, null, call.position(), call.withinGroup());
            default -> expression;
        };
    }

    private List<Expression> applyAll(List<Expression> expressions) {
        List<Expression> renamed = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            renamed.add(apply(expression));
        }
        return renamed;
    }
}
