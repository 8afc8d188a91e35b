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

    /**
     * The name prefix of a row-level security policy's check of the rows written (the restrictive policy's name
     * follows; nothing follows for the permissive policies together): its failure is PostgreSQL's 42501.
     */
    public static final String ROW_SECURITY_POLICY = "\u0000row security policy ";

    /** The policy this checks ("" for the permissive ones together), or null for any other check. */
    public String checkedPolicy() {
        return name.startsWith(ROW_SECURITY_POLICY) ? name.substring(ROW_SECURITY_POLICY.length()) : null;
    }

    /** The view whose check option this is, or null for a table's own CHECK constraint. */
    public String checkedView() {
        return name.startsWith(VIEW_CHECK_OPTION) ? name.substring(VIEW_CHECK_OPTION.length()) : null;
    }

    public CheckConstraint {
        requireNonNull(name, "name is null");
        requireNonNull(condition, "condition is null");
    }
}
