package io.basalt.engine;

import io.basalt.error.SqlState;

/**
 * SQLSTATEs that PostgreSQL raises for utility statements and that {@link SqlState} (in vector-exec) does not
 * define yet. Each is looked up by PostgreSQL's condition name, the naming SqlState follows, so the exact code
 * takes effect as soon as SqlState gains the constant; until then the nearest existing code stands in (noted
 * beside each). Remove this class once SqlState has them all.
 */
final class PendingSqlStates {
    /** 55P02, e.g. {@code parameter "server_version" cannot be changed}; until then 0A000. */
    static final SqlState CANT_CHANGE_RUNTIME_PARAM = named("CANT_CHANGE_RUNTIME_PARAM", SqlState.FEATURE_NOT_SUPPORTED);
    /** 42602, {@code invalid configuration parameter name}; until then 42601. */
    static final SqlState INVALID_NAME = named("INVALID_NAME", SqlState.SYNTAX_ERROR);
    /** 26000, {@code prepared statement "x" does not exist}; until then 42704. */
    static final SqlState INVALID_SQL_STATEMENT_NAME = named("INVALID_SQL_STATEMENT_NAME", SqlState.UNDEFINED_OBJECT);
    /** 42P05, {@code prepared statement "x" already exists}; until then 42P07. */
    static final SqlState DUPLICATE_PREPARED_STATEMENT = named("DUPLICATE_PREPARED_STATEMENT", SqlState.DUPLICATE_TABLE);
    /** 22004, {@code SET requires parameter name}; until then 22023. */
    static final SqlState NULL_VALUE_NOT_ALLOWED = named("NULL_VALUE_NOT_ALLOWED", SqlState.INVALID_PARAMETER_VALUE);
    /** 42P18, {@code could not determine data type of parameter $1}; until then 42804. */
    static final SqlState INDETERMINATE_DATATYPE = named("INDETERMINATE_DATATYPE", SqlState.DATATYPE_MISMATCH);
    /** 3F000, {@code schema "x" does not exist}; until then 42704. */
    static final SqlState INVALID_SCHEMA_NAME = named("INVALID_SCHEMA_NAME", SqlState.UNDEFINED_OBJECT);

    private PendingSqlStates() {
    }

    private static SqlState named(String conditionName, SqlState standIn) {
        for (SqlState state : SqlState.values()) {
            if (state.name().equals(conditionName)) {
                return state;
            }
        }
        return standIn;
    }
}
