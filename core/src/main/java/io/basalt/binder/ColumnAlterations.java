package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * The expressions ALTER TABLE computes a rewritten column with, bound over the table's columns as they were
 * before the statement (column reference i is old column i): the conversion of ALTER COLUMN TYPE, with or without
 * USING, and the value an added column takes in the existing rows (its DEFAULT). Conversions follow PostgreSQL's
 * rule: the old value (or the USING result) must convert to the new type by an assignment cast, else 42804 with
 * PostgreSQL's message and hint.
 */
public final class ColumnAlterations {
    private ColumnAlterations() {
    }

    /** A reference to old column {@code index}. */
    public static BoundExpression column(List<ColumnEntry> columns, String table, int index) {
        ColumnEntry column = columns.get(index);
        return new BoundExpression.ColumnRef(index, table, column.name(), column.type(), 0);
    }

    /**
     * {@code value} (the column's current value) converted to {@code target} without USING.
     *
     * @throws BasaltException 42804 when no assignment cast leads from the column's type to {@code target}
     */
    public static BoundExpression convert(BoundExpression value, String column, LogicalType target) {
        if (!Coercion.assignable(value.type(), target)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "column \"" + column
                            + "\" cannot be cast automatically to type " + target.displayName())
                    .withHint("You might need to specify \"USING " + io.basalt.sql.lexer.IdentifierQuoting.quote(column)
                            + "::" + target.displayName() + "\".");
        }
        return Coercion.cast(value, target, false);
    }

    /**
     * The USING expression of ALTER COLUMN TYPE, bound over the old columns and converted to {@code target}.
     *
     * @throws BasaltException 42804 when its result does not convert to {@code target} by assignment
     */
    public static BoundExpression using(Expression using, String table, List<ColumnEntry> columns, String column,
                                        LogicalType target, BindContext context) {
        List<Scope.Column> visible = new ArrayList<>(columns.size());
        for (ColumnEntry entry : columns) {
            visible.add(new Scope.Column(table, entry.name(), entry.type()));
        }
        BoundExpression bound = new ExpressionBinder(new Scope(visible), context.parameters(), "transform expressions")
                .bind(using);
        if (!Coercion.assignable(bound.type(), target)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH, "result of USING clause for column \"" + column
                            + "\" cannot be cast automatically to type " + target.displayName())
                    .withHint("You might need to add an explicit cast.");
        }
        return Coercion.cast(bound, target, false);
    }

    /** What an added column holds in the rows already stored: its DEFAULT, or NULL. */
    public static BoundExpression initialValue(ColumnEntry column, BindContext context) {
        return InsertBinder.defaultValue(column, context);
    }

    /** {@code value} cast to {@code type} as {@code CAST} would (a CHECK reading a column whose type changed). */
    public static BoundExpression castTo(BoundExpression value, LogicalType type) {
        return Coercion.cast(value, type, true);
    }
}
