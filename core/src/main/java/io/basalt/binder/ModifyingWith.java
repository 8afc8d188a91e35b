package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.Query;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.sql.ast.With;
import io.basalt.type.LogicalType;
import java.util.List;

/**
 * A statement whose WITH clause holds INSERT, UPDATE or DELETE queries (allowed only at the top level of a
 * statement). Each such query is bound where it stands (seeing the WITH queries before it) and handed at once to the
 * engine's {@link Runner}, which runs it so that its change is collected, not applied, and keeps its RETURNING rows;
 * references to it read those rows, so it runs exactly once, referenced or not. The main statement is then bound
 * with every WITH query in reach. The engine applies the collected changes after the main statement ran, so that
 * every part reads the tables as they were when the statement began, as in PostgreSQL.
 */
public final class ModifyingWith {
    /** Runs a bound data-modifying WITH query. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Runs {@code write} (its change collected by the statement) and returns its RETURNING rows, named
         * {@code name}, for scans; null when it has no RETURNING (its plan reports a row count).
         */
        ScanSource run(BoundWrite write, String name);
    }

    private ModifyingWith() {
    }

    /** The main query, after running the data-modifying WITH queries of its WITH clause. */
    public static BoundQuery bindQuery(Query query, BindContext context, Runner runner) {
        Surroundings surroundings = CommonTableBinder.declare(query.with(), Surroundings.NONE, context, runner);
        return new QueryBinder(context, surroundings).bind(new Query(query.body(), query.orderBy(), query.limit(),
                query.offset(), query.position()));
    }

    /** The main INSERT, UPDATE or DELETE on {@code table}, after running the data-modifying WITH queries. */
    public static BoundWrite bindWrite(Statement statement, TableEntry table, BindContext context, Runner runner) {
        return switch (statement) {
            case InsertStatement insert -> new InsertBinder(context, declare(insert.with(), context, runner))
                    .bindBody(insert, table);
            case UpdateStatement update -> new UpdateBinder(context, declare(update.with(), context, runner))
                    .bindUpdateBody(update, table);
            case DeleteStatement delete -> new UpdateBinder(context, declare(delete.with(), context, runner))
                    .bindDeleteBody(delete, table);
            default -> throw new IllegalArgumentException("not a data-changing statement: " + statement);
        };
    }

    private static Surroundings declare(With with, BindContext context, Runner runner) {
        return CommonTableBinder.declare(with, Surroundings.NONE, context, runner);
    }

    /** Binds and runs one data-modifying WITH query; its RETURNING rows as a query (null without RETURNING). */
    static BoundQuery run(With.CommonTableExpression table, Surroundings definedIn, BindContext context, Runner runner) {
        BoundWrite write = switch (table.modifying()) {
            case InsertStatement insert -> new InsertBinder(context, nested(insert.with(), definedIn, context))
                    .bindBody(insert, target(insert.table(), context));
            case UpdateStatement update -> new UpdateBinder(context, nested(update.with(), definedIn, context))
                    .bindUpdateBody(update, target(update.table(), context));
            case DeleteStatement delete -> new UpdateBinder(context, nested(delete.with(), definedIn, context))
                    .bindDeleteBody(delete, target(delete.table(), context));
            default -> throw new IllegalArgumentException("not a data-changing statement: " + table.modifying());
        };
        List<String> names = write.returnsRows() ? CommonTableBinder.columnNames(table, write.names()) : List.of();
        ScanSource rows = runner.run(write, table.name());
        if (rows == null) {
            return null;
        }
        List<LogicalType> types = rows.columnTypes();
        int[] columns = new int[types.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return new BoundQuery(new LogicalPlan.Scan(rows, columns, types), names);
    }

    /** The surroundings of a data-modifying WITH query that has a WITH clause of its own. */
    private static Surroundings nested(With with, Surroundings definedIn, BindContext context) {
        return with == null ? definedIn : CommonTableBinder.declare(with, definedIn, context);
    }

    private static TableEntry target(QualifiedName name, BindContext context) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return context.catalog().findTable(schema, name.last()).orElseThrow(() -> BasaltException.at(
                SqlState.UNDEFINED_TABLE, name.position(), "relation \"" + name + "\" does not exist"));
    }
}
