package io.basalt.binder;

import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * Row constructors compared with a subquery's rows, rewritten before binding into subqueries Basalt binds already.
 * The subquery becomes a derived table {@code "?row"(c1, ..., ck)} whose columns meet the row's fields:
 * <ul>
 *   <li>{@code (a, b) IN (query)}: {@code CASE WHEN EXISTS (... WHERE a = c1 AND b = c2) THEN true
 *       WHEN EXISTS (... WHERE (a = c1 AND b = c2) IS NULL) THEN NULL ELSE false END}, PostgreSQL's three-valued
 *       result (NOT IN is its negation);</li>
 *   <li>the same test where only truth matters (a conjunct of WHERE): {@code EXISTS (... WHERE a = c1 AND b = c2)},
 *       and for NOT IN {@code NOT EXISTS (... WHERE (a = c1 AND b = c2) IS NOT FALSE)};</li>
 *   <li>{@code ROW(a, b) op (query)}: {@code (SELECT (a, b) op (c1, c2) FROM (query) AS "?row"(c1, c2))}, which keeps
 *       the scalar subquery's rules (NULL without rows, an error with more than one).</li>
 * </ul>
 * The caller checks that the subquery has as many columns as the row has fields.
 */
final class RowSubqueries {
    private static final String ALIAS = "?row";

    private RowSubqueries() {
    }

    /** {@code row [NOT] IN (query)} with PostgreSQL's NULL result. */
    static Expression in(Expression.RowConstructor row, Query query, boolean negated, int position) {
        Expression equal = equalities(row, position);
        Expression found = new Expression.Exists(filtered(query, row.fields().size(), equal, position), position);
        Expression unknown = new Expression.Exists(filtered(query, row.fields().size(),
                new Expression.IsNull(equal, false, position), position), position);
        Expression result = new Expression.Case(null, List.of(
                new Expression.When(found, new Expression.BooleanLiteral(true, position), position),
                new Expression.When(unknown, new Expression.NullLiteral(position), position)),
                new Expression.BooleanLiteral(false, position), position);
        return negated ? new Expression.Unary("NOT", result, position) : result;
    }

    /** {@code row [NOT] IN (query)} where a NULL result counts as false (a WHERE conjunct). */
    static Expression inForFilter(Expression.RowConstructor row, Query query, boolean negated, int position) {
        Expression equal = equalities(row, position);
        if (!negated) {
            return new Expression.Exists(filtered(query, row.fields().size(), equal, position), position);
        }
        Expression notFalse = new Expression.IsBoolean(equal, false, true, position);
        return new Expression.Unary("NOT", new Expression.Exists(filtered(query, row.fields().size(), notFalse,
                position), position), position);
    }

    /** {@code row op (query)}: the comparison inside a scalar subquery over the query's single row. */
    static Expression compare(String operator, Expression.RowConstructor row, Query query, int position) {
        Expression comparison = new Expression.Binary(operator, row, columns(row.fields().size(), position), position);
        QueryBody.Select select = new QueryBody.Select(false, List.of(new SelectItem.Item(comparison, null, position)),
                List.of(derived(query, row.fields().size(), position)), null, List.of(), null, position);
        return new Expression.ScalarSubquery(new Query(select, List.of(), null, null, position), position);
    }

    private static Query filtered(Query query, int width, Expression condition, int position) {
        QueryBody.Select select = new QueryBody.Select(false,
                List.of(new SelectItem.Item(new Expression.NumberLiteral("1", position), null, position)),
                List.of(derived(query, width, position)), condition, List.of(), null, position);
        return new Query(select, List.of(), null, null, position);
    }

    private static FromItem derived(Query query, int width, int position) {
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add("c" + i);
        }
        return new FromItem.Subquery(query, false, ALIAS, names, position);
    }

    /** {@code a = "?row".c1 AND b = "?row".c2 ...}. */
    private static Expression equalities(Expression.RowConstructor row, int position) {
        return new Expression.Binary("=", row, columns(row.fields().size(), position), position);
    }

    private static Expression.RowConstructor columns(int width, int position) {
        List<Expression> fields = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            fields.add(new Expression.ColumnRef(List.of(ALIAS, "c" + i), position));
        }
        return new Expression.RowConstructor(fields, position);
    }
}
