package io.basalt.binder.viewtext;

import io.basalt.catalog.Catalog;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.SelectItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A view's query as PostgreSQL keeps it once analyzed: every {@code *} and {@code t.*} of its SELECT lists (and of
 * its FROM subqueries') replaced by the columns it stood for when the view was created, and every NATURAL join by
 * the USING list of the columns it joined on then. Columns added to a table later are then neither read nor
 * printed by the view, and the join keeps its columns, as in PostgreSQL.
 */
public final class StarExpansion {
    private StarExpansion() {
    }

    /** The query with its stars and natural joins made explicit against the catalog as it is now. */
    public static Query expand(Query query, Catalog catalog) {
        return new StarExpansion.Expander(catalog).query(query, null);
    }

    private record Expander(Catalog catalog) {
        Query query(Query query, NameScope parent) {
            NameScope scope = new NameScope(parent);
            return new Query(query.with(), body(query.body(), scope), query.orderBy(), query.limit(),
                    query.offset(), query.position(), query.limitWithTies(), query.locking());
        }

        private QueryBody body(QueryBody body, NameScope parent) {
            return switch (body) {
                case QueryBody.Select select -> select(select, parent);
                case QueryBody.Values values -> values;
                case QueryBody.Nested nested -> new QueryBody.Nested(query(nested.query(), parent),
                        nested.position());
                case QueryBody.SetOperation operation -> new QueryBody.SetOperation(operation.operator(),
                        operation.all(), body(operation.left(), parent), body(operation.right(), parent),
                        operation.position());
            };
        }

        private QueryBody.Select select(QueryBody.Select select, NameScope parent) {
            QueryWriter writer = new QueryWriter(catalog, new TextLayout(true));
            NameScope scope = new NameScope(parent);
            List<FromItem> from = new ArrayList<>();
            for (FromItem item : select.from()) {
                FromItem expanded = fromItem(item, parent);
                from.add(expanded);
                scope.from.add(writer.source(expanded, scope, new int[1]));
            }
            List<SelectItem> items = new ArrayList<>();
            for (SelectItem item : select.items()) {
                if (!(item instanceof SelectItem.Star star)) {
                    items.add(item);
                    continue;
                }
                for (Source source : scope.from) {
                    Source target = star.qualifier() == null ? source : source.find(star.qualifier().last());
                    if (target == null) {
                        continue;
                    }
                    for (int c = 0; c < target.names().size(); c++) {
                        items.add(new SelectItem.Item(new Expression.ColumnRef(target.reference(c),
                                star.position()), null, star.position()));
                    }
                    if (star.qualifier() != null) {
                        break;
                    }
                }
            }
            return new QueryBody.Select(select.distinct(), select.distinctOn(), items, from, select.where(),
                    select.groupBy(), select.having(), select.windows(), select.position(), select.groupingSets());
        }

        private FromItem fromItem(FromItem item, NameScope parent) {
            return switch (item) {
                case FromItem.Subquery subquery -> new FromItem.Subquery(query(subquery.query(), parent),
                        subquery.lateral(), subquery.alias(), subquery.columnAliases(), subquery.position());
                case FromItem.Join join -> {
                    FromItem left = fromItem(join.left(), parent);
                    FromItem right = fromItem(join.right(), parent);
                    if (!join.natural()) {
                        yield new FromItem.Join(join.type(), false, left, right, join.condition(), join.using(),
                                join.position());
                    }
                    QueryWriter writer = new QueryWriter(catalog, new TextLayout(true));
                    NameScope scope = new NameScope(parent);
                    Source leftSource = writer.source(left, scope, new int[1]);
                    Source rightSource = writer.source(right, scope, new int[1]);
                    List<String> common = new ArrayList<>();
                    for (String name : leftSource.names()) {
                        if (rightSource.names().contains(name)) {
                            common.add(name);
                        }
                    }
                    yield common.isEmpty() ? join : new FromItem.Join(join.type(), false, left, right, null, common,
                            join.position());
                }
                case FromItem.JoinAlias alias -> new FromItem.JoinAlias(fromItem(alias.joined(), parent),
                        alias.alias(), alias.columnAliases(), alias.usingAlias(), alias.position());
                default -> item;
            };
        }
    }
}
