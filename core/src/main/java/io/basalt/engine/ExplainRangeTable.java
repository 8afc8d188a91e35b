package io.basalt.engine;

import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.QueryBody;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.With;
import java.util.HashSet;
import java.util.Set;

/**
 * What EXPLAIN needs to know of PostgreSQL's range table that Basalt's plan no longer shows: PostgreSQL names
 * output columns with their relation when the statement's range table holds more than one entry, and a subquery
 * in FROM or a reference to a WITH query keeps its entry there even when the planner pulls its contents up into
 * the enclosing query (Basalt inlines them, leaving only the scans they read).
 */
final class ExplainRangeTable {
    private ExplainRangeTable() {
    }

    /** Whether {@code statement}'s FROM clauses, at any level, hold a subquery or a reference to a WITH query. */
    static boolean hasInlinedEntries(Statement statement) {
        return statement instanceof QueryStatement query && inQuery(query.query(), new HashSet<>());
    }

    private static boolean inQuery(Query query, Set<String> withNames) {
        Set<String> names = withNames;
        With with = query.with();
        if (with != null) {
            names = new HashSet<>(withNames);
            for (With.CommonTableExpression table : with.tables()) {
                names.add(table.name());
                if (table.query() != null && inQuery(table.query(), names)) {
                    return true;
                }
            }
        }
        return inBody(query.body(), names);
    }

    private static boolean inBody(QueryBody body, Set<String> withNames) {
        return switch (body) {
            case QueryBody.Select select -> {
                for (FromItem item : select.from()) {
                    if (inItem(item, withNames)) {
                        yield true;
                    }
                }
                yield false;
            }
            case QueryBody.Values values -> false;
            case QueryBody.SetOperation operation -> inBody(operation.left(), withNames)
                    || inBody(operation.right(), withNames);
            case QueryBody.Nested nested -> inQuery(nested.query(), withNames);
        };
    }

    private static boolean inItem(FromItem item, Set<String> withNames) {
        return switch (item) {
            case FromItem.Table table -> table.name().parts().size() == 1 && withNames.contains(table.name().last());
            case FromItem.Subquery subquery -> true;
            case FromItem.Function function -> false;
            case FromItem.Join join -> inItem(join.left(), withNames) || inItem(join.right(), withNames);
            case FromItem.JoinAlias alias -> inItem(alias.joined(), withNames);
        };
    }
}
