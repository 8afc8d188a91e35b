package io.basalt.binder.viewtext;

import io.basalt.type.LogicalType;

/**
 * A column reference as a view's text prints it: {@code text} ({@code t.a}), the column's own name
 * ({@code attname}, which decides whether the select list needs {@code AS}) and its type when known (else null).
 */
record Column(String text, String attname, LogicalType type) {
    /** This column, or without its relation's name when {@code prefix} is false. */
    Column withPrefix(boolean prefix) {
        return prefix || attname == null ? this : new Column(io.basalt.sql.lexer.IdentifierQuoting.quote(attname),
                attname, type);
    }
}
