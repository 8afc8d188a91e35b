package io.basalt.binder.viewwrite;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.OrderItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the references to a view's columns in an expression written against the view by the view's
 * expressions for them (written against the view's base relation): {@code c} and {@code v.c} (where {@code v} is one
 * of the names the statement calls the view by) become the view's expression for {@code c}. Subqueries are left as
 * written: a reference to the view from inside one is not replaced.
 */
final class ColumnSubstitution {
    private final Map<String, Expression> columns;
    private final Set<String> qualifiers;

    private final boolean qualifiedOnly;
    private boolean rowsKnown;
    private boolean hasOld;
    private boolean hasNew;

    ColumnSubstitution(Map<String, Expression> columns, Set<String> qualifiers) {
        this(columns, qualifiers, false);
    }

    /** With {@code qualifiedOnly}, a bare {@code c} is left alone (only {@code q.c} is replaced). */
    ColumnSubstitution(Map<String, Expression> columns, Set<String> qualifiers, boolean qualifiedOnly) {
        this.columns = columns;
        this.qualifiers = qualifiers;
        this.qualifiedOnly = qualifiedOnly;
    }

    /**
     * {@code old.c} or {@code new.c} (RETURNING's rows before and after) for view column {@code c}: a base column
     * under the same qualifier; a literal as it is when the statement has that row (see {@link #withRows}), NULL when
     * it has not; otherwise the reference as written.
     */
    private Expression oldOrNew(String row, Expression replacement, Expression.ColumnRef reference) {
        if (replacement instanceof Expression.ColumnRef base) {
            return new Expression.ColumnRef(List.of(row, base.parts().getLast()), reference.position());
        }
        boolean literal = replacement instanceof Expression.StringLiteral
                || replacement instanceof Expression.NumberLiteral
                || replacement instanceof Expression.BooleanLiteral || replacement instanceof Expression.NullLiteral
                || replacement instanceof Expression.Cast cast && cast.operand() instanceof Expression.StringLiteral;
        if (!literal || !rowsKnown) {
            return reference;
        }
        return (row.equals("old") ? hasOld : hasNew) ? replacement : new Expression.NullLiteral(reference.position());
    }

    /** This substitution for a statement whose RETURNING has the old row or not, and the new row or not. */
    ColumnSubstitution withRows(boolean old, boolean current) {
        ColumnSubstitution copy = new ColumnSubstitution(columns, qualifiers, qualifiedOnly);
        copy.rowsKnown = true;
        copy.hasOld = old;
        copy.hasNew = current;
        return copy;
    }

    Expression apply(Expression expression) {
        if (expression == null) {
            return null;
        }
        return switch (expression) {
            case Expression.ColumnRef reference -> {
                List<String> parts = reference.parts();
                Expression replacement = columns.get(parts.getLast());
                boolean ours = parts.size() == 1 && !qualifiedOnly
                        || parts.size() == 2 && qualifiers.contains(parts.getFirst());
                if (!ours && replacement != null && parts.size() == 2 && !qualifiedOnly
                        && (parts.getFirst().equals("old") || parts.getFirst().equals("new"))) {
                    yield oldOrNew(parts.getFirst(), replacement, reference);
                }
                yield ours && replacement != null ? replacement : reference;
            }
            case Expression.Unary unary -> new Expression.Unary(unary.operator(), apply(unary.operand()),
                    unary.position());
            case Expression.Binary binary -> new Expression.Binary(binary.operator(), apply(binary.left()),
                    apply(binary.right()), binary.position());
            case Expression.IsNull test -> new Expression.IsNull(apply(test.operand()), test.negated(),
                    test.position());
            case Expression.IsBoolean test -> new Expression.IsBoolean(apply(test.operand()), test.value(),
                    test.negated(), test.position());
            case Expression.IsDistinctFrom distinct -> new Expression.IsDistinctFrom(apply(distinct.left()),
                    apply(distinct.right()), distinct.negated(), distinct.position());
            case Expression.Between between -> new Expression.Between(apply(between.operand()),
                    apply(between.low()), apply(between.high()), between.negated(), between.symmetric(),
                    between.position());
            case Expression.InList in -> new Expression.InList(apply(in.operand()), all(in.values()),
                    in.negated(), in.position());
            case Expression.InSubquery in -> new Expression.InSubquery(apply(in.operand()), in.query(),
                    in.negated(), in.position());
            case Expression.Quantified quantified -> new Expression.Quantified(quantified.operator(),
                    quantified.all(), apply(quantified.left()), quantified.query(), apply(quantified.array()),
                    quantified.position());
            case Expression.Like like -> new Expression.Like(apply(like.operand()), apply(like.pattern()),
                    apply(like.escape()), like.negated(), like.caseInsensitive(), like.position());
            case Expression.Case caseExpression -> {
                List<Expression.When> whens = new ArrayList<>();
                for (Expression.When when : caseExpression.whens()) {
                    whens.add(new Expression.When(apply(when.condition()), apply(when.result()), when.position()));
                }
                yield new Expression.Case(apply(caseExpression.operand()), whens, apply(caseExpression.otherwise()),
                        caseExpression.position());
            }
            case Expression.Cast cast -> new Expression.Cast(apply(cast.operand()), cast.type(), cast.position());
            case Expression.FunctionCall call -> {
                List<OrderItem> orderBy = new ArrayList<>();
                for (OrderItem item : call.orderBy()) {
                    orderBy.add(new OrderItem(apply(item.expression()), item.descending(), item.nullsFirst(),
                            item.position()));
                }
                yield new Expression.FunctionCall(call.name(), all(call.arguments()), call.distinct(), call.star(),
                        orderBy, apply(call.filter()), call.over(), call.position(), call.withinGroup());
            }
            case Expression.ArrayConstructor array -> new Expression.ArrayConstructor(all(array.elements()),
                    array.position());
            case Expression.Subscript subscript -> new Expression.Subscript(apply(subscript.operand()),
                    apply(subscript.lower()), apply(subscript.upper()), subscript.slice(), subscript.position());
            case Expression.RowConstructor row -> new Expression.RowConstructor(all(row.fields()), row.position());
            case Expression.NamedArgument argument -> new Expression.NamedArgument(argument.name(),
                    apply(argument.value()), argument.position());
            default -> expression;
        };
    }

    List<Expression> all(List<Expression> expressions) {
        List<Expression> result = new ArrayList<>(expressions.size());
        for (Expression expression : expressions) {
            result.add(apply(expression));
        }
        return result;
    }
}
