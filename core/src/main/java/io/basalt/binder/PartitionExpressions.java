package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.planner.ConstantEvaluator;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds what partitioning needs over a table's columns (column reference i is column i): the expressions of a
 * partition key, the predicates that say which rows a partition holds, and the values of a partition bound converted
 * to the key's types, each with PostgreSQL's errors.
 */
public final class PartitionExpressions {
    private PartitionExpressions() {
    }

    /** A key expression of {@code PARTITION BY}; a column that does not exist fails as PostgreSQL says. */
    public static BoundExpression key(Expression key, String tableName, List<ColumnEntry> columns,
                                      BindContext context) {
        ExpressionBinder binder = new ExpressionBinder(scope(tableName, columns), context.parameters(),
                "partition key expressions");
        try {
            return binder.bind(key);
        } catch (BasaltException e) {
            if (e.sqlState() == SqlState.UNDEFINED_COLUMN && key instanceof Expression.ColumnRef column) {
                throw BasaltException.at(SqlState.UNDEFINED_COLUMN, column.position(),
                        "column \"" + column.parts().getLast() + "\" named in partition key does not exist");
            }
            BasaltException reworded = ExpressionContextErrors.reword(e,
                    "cannot use subquery in partition key expression",
                    "set-returning functions are not allowed in partition key expressions", false);
            if (reworded.sqlState() == SqlState.GROUPING_ERROR || reworded.sqlState() == SqlState.WINDOWING_ERROR
                    || reworded != e) {
                // PostgreSQL checks a key's expression after parsing it, so its errors carry no position
                throw BasaltException.of(reworded.sqlState(), reworded.getMessage());
            }
            throw e;
        }
    }

    /** A boolean condition over the table's columns (a partition's constraint). */
    public static BoundExpression predicate(Expression condition, String tableName, List<ColumnEntry> columns,
                                            BindContext context) {
        return CheckConditions.bind(condition, tableName, columns, context);
    }

    /**
     * The value of a bound's constant expression as a value of {@code type} in canonical Java form (null for NULL),
     * cast as an assignment casts it; an expression that reads a column fails with PostgreSQL's error.
     */
    public static Object value(Expression value, LogicalType type, BindContext context) {
        return value(value, type, null, context);
    }

    /**
     * As above, for the key {@code keyText} (a column's name or an expression's text; null when unknown): a value
     * whose type has no assignment cast to the key's fails with PostgreSQL's 42804.
     */
    public static Object value(Expression value, LogicalType type, String keyText, BindContext context) {
        ExpressionBinder binder = new ExpressionBinder(new Scope(List.of()), context.parameters(),
                "partition bound");
        Expression.ColumnRef column = ColumnReferenceSearch.first(value);
        if (column != null) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, column.position(),
                    "cannot use column reference in partition bound expression");
        }
        BoundExpression bound;
        try {
            bound = binder.bind(value);
        } catch (BasaltException e) {
            throw ExpressionContextErrors.reword(e, "cannot use subquery in partition bound",
                    "set-returning functions are not allowed in partition bound", true);
        }
        if (keyText != null && !Coercion.assignable(bound.type(), type)) {
            throw BasaltException.at(SqlState.DATATYPE_MISMATCH, value.position(), "specified value cannot be cast"
                    + " to type " + type.displayName() + " for column \"" + keyText + "\"");
        }
        return ConstantEvaluator.evaluate(Coercion.cast(bound, type, true));
    }

    private static Scope scope(String tableName, List<ColumnEntry> columns) {
        List<Scope.Column> visible = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            visible.add(new Scope.Column(tableName, column.name(), column.type()));
        }
        return new Scope(visible);
    }
}
