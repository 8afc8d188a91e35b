package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;

/**
 * A CHECK constraint as INSERT enforces it: its name and its condition over the table's columns (column i of the
 * inserted batch is the table's column i). A row fails only when the condition is false; NULL passes.
 */
public record CheckConstraint(String name, PhysicalExpression condition) {
    public CheckConstraint {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }
}
