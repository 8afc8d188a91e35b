package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.plan.expression.BoundExpression;

/**
 * A CHECK constraint of a table: its name (given, or generated as PostgreSQL does) and its condition bound over
 * the table's columns (column reference i is the table's column i).
 */
public record CheckConstraintEntry(String name, BoundExpression condition) {
    public CheckConstraintEntry {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }
}
