package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.expression.PhysicalExpression;

/**
 * A CHECK constraint as INSERT enforces it: its name and its condition over the table's columns (column i of the
 * inserted batch is the table's column i). A row fails only when the condition is false; NULL passes.
 */
public record CheckConstraint(String name, PhysicalExpression condition) {
    /**
     * The name prefix of a view's WITH CHECK OPTION enforced as a check of the table written through the view
     * (the view's name follows): its failure is PostgreSQL's 44000 for the view.
     */
    public static final String VIEW_CHECK_OPTION = "\u0000check option of view ";

    /** The view whose check option this is, or null for a table's own CHECK constraint. */
    public String checkedView() {
        return name.startsWith(VIEW_CHECK_OPTION) ? name.substring(VIEW_CHECK_OPTION.length()) : null;
    }

    public CheckConstraint {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }
}
