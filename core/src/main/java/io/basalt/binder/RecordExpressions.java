package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.record.FieldSelectFunction;
import io.basalt.exec.function.record.RecordNullTest;
import io.basalt.exec.function.record.RowConstructFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.List;

/**
 * Composite values in expressions: {@code ROW(a, b)} and {@code (a, b)} as values (an anonymous record whose
 * fields are f1, f2, ...; untyped literals become text), whole-row references ({@code t} and {@code t.*} as a
 * value: the record of t's columns, of the table's row type when t is a table), field selection
 * {@code (value).field}, and {@code IS [NOT] NULL} of a record value (every field NULL / no field NULL).
 */
final class RecordExpressions {
    private RecordExpressions() {
    }

    /** {@code ROW(fields...)} as a value of an anonymous record type. */
    static BoundExpression constructor(List<BoundExpression> fields, int position) {
        List<BoundExpression> typed = new ArrayList<>(fields.size());
        List<LogicalType> types = new ArrayList<>(fields.size());
        for (BoundExpression field : fields) {
            // an untyped literal stays unknown (it prints as written) until a cast or assignment gives it a type
            BoundExpression value = field.type().id() == TypeId.UNKNOWN && !(field instanceof BoundExpression.Constant)
                    ? Coercion.cast(field, LogicalType.TEXT, false) : field;
            typed.add(value);
            types.add(value.type());
        }
        return new BoundExpression.Function(new RowConstructFunction(), typed,
                LogicalType.recordOf(RecordType.anonymous(types)), position);
    }

    /** A record of {@code fields} converted to {@code type}'s fields (a ROW constructor cast to a row type). */
    static BoundExpression constructorAs(List<BoundExpression> fields, LogicalType type, int position) {
        if (fields.size() != type.record().size()) {
            throw BasaltException.at(SqlState.CANNOT_COERCE, position, "cannot cast type record to "
                    + type.displayName()).withDetail("Input has " + (fields.size() > type.record().size()
                    ? "too many" : "too few") + " columns.");
        }
        List<BoundExpression> typed = new ArrayList<>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            typed.add(Coercion.cast(fields.get(i), type.record().fieldTypes().get(i), true));
        }
        return new BoundExpression.Function(new RowConstructFunction(), typed, type, position);
    }

    /**
     * The whole row of FROM item {@code qualifier} as a record, or null when the scope has no such item. A
     * table's row has the table's row type (named after it); any other item's an anonymous record whose fields
     * carry the item's column names.
     */
    static BoundExpression wholeRow(Scope scope, String qualifier, int position) {
        if (!scope.hasQualifier(qualifier)) {
            return null;
        }
        List<Integer> indices = scope.columnsOf(qualifier);
        List<BoundExpression> fields = new ArrayList<>(indices.size());
        List<String> names = new ArrayList<>(indices.size());
        List<LogicalType> types = new ArrayList<>(indices.size());
        String tableName = null;
        boolean allFromTable = true;
        for (int index : indices) {
            Scope.Column column = scope.columns().get(index);
            fields.add(new BoundExpression.ColumnRef(index, column.qualifier(), column.name(), column.type(), position));
            names.add(column.name());
            types.add(column.type());
            if (column.table() == null) {
                allFromTable = false;
            } else {
                tableName = column.table().name();
            }
        }
        String typeName = allFromTable ? tableName : null;
        LogicalType rowType = LogicalType.recordOf(new RecordType(typeName, names, types));
        if (!indices.isEmpty() && ReturningOldNew.ABSENT.equals(scope.columns().get(indices.getFirst()).tableName())) {
            // RETURNING's old row of an INSERT, new row of a DELETE: no row at all, so NULL rather than (,,)
            return new BoundExpression.Constant(null, rowType, position);
        }
        return new BoundExpression.Function(new RowConstructFunction(), fields, rowType, position);
    }

    /** {@code operand IS [NOT] NULL} for a record operand, with the row semantics of {@link RecordNullTest}. */
    static BoundExpression isNull(BoundExpression operand, boolean negated, int position) {
        return new BoundExpression.Function(new RecordNullTest(negated), List.of(operand), LogicalType.BOOLEAN,
                position);
    }

    /** {@code (operand).field} with PostgreSQL's errors for a non-composite operand and an unknown field. */
    static BoundExpression field(BoundExpression operand, String field, int position) {
        LogicalType type = operand.type();
        position = operand.position();
        if (!type.isRecord()) {
            throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, position, "column notation ." + field
                    + " applied to type " + type.displayName() + ", which is not a composite type");
        }
        int index = type.record().indexOf(field);
        if (index < 0) {
            throw BasaltException.at(SqlState.UNDEFINED_COLUMN, position, type.record().isAnonymous()
                    ? "could not identify column \"" + field + "\" in record data type"
                    : "column \"" + field + "\" not found in data type " + type.displayName());
        }
        if (operand instanceof BoundExpression.Function function && function.function() instanceof RowConstructFunction) {
            return function.arguments().get(index);
        }
        return new BoundExpression.Function(new FieldSelectFunction(index), List.of(operand),
                type.record().fieldTypes().get(index), position);
    }
}
