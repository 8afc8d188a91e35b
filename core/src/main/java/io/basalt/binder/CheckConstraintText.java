package io.basalt.binder;

import io.basalt.binder.viewtext.ViewText;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.error.BasaltException;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * A table CHECK constraint's condition as PostgreSQL 15's pg_get_constraintdef prints it ({@code \d},
 * information_schema.check_constraints, pg_constraint, the dump): written from the syntax tree over the table's
 * columns by the view-text writer ({@code a IN (1, 2)} is {@code (a = ANY (ARRAY[1, 2]))}, constants with their
 * types, operators in parentheses). The catalog keeps the plain text; the pretty form ({@code \d}'s) and the text
 * after a column rename are written again from it, as PostgreSQL prints its stored tree.
 */
public final class CheckConstraintText {
    private CheckConstraintText() {
    }

    /** The plain text of {@code condition} over {@code columns}, or null when the writer knows no form for it. */
    public static String of(Expression condition, List<ColumnEntry> columns, Catalog catalog) {
        return ViewText.tableExpression(condition, names(columns), types(columns), null, catalog, false);
    }

    /** {@code text} (a plain text over {@code columns}) in pg_get_constraintdef's pretty form. */
    public static String pretty(String text, List<ColumnEntry> columns, Catalog catalog) {
        Expression condition = parse(text);
        String written = condition == null ? null
                : ViewText.tableExpression(condition, names(columns), types(columns), null, catalog, true);
        return written != null ? written : text;
    }

    /**
     * {@code text} (a plain text over {@code columns}) after column {@code column} is renamed {@code to}; {@code text}
     * itself when it does not read back.
     */
    public static String renamed(String text, List<ColumnEntry> columns, int column, String to, Catalog catalog) {
        Expression condition = parse(text);
        if (condition == null) {
            return text;
        }
        List<String> names = names(columns);
        List<String> printed = new ArrayList<>(names);
        printed.set(column, to);
        String written = ViewText.tableExpression(condition, names, printed, types(columns), null, catalog, false);
        return written != null ? written : text;
    }

    private static Expression parse(String text) {
        try {
            return Parser.parseExpression(text);
        } catch (BasaltException notAnExpression) {
            return null;
        }
    }

    private static List<String> names(List<ColumnEntry> columns) {
        List<String> names = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            names.add(column.name());
        }
        return names;
    }

    private static List<LogicalType> types(List<ColumnEntry> columns) {
        List<LogicalType> types = new ArrayList<>(columns.size());
        for (ColumnEntry column : columns) {
            types.add(column.type());
        }
        return types;
    }
}
