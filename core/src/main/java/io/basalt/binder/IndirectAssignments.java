package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.record.RowConstructFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * Assignments through an indirection of a column: {@code INSERT INTO t (c.f[1], a[2].x) ...} and
 * {@code UPDATE t SET c.f = ..., a[1].x = ...}. A target is a chain of {@link Expression.Subscript}s and
 * {@link Expression.FieldSelection}s over the column; consecutive subscripts form one (multi-dimensional) step, as
 * in PostgreSQL. The assigned value is first converted to the type at the end of the chain (the leaf), then placed
 * into the column's value step by step: a field step rebuilds the record with that field replaced, a subscript step
 * replaces the element or slice ({@link SubscriptAssignments}); a step below the first reads the current element or
 * field so that several assignments to one column combine, in order. A domain met inside the chain is checked on
 * the value it receives; the column's own domain is left to the caller, which checks the finished value once.
 */
final class IndirectAssignments {
    private IndirectAssignments() {
    }

    /** The position of the column a target starts from. */
    static int columnPosition(Expression target) {
        Expression operand = target;
        while (true) {
            switch (operand) {
                case Expression.Subscript subscript -> operand = subscript.operand();
                case Expression.FieldSelection field -> operand = field.operand();
                default -> {
                    return operand.position();
                }
            }
        }
    }

    /** Whether the target's last step is a subscript (PostgreSQL words DEFAULT and type errors by this). */
    static boolean endsInSubscript(Expression target) {
        return target instanceof Expression.Subscript;
    }

    /**
     * {@code value} converted by assignment rules to the type the target's last step holds (42804 with
     * PostgreSQL's wording when it cannot be).
     */
    static BoundExpression convertLeaf(BoundExpression value, Expression target, ColumnEntry column, int position) {
        List<Expression> steps = steps(target);
        LogicalType type = column.type();
        String field = null;
        for (int s = 0; s < steps.size(); s++) {
            LogicalType base = type.withDomain(null);
            switch (steps.get(s)) {
                case Expression.FieldSelection selection -> {
                    type = fieldType(base, selection, column);
                    field = selection.field();
                }
                case Expression.Subscript subscript -> {
                    if (!base.isArray()) {
                        // JSONB and the geometric types: their own assignment code converts the value
                        return value;
                    }
                    boolean slice = subscript.slice();
                    while (s + 1 < steps.size() && steps.get(s + 1) instanceof Expression.Subscript next) {
                        slice |= next.slice();
                        s++;
                    }
                    type = slice ? base : base.element();
                }
                default -> throw new IllegalStateException("not an indirection step: " + steps.get(s));
            }
        }
        if (!Coercion.assignable(value.type(), type)) {
            String message = endsInSubscript(target)
                    ? "subscripted assignment to \"" + column.name() + "\" requires type " + type.displayName()
                    : "subfield \"" + field + "\" is of type " + type.displayName();
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, position > 0 ? position : value.position(),
                            message + " but expression is of type " + value.type().displayName())
                    .withHint("You will need to rewrite or cast the expression.");
        }
        return DomainChecks.enforce(Coercion.cast(value, type.withDomain(null), false), type, Parameters.none());
    }

    /**
     * {@code base} (the column's current value, of its type) with the target's path set to {@code value} (already
     * converted by {@link #convertLeaf}); subscripts are bound by {@code binder}.
     */
    static BoundExpression assign(BoundExpression base, Expression target, BoundExpression value, ColumnEntry column,
                                  ExpressionBinder binder) {
        return assign(base, steps(target), 0, value, column, binder);
    }

    private static BoundExpression assign(BoundExpression base, List<Expression> steps, int from,
                                          BoundExpression value, ColumnEntry column, ExpressionBinder binder) {
        if (from == steps.size()) {
            return value;
        }
        LogicalType type = base.type().withDomain(null);
        switch (steps.get(from)) {
            case Expression.FieldSelection selection -> {
                LogicalType fieldType = fieldType(type, selection, column);
                RecordType record = type.record();
                int index = record.indexOf(selection.field());
                BoundExpression current = RecordExpressions.field(base, selection.field(), selection.position());
                BoundExpression replaced = checkedInside(assign(current, steps, from + 1, value, column, binder),
                        fieldType, from + 1 < steps.size());
                List<BoundExpression> fields = new ArrayList<>(record.size());
                for (int f = 0; f < record.size(); f++) {
                    fields.add(f == index ? replaced : RecordExpressions.field(base, record.fieldNames().get(f),
                            selection.position()));
                }
                return new BoundExpression.Function(new RowConstructFunction(), fields, type, selection.position());
            }
            case Expression.Subscript first -> {
                int end = from + 1;
                while (end < steps.size() && steps.get(end) instanceof Expression.Subscript) {
                    end++;
                }
                Expression.Subscript last = (Expression.Subscript) steps.get(end - 1);
                ColumnEntry asColumn = new ColumnEntry(column.name(), type, false, null, null);
                BoundExpression inner = value;
                if (end < steps.size()) {
                    BoundExpression current = read(base.type().isDomain()
                            ? Coercion.cast(base, type, false) : base, steps.subList(from, end), binder);
                    inner = checkedInside(assign(current, steps, end, value, column, binder), current.type(), true);
                }
                return SubscriptAssignments.assign(base, last, inner, asColumn, binder);
            }
            default -> throw new IllegalStateException("not an indirection step: " + steps.get(from));
        }
    }

    /** A value placed below the column, checked against its type's domain when more steps built it. */
    private static BoundExpression checkedInside(BoundExpression value, LogicalType type, boolean built) {
        return built ? DomainChecks.enforce(value, type, Parameters.none()) : value;
    }

    /** The element or slice of {@code array} that a run of subscripts selects. */
    private static BoundExpression read(BoundExpression array, List<Expression> subscripts, ExpressionBinder binder) {
        List<BoundExpression> lowers = new ArrayList<>();
        List<BoundExpression> uppers = new ArrayList<>();
        List<Boolean> slices = new ArrayList<>();
        int position = 0;
        for (Expression step : subscripts) {
            Expression.Subscript subscript = (Expression.Subscript) step;
            lowers.add(subscript.lower() == null ? null : binder.bind(subscript.lower()));
            uppers.add(subscript.upper() == null ? null : binder.bind(subscript.upper()));
            slices.add(subscript.slice());
            position = subscript.position();
        }
        return ArrayExpressions.subscript(array, lowers, uppers, slices, position);
    }

    private static LogicalType fieldType(LogicalType base, Expression.FieldSelection selection, ColumnEntry column) {
        if (!base.isRecord()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, selection.position(), "cannot assign to field \""
                    + selection.field() + "\" of column \"" + column.name() + "\" because its type "
                    + base.displayName() + " is not a composite type");
        }
        int index = base.record().indexOf(selection.field());
        if (index < 0) {
            throw BasaltException.at(SqlState.UNDEFINED_COLUMN, selection.position(), "cannot assign to field \""
                    + selection.field() + "\" of column \"" + column.name()
                    + "\" because there is no such column in data type " + base.displayName());
        }
        return base.record().fieldTypes().get(index);
    }

    /** The target's steps from the column outwards (the column reference itself excluded). */
    private static List<Expression> steps(Expression target) {
        List<Expression> steps = new ArrayList<>();
        Expression operand = target;
        while (true) {
            switch (operand) {
                case Expression.Subscript subscript -> {
                    steps.addFirst(subscript);
                    operand = subscript.operand();
                }
                case Expression.FieldSelection field -> {
                    steps.addFirst(field);
                    operand = field.operand();
                }
                default -> {
                    return steps;
                }
            }
        }
    }
}
