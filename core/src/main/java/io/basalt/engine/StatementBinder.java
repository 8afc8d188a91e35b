package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.InsertBinder;
import io.basalt.binder.QueryBinder;
import io.basalt.binder.UpdateBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import java.util.List;

/**
 * Binds the statements that have a logical plan (queries, INSERT, UPDATE and DELETE) for the utility statements that work
 * on plans without running them the usual way: EXPLAIN prints the plan, PREPARE checks it.
 */
final class StatementBinder {
    private StatementBinder() {
    }

    /**
     * The plan of {@code statement} and the names of its output columns (none for a data-changing statement without RETURNING).
     *
     * @throws BasaltException 0A000 for a statement without a plan (the parser lets only planned statements
     *         through, so this is a safeguard)
     */
    static BoundQuery bind(Statement statement, BindContext context) {
        return switch (statement) {
            case QueryStatement query -> new QueryBinder(context).bind(query.query());
            case InsertStatement insert -> query(new InsertBinder(context).bind(insert,
                    resolveTable(context.catalog(), insert.table())));
            case UpdateStatement update -> query(new UpdateBinder(context).bindUpdate(update,
                    resolveTable(context.catalog(), update.table())));
            case DeleteStatement delete -> query(new UpdateBinder(context).bindDelete(delete,
                    resolveTable(context.catalog(), delete.table())));
            case io.basalt.sql.ast.MergeStatement merge -> merge(merge, context);
            default -> throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, statement.position(),
                    "this statement cannot be planned");
        };
    }

    /** A MERGE: each statement it runs as is bound (so PREPARE checks them all); the first one's plan. */
    private static BoundQuery merge(io.basalt.sql.ast.MergeStatement merge, BindContext context) {
        BoundQuery first = null;
        for (Statement part : MergeRewrite.statements(merge, resolveTable(context.catalog(), merge.target()))) {
            BoundQuery bound = bind(part, context);
            first = first == null ? bound : first;
        }
        return first != null ? first : bind(new QueryStatement(new io.basalt.sql.ast.Query(
                new io.basalt.sql.ast.QueryBody.Select(false, List.of(), List.of(), null, List.of(), null,
                        merge.position()), List.of(), null, null, merge.position()), merge.position()), context);
    }

    private static BoundQuery query(BoundWrite write) {
        return new BoundQuery(write.plan(), write.names());
    }

    /** The table {@code name} names, or 42P01 {@code relation "name" does not exist} at the name. */
    static TableEntry resolveTable(Catalog catalog, QualifiedName name) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
    }
}
