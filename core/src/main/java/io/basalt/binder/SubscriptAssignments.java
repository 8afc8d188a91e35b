package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.array.ArrayAssignFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds an assignment to subscripts of an array column, {@code SET a[i] = x} or {@code INSERT INTO t (a[lo:hi])}:
 * the column's new value is the old one (UPDATE) or NULL (INSERT) with the element or slice replaced. An element
 * target takes a value of the element type, a slice an array, both converted by assignment rules (42804 with
 * PostgreSQL's "subscripted assignment" wording when they cannot be). As when reading, a plain {@code [k]} among
 * slices means {@code [1:k]}.
 */
final class SubscriptAssignments {
    private SubscriptAssignments() {
    }

    /**
     * {@code base} with {@code target}'s subscripts (a chain of {@link Expression.Subscript} over the column)
     * set to {@code value}; subscripts are bound by {@code binder}.
     */
    static BoundExpression assign(BoundExpression base, Expression target, BoundExpression value, ColumnEntry column,
                                  ExpressionBinder binder) {
        ArrayDeque<Expression.Subscript> chain = new ArrayDeque<>();
        Expression operand = target;
        while (operand instanceof Expression.Subscript subscript) {
            chain.push(subscript);
            operand = subscript.operand();
        }
        int position = operand.position();
        LogicalType type = column.type();
        if (type.id() == io.basalt.type.TypeId.JSONB) {
            List<BoundExpression> lowers = new ArrayList<>();
            List<BoundExpression> uppers = new ArrayList<>();
            List<Boolean> slices = new ArrayList<>();
            for (Expression.Subscript subscript : chain) {
                lowers.add(subscript.lower() == null ? null : binder.bind(subscript.lower()));
                uppers.add(subscript.upper() == null ? null : binder.bind(subscript.upper()));
                slices.add(subscript.slice());
            }
            return JsonbSubscripts.assign(base, lowers, uppers, slices, value, position);
        }
        if (!type.isArray()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position, "cannot subscript type "
                    + type.displayName() + " because it does not support subscripting");
        }
        if (chain.size() > ArrayValue.MAX_DIMENSIONS) {
            throw BasaltException.of(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions (" + chain.size()
                    + ") exceeds the maximum allowed (" + ArrayValue.MAX_DIMENSIONS + ")");
        }
        boolean slice = false;
        for (Expression.Subscript subscript : chain) {
            slice |= subscript.slice();
        }
        List<BoundExpression> arguments = new ArrayList<>();
        arguments.add(base);
        List<Boolean> lowerPresent = new ArrayList<>();
        List<Boolean> upperPresent = new ArrayList<>();
        for (Expression.Subscript subscript : chain) {
            BoundExpression lower = subscript.lower() == null ? null : binder.bind(subscript.lower());
            BoundExpression upper = subscript.upper() == null ? null : binder.bind(subscript.upper());
            if (slice && !subscript.slice()) {
                upper = lower;
                lower = new BoundExpression.Constant(1L, LogicalType.INTEGER, position);
            }
            lowerPresent.add(lower != null);
            upperPresent.add(upper != null);
            if (lower != null) {
                arguments.add(ArrayExpressions.subscriptValue(lower));
            }
            if (upper != null) {
                arguments.add(ArrayExpressions.subscriptValue(upper));
            }
        }
        LogicalType wanted = slice ? type : type.element();
        if (!Coercion.assignable(value.type(), wanted)) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position, "subscripted assignment to \""
                            + column.name() + "\" requires type " + wanted.displayName() + " but expression is of type "
                            + value.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        arguments.add(Coercion.cast(value, wanted, false));
        return new BoundExpression.Function(new ArrayAssignFunction(slice, lowerPresent, upperPresent), arguments,
                type, position);
    }
}
