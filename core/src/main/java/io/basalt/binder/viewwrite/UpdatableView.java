package io.basalt.binder.viewwrite;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.ViewEntry;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a view is automatically updatable by PostgreSQL's rules ({@code view_query_is_auto_updatable}) and, when
 * it is, what writing through it means: the one table or view it reads ({@code base}, called {@code baseName} in
 * the view's query), the view's expression for each of its columns, the base column each updatable column is
 * (null for a column that is an expression), and the view's WHERE condition (null without one). When it is not,
 * {@code reason} is PostgreSQL's DETAIL saying why.
 */
record UpdatableView(ViewEntry view, String reason, FromItem.Table base, String baseName,
                     List<Expression> expressions, List<String> baseColumns, Expression where) {
    private static final Set<String> AGGREGATES = Set.of("count", "sum", "avg", "min", "max", "bool_and",
            "bool_or", "every", "string_agg", "array_agg", "json_agg", "jsonb_agg", "json_object_agg",
            "jsonb_object_agg", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp",
            "bit_and", "bit_or", "bit_xor", "percentile_cont", "percentile_disc", "mode", "corr", "covar_pop",
            "covar_samp", "regr_slope", "regr_intercept", "regr_count", "any_value");
    private static final Set<String> SET_RETURNING = Set.of("generate_series", "unnest", "json_each",
            "jsonb_each", "json_each_text", "jsonb_each_text", "json_array_elements", "jsonb_array_elements",
            "json_array_elements_text", "jsonb_array_elements_text", "regexp_matches", "regexp_split_to_table",
            "json_object_keys", "jsonb_object_keys", "jsonb_path_query", "generate_subscripts", "string_to_table");

    boolean updatable() {
        return reason == null;
    }

    static UpdatableView of(ViewEntry view, Catalog catalog) {
        Query query = view.query();
        if (!(query.body() instanceof QueryBody.Select select)) {
            return refused(view, query.body() instanceof QueryBody.SetOperation
                    ? "Views containing UNION, INTERSECT, or EXCEPT are not automatically updatable."
                    : "Views that do not select from a single table or view are not automatically updatable.");
        }
        if (select.distinct() || !select.distinctOn().isEmpty()) {
            return refused(view, "Views containing DISTINCT are not automatically updatable.");
        }
        if (!select.groupBy().isEmpty() || select.groupingSets() != null) {
            return refused(view, "Views containing GROUP BY are not automatically updatable.");
        }
        if (select.having() != null) {
            return refused(view, "Views containing HAVING are not automatically updatable.");
        }
        if (query.with() != null) {
            return refused(view, "Views containing WITH are not automatically updatable.");
        }
        if (query.limit() != null || query.offset() != null) {
            return refused(view, "Views containing LIMIT or OFFSET are not automatically updatable.");
        }
        List<Expression> expressions = new ArrayList<>();
        for (SelectItem item : select.items()) {
            if (item instanceof SelectItem.Item expression) {
                expressions.add(expression.expression());
            }
        }
        String calls = calls(expressions);
        if (calls != null) {
            return refused(view, calls);
        }
        if (select.from().size() != 1 || !(select.from().getFirst() instanceof FromItem.Table base)
                || !readable(base, catalog)) {
            return refused(view, "Views that do not select from a single table or view are not automatically"
                    + " updatable.");
        }
        if (expressions.size() != select.items().size()) {
            // a * the view's query kept as written (its columns could not be made explicit)
            return refused(view, "Views that do not select from a single table or view are not automatically"
                    + " updatable.");
        }
        String baseName = base.alias() != null ? base.alias() : base.name().last();
        List<String> baseColumns = new ArrayList<>();
        List<String> columns = baseColumnNames(base, catalog, true);
        List<String> real = baseColumnNames(base, catalog, false);
        for (int c = 0; c < view.columnNames().size() && c < expressions.size(); c++) {
            String column = null;
            if (expressions.get(c) instanceof Expression.ColumnRef reference) {
                List<String> parts = reference.parts();
                boolean ours = parts.size() == 1 || parts.size() == 2 && parts.getFirst().equals(baseName);
                if (ours && columns.contains(parts.getLast())) {
                    column = real.get(columns.indexOf(parts.getLast()));
                }
            }
            baseColumns.add(column);
        }
        return new UpdatableView(view, null, base, baseName, expressions.subList(0, baseColumns.size()),
                baseColumns, select.where());
    }

    private static UpdatableView refused(ViewEntry view, String reason) {
        return new UpdatableView(view, reason, null, null, List.of(), List.of(), null);
    }

    /** The reason calls in the select list make a view not updatable, or null. */
    private static String calls(List<Expression> expressions) {
        boolean aggregate = false;
        boolean window = false;
        boolean setReturning = false;
        for (Expression expression : expressions) {
            if (expression instanceof Expression.FunctionCall call) {
                String name = call.name().last();
                window |= call.over() != null;
                aggregate |= call.over() == null && AGGREGATES.contains(name);
                setReturning |= SET_RETURNING.contains(name);
            }
        }
        if (aggregate) {
            return "Views that return aggregate functions are not automatically updatable.";
        }
        if (window) {
            return "Views that return window functions are not automatically updatable.";
        }
        return setReturning ? "Views that return set-returning functions are not automatically updatable." : null;
    }

    private static boolean readable(FromItem.Table base, Catalog catalog) {
        String schema = schemaOf(base);
        if (catalog.findTable(schema, base.name().last()).isPresent()) {
            return true;
        }
        ViewEntry view = catalog.findView(schema, base.name().last()).orElse(null);
        return view != null && !view.materialized();
    }

    static String schemaOf(FromItem.Table base) {
        List<String> parts = base.name().parts();
        return parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
    }

    private static List<String> baseColumnNames(FromItem.Table base, Catalog catalog, boolean aliased) {
        String schema = schemaOf(base);
        TableEntry table = catalog.findTable(schema, base.name().last()).orElse(null);
        List<String> names = new ArrayList<>();
        if (table != null) {
            for (var column : table.columns()) {
                names.add(column.name());
            }
        } else {
            catalog.findView(schema, base.name().last()).ifPresent(view -> names.addAll(view.columnNames()));
        }
        if (aliased) {
            for (int i = 0; i < base.columnAliases().size() && i < names.size(); i++) {
                names.set(i, base.columnAliases().get(i));
            }
        }
        return names;
    }
}
