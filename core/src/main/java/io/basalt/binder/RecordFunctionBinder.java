package io.basalt.binder;

import io.basalt.exec.function.record.RowToJsonFunction;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.List;

/** The scalar functions over composite values: {@code row_to_json(record [, pretty boolean])}. */
final class RecordFunctionBinder {
    private RecordFunctionBinder() {
    }

    /** The bound call, or null when {@code name} is not one of these functions. */
    static BoundExpression bind(String name, List<BoundExpression> arguments, int position) {
        if (!name.equals("row_to_json")) {
            return null;
        }
        int n = arguments.size();
        if (n < 1 || n > 2 || !arguments.getFirst().type().isRecord()
                || n == 2 && arguments.get(1).type().id() != TypeId.BOOLEAN
                && arguments.get(1).type().id() != TypeId.UNKNOWN) {
            throw Functions.undefined(name, arguments, position);
        }
        List<BoundExpression> typed = n == 1 ? arguments
                : List.of(arguments.getFirst(), Coercion.cast(arguments.get(1), LogicalType.BOOLEAN, false));
        return new BoundExpression.Function(new RowToJsonFunction(), typed, LogicalType.JSON, position);
    }
}
