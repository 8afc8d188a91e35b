package io.basalt.engine.setting;

import static java.util.Objects.requireNonNull;

/**
 * One configuration parameter: its canonical name (as SHOW ALL lists it, e.g. "TimeZone"), what it is for,
 * how it reads values, its default, and how it may change.
 *
 * @param listInput      whether SET takes a comma-separated list of values for it (search_path, DateStyle)
 * @param quoteListItems whether SET writes its string values as quoted identifiers when needed (search_path)
 */
public record Parameter(String name, String description, ParameterType type, String defaultValue, Scope scope,
                        boolean listInput, boolean quoteListItems) {
    /** How the parameter may change. */
    public enum Scope {
        /** SET, RESET and set_config change it for the session. */
        SESSION,
        /** Fixed for the database: SET fails with "cannot be changed". */
        READ_ONLY,
        /**
         * A property of the current transaction ({@code transaction_isolation}), which starts as the session's
         * {@code default_}-prefixed parameter. SHOW prints the open transaction block's value (BEGIN and SET
         * TRANSACTION set it), else that default; a SET of the parameter itself is checked and has no effect (use
         * SET TRANSACTION).
         */
        TRANSACTION
    }

    public Parameter {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(scope, "scope is null");
    }

    static Parameter session(String name, String description, ParameterType type, String defaultValue) {
        return new Parameter(name, description, type, defaultValue, Scope.SESSION, false, false);
    }

    static Parameter readOnly(String name, String description, String value) {
        return new Parameter(name, description, TextType.ANY, value, Scope.READ_ONLY, false, false);
    }
}
