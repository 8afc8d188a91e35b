package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.plan.expression.BoundExpression;

/**
 * A CHECK constraint of a table: its name (given, or generated as PostgreSQL does) and its condition bound over
 * the table's columns (column reference i is the table's column i), whether it is NO INHERIT (child tables do
 * not take it on), and whether it is NOT ENFORCED (PostgreSQL 18: kept in the catalog, never checked).
 */
public record CheckConstraintEntry(String name, BoundExpression condition, boolean noInherit, boolean notEnforced) {
    public CheckConstraintEntry {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }

    /** An enforced constraint. */
    public CheckConstraintEntry(String name, BoundExpression condition, boolean noInherit) {
        this(name, condition, noInherit, false);
    }

    /** A constraint that child tables inherit. */
    public CheckConstraintEntry(String name, BoundExpression condition) {
        this(name, condition, false);
    }

    /** This constraint with another name and condition, NO INHERIT and NOT ENFORCED kept. */
    public CheckConstraintEntry with(String newName, BoundExpression newCondition) {
        return new CheckConstraintEntry(newName, newCondition, noInherit, notEnforced);
    }
}
