package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;

/**
 * A table column: name, type, NOT NULL, and the DEFAULT expression as written (null when none) with its
 * text as {@code \d} shows it.
 */
public record ColumnEntry(String name, LogicalType type, boolean notNull, Expression defaultExpression,
                          String defaultText) {
    public ColumnEntry {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
