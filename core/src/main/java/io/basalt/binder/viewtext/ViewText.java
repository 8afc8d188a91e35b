package io.basalt.binder.viewtext;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.ViewEntry;

/**
 * A view's definition as PostgreSQL's {@code pg_get_viewdef} prints it, written from the view's query as kept
 * (its syntax tree) against the catalog as it is now: what {@code pg_get_viewdef(view [, pretty])},
 * {@code pg_views.definition}, {@code information_schema.views.view_definition} and the shell's {@code \d+}
 * show. The text is PostgreSQL 16+'s where it differs from 15: a query level that reads one relation and is not
 * nested prints its columns without the relation's name.
 */
public final class ViewText {
    private ViewText() {
    }

    /** The definition, ending in {@code ;}; {@code pretty} drops the parentheses precedence does not need. */
    public static String of(ViewEntry view, Catalog catalog, boolean pretty) {
        TextLayout layout = new TextLayout(pretty);
        new QueryWriter(catalog, layout).query(view.query(), null, view.columnNames(), view.columnNames().size());
        return layout.out.append(';').toString();
    }

    /**
     * The view's query written again with the names {@code renames} gives its relations and columns (before they
     * take effect: {@code catalog} still has the old names), every column qualified, as SQL that reads back into
     * the same query over the renamed relations.
     */
    public static String renamed(ViewEntry view, Catalog catalog, RelationRenames renames) {
        TextLayout layout = new TextLayout(false);
        new QueryWriter(catalog, layout, renames).query(view.query(), null, view.columnNames(),
                view.columnNames().size());
        return layout.out.toString();
    }

    /**
     * A column's DEFAULT as PostgreSQL's pg_get_expr prints it (information_schema.columns, pg_attrdef, {@code \d}):
     * an untyped literal as a constant of {@code type}, the rest as in a view.
     */
    public static String columnDefault(io.basalt.sql.ast.Expression expression, io.basalt.type.LogicalType type,
                                       Catalog catalog) {
        TextLayout layout = new TextLayout(false);
        new ExpressionWriter(new QueryWriter(catalog, layout), new NameScope(null)).writeValue(expression, type);
        return layout.out.toString();
    }

    /**
     * {@code text}, an expression that reads no columns as {@link #columnDefault} wrote it, as pg_get_expr's pretty
     * form prints it (parentheses only where precedence needs them); {@code text} itself when it is not such an
     * expression (a partition bound, a generation expression over columns). {@code columnType} is the type of the
     * column the default is for (null: unknown): when the expression's differs, PostgreSQL's hidden cast to it keeps
     * an operator's parentheses ({@code (2 + 3)} for a bigint column).
     */
    public static String pretty(String text, io.basalt.type.LogicalType columnType, Catalog catalog) {
        io.basalt.sql.ast.Expression expression;
        try {
            expression = io.basalt.sql.parser.Parser.parseExpression(text);
        } catch (io.basalt.error.BasaltException notAnExpression) {
            return text;
        }
        if (io.basalt.binder.ColumnReferenceSearch.first(expression) != null) {
            return text;
        }
        TextLayout layout = new TextLayout(true);
        try {
            ExpressionWriter writer = new ExpressionWriter(new QueryWriter(catalog, layout), new NameScope(null));
            boolean cast = hiddenCast(columnType == null ? null : writer.typeOf(expression), columnType);
            writer.write(expression, cast ? ExpressionWriter.Parent.CAST : null);
        } catch (io.basalt.error.BasaltException unknownForm) {
            return text;
        }
        return layout.out.toString();
    }

    /**
     * An expression over the columns of one table ({@code names}, {@code types}), such as a generated column's, as
     * pg_get_expr prints it: columns by their bare names, {@code pretty} with parentheses only where needed (and
     * where a hidden cast to {@code columnType} applies to an operator); null when the writer does not know a form.
     */
    public static String tableExpression(io.basalt.sql.ast.Expression expression, java.util.List<String> names,
                                         java.util.List<io.basalt.type.LogicalType> types,
                                         io.basalt.type.LogicalType columnType, Catalog catalog, boolean pretty) {
        return tableExpression(expression, names, names, types, columnType, catalog, pretty);
    }

    /**
     * {@link #tableExpression} of an expression that names the columns {@code names} while they print as
     * {@code printedNames} (the same columns after a rename).
     */
    public static String tableExpression(io.basalt.sql.ast.Expression expression, java.util.List<String> names,
                                         java.util.List<String> printedNames,
                                         java.util.List<io.basalt.type.LogicalType> types,
                                         io.basalt.type.LogicalType columnType, Catalog catalog, boolean pretty) {
        TextLayout layout = new TextLayout(pretty);
        NameScope scope = new NameScope(null);
        scope.prefix = false;
        Source.Relation table = new Source.Relation("", "", names, types);
        table.printedNames = java.util.List.copyOf(printedNames);
        scope.from.add(table);
        try {
            ExpressionWriter writer = new ExpressionWriter(new QueryWriter(catalog, layout), scope);
            boolean cast = pretty && hiddenCast(writer.typeOf(expression), columnType);
            writer.write(expression, cast ? ExpressionWriter.Parent.CAST : null);
        } catch (io.basalt.error.BasaltException unknownForm) {
            return null;
        }
        return layout.out.toString();
    }

    /**
     * Whether PostgreSQL applies a cast (hidden when printed) of an expression of type {@code own} to a column of
     * {@code column}: another type, or any value for a column with a length, precision or scale.
     */
    private static boolean hiddenCast(io.basalt.type.LogicalType own, io.basalt.type.LogicalType column) {
        if (own == null || column == null) {
            return false;
        }
        if (column.precision() >= 0 || own.id() != column.id()) {
            return true;
        }
        return own.isArray() && column.isArray() && hiddenCast(own.element(), column.element());
    }

    /** An expression that reads no columns (a view column's DEFAULT) as PostgreSQL prints it, re-readable as SQL. */
    public static String expression(io.basalt.sql.ast.Expression expression, Catalog catalog) {
        TextLayout layout = new TextLayout(false);
        new ExpressionWriter(new QueryWriter(catalog, layout), new NameScope(null)).write(expression, null);
        return layout.out.toString();
    }
}
