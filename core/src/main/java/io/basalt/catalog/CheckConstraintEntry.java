package io.basalt.catalog;

import static java.util.Objects.requireNonNull;

import io.basalt.plan.expression.BoundExpression;

/**
 * A CHECK constraint of a table: its name (given, or generated as PostgreSQL does) and its condition bound over
 * the table's columns (column reference i is the table's column i), whether it is NO INHERIT (child tables do
 * not take it on), and whether it is NOT ENFORCED (PostgreSQL 18: kept in the catalog, never checked).
 *
 * <p>{@code text} is the condition as pg_get_constraintdef prints it, written from the syntax tree when the
 * constraint was defined (columns by their current names: a column rename rewrites it), or null for a constraint
 * that was not defined by SQL (its text is then deparsed from {@code condition}). {@code validated} is false
 * after ADD CONSTRAINT ... NOT VALID until VALIDATE CONSTRAINT.
 */
public record CheckConstraintEntry(String name, BoundExpression condition, boolean noInherit, boolean notEnforced,
                                   String text, boolean validated) {
    public CheckConstraintEntry {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }

    /** A constraint without kept text, validated. */
    public CheckConstraintEntry(String name, BoundExpression condition, boolean noInherit, boolean notEnforced) {
        this(name, condition, noInherit, notEnforced, null, true);
    }

    /** An enforced constraint. */
    public CheckConstraintEntry(String name, BoundExpression condition, boolean noInherit) {
        this(name, condition, noInherit, false);
    }

    /** A constraint that child tables inherit. */
    public CheckConstraintEntry(String name, BoundExpression condition) {
        this(name, condition, false);
    }

    /** This constraint with another name and condition, the rest kept. */
    public CheckConstraintEntry with(String newName, BoundExpression newCondition) {
        return new CheckConstraintEntry(newName, newCondition, noInherit, notEnforced, text, validated);
    }

    /** This constraint with its condition's text {@code newText}. */
    public CheckConstraintEntry withText(String newText) {
        return new CheckConstraintEntry(name, condition, noInherit, notEnforced, newText, validated);
    }

    /** This constraint marked validated or NOT VALID. */
    public CheckConstraintEntry withValidated(boolean newValidated) {
        return new CheckConstraintEntry(name, condition, noInherit, notEnforced, text, newValidated);
    }
}
