package io.basalt.routine;

import io.basalt.plan.expression.BoundExpression;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * Converts a value to another type as an assignment does (a function's result to its declared type, a value
 * assigned to a PL/pgSQL variable or record field), through the engine's own cast: {@code CAST($1 AS type)},
 * parsed once per type and session.
 */
public final class ValueCasts {
    private ValueCasts() {
    }

    /** {@code value} as a value of {@code type}; the value itself when it has that type already. */
    public static BoundExpression.Constant to(BoundExpression.Constant value, LogicalType type, RoutineRuntime runtime) {
        if (type == null || value.type().equals(type)) {
            return value;
        }
        if (value.value() == null) {
            return new BoundExpression.Constant(null, type, 0);
        }
        StatementRows rows = runtime.run(runtime.parse("SELECT CAST($1 AS " + type.displayName() + ")"),
                List.of(value));
        return new BoundExpression.Constant(rows.rows().getFirst()[0], rows.types().getFirst(), 0);
    }
}
