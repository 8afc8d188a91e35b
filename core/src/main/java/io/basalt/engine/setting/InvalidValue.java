package io.basalt.engine.setting;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/** The errors PostgreSQL raises for a value a parameter does not accept, worded as it words them (SQLSTATE 22023). */
final class InvalidValue {
    private InvalidValue() {
    }

    /** {@code invalid value for parameter "name": "value"}. */
    static BasaltException of(String name, String value) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                "invalid value for parameter \"" + name + "\": \"" + value + "\"");
    }

    /** {@code 10 kB is outside the valid range for parameter "work_mem" (64 .. 2147483647)}. */
    static BasaltException outOfRange(String name, int value, IntegerUnit unit, int min, int max) {
        String unitText = unit.baseName() == null ? "" : " " + unit.baseName();
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, value + unitText
                + " is outside the valid range for parameter \"" + name + "\" (" + min + " .. " + max + ")");
    }

    /** {@code parameter "name" requires a Boolean value}. */
    static BasaltException notBoolean(String name) {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                "parameter \"" + name + "\" requires a Boolean value");
    }
}
