package io.basalt.testing.slt;

/** How a query's rows are ordered before they are compared with the expected ones. */
public enum SortMode {
    /** Compare in the order the engine returned (the query has an ORDER BY, or one row). */
    NOSORT,
    /** Sort whole rows, comparing their rendered values left to right as strings. */
    ROWSORT,
    /** Sort every value on its own, losing the rows: for results whose shape is all that matters. */
    VALUESORT;

    /** The mode named by a query header token ({@code sort} is DuckDB's alias of rowsort), or null. */
    static SortMode named(String token) {
        return switch (token) {
            case "nosort" -> NOSORT;
            case "rowsort", "sort" -> ROWSORT;
            case "valuesort" -> VALUESORT;
            default -> null;
        };
    }
}
