package io.basalt.routine.plpgsql;

import io.basalt.type.LogicalType;

/**
 * A PL/pgSQL variable's type: a scalar type, or a record (a {@code record} or {@code %ROWTYPE} variable, NEW and
 * OLD, a FOR loop's row), whose shape comes from what is assigned to it.
 */
record VariableType(LogicalType scalar, boolean record) {
    static final VariableType RECORD = new VariableType(null, true);

    static VariableType of(LogicalType type) {
        return new VariableType(type, false);
    }
}
