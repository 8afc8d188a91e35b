package io.basalt.binder;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import io.basalt.type.RecordValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of a user-defined function in FROM that returns a composite type ({@code RETURNS SETOF t}): PostgreSQL
 * shows such a function as a relation with one column per field of the type, named as the fields (the whole row
 * stays reachable by the function's name). A NULL composite value gives NULL in every field.
 */
final class CompositeFunctionRows {
    private CompositeFunctionRows() {
    }

    /** {@code values} (one column of a composite type) with each row's record spread over one column per field. */
    static LogicalPlan.Values expand(LogicalPlan.Values values) {
        RecordType record = values.outputTypes().getFirst().record();
        List<LogicalType> types = record.fieldTypes();
        List<List<BoundExpression>> rows = new ArrayList<>(values.rows().size());
        for (List<BoundExpression> row : values.rows()) {
            BoundExpression cell = row.getFirst();
            Object value = cell instanceof BoundExpression.Constant constant ? constant.value() : null;
            List<BoundExpression> fields = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                Object field = value instanceof RecordValue composite ? composite.get(i) : null;
                fields.add(new BoundExpression.Constant(field, types.get(i), cell.position()));
            }
            rows.add(fields);
        }
        return new LogicalPlan.Values(rows, types);
    }
}
