package io.basalt.routine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.RoutineStatement.ParameterMode;
import java.util.List;

/**
 * CREATE FUNCTION's rules for a VARIADIC parameter, as PostgreSQL words them: it is an array, and the last input
 * parameter (OUT parameters may follow it). Calls spread their extra arguments into it
 * ({@code io.basalt.binder.ParameterArrangement}).
 */
final class VariadicParameters {
    private VariadicParameters() {
    }

    static void check(List<FunctionEntry.Parameter> parameters) {
        boolean seen = false;
        for (FunctionEntry.Parameter parameter : parameters) {
            if (parameter.mode() == ParameterMode.VARIADIC) {
                if (seen) {
                    throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "VARIADIC parameter must be the last input parameter");
                }
                if (!parameter.type().isArray()) {
                    throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                            "VARIADIC parameter must be an array");
                }
                seen = true;
            } else if (seen && parameter.input()) {
                throw BasaltException.of(SqlState.INVALID_FUNCTION_DEFINITION,
                        "VARIADIC parameter must be the last input parameter");
            }
        }
    }
}
