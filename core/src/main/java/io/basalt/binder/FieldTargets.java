package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.record.RowConstructFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT into fields of a composite column ({@code INSERT INTO t (c.x, c.y) VALUES (1, 2)}): each value is converted
 * to its field's type, and the column gets the record of the assigned fields, the others NULL, as PostgreSQL builds
 * it from a NULL row. A field target is a {@link Expression.FieldSelection} in the statement's column subscripts.
 */
final class FieldTargets {
    private FieldTargets() {
    }

    /** Whether target {@code index} of the column list assigns a field. */
    static boolean isField(InsertStatement insert, int index) {
        return index < insert.columnSubscripts().size()
                && insert.columnSubscripts().get(index) instanceof Expression.FieldSelection;
    }

    /** {@code value} converted to the type of the field {@code target} names (with PostgreSQL's errors). */
    static BoundExpression assignField(BoundExpression value, ColumnEntry column, Expression.FieldSelection target,
                                       int position) {
        LogicalType type = column.type();
        if (!type.isRecord()) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, target.position(), "cannot assign to field \""
                    + target.field() + "\" of column \"" + column.name() + "\" because its type "
                    + type.displayName() + " is not a composite type");
        }
        int index = type.record().indexOf(target.field());
        if (index < 0) {
            throw BasaltException.at(SqlState.UNDEFINED_COLUMN, target.position(), "cannot assign to field \""
                    + target.field() + "\" of column \"" + column.name() + "\" because there is no such column in data type "
                    + type.displayName());
        }
        LogicalType fieldType = type.record().fieldTypes().get(index);
        ColumnEntry asColumn = new ColumnEntry(column.name(), fieldType, false, null, null);
        return InsertBinder.assign(value, asColumn, position);
    }

    /** The record for column {@code column} (at table position {@code tableColumn}) from its field targets. */
    static BoundExpression record(InsertStatement insert, List<Integer> targets, int tableColumn, ColumnEntry column,
                                  List<BoundExpression> sourceColumns) {
        RecordType record = column.type().record();
        List<BoundExpression> fields = new ArrayList<>(record.size());
        for (int f = 0; f < record.size(); f++) {
            fields.add(new BoundExpression.Constant(null, record.fieldTypes().get(f), 0));
        }
        for (int i = 0; i < targets.size() && i < sourceColumns.size(); i++) {
            if (targets.get(i) == tableColumn) {
                Expression.FieldSelection target = (Expression.FieldSelection) insert.columnSubscripts().get(i);
                fields.set(record.indexOf(target.field()), sourceColumns.get(i));
            }
        }
        return new BoundExpression.Function(new RowConstructFunction(), fields, column.type(), 0);
    }
}
