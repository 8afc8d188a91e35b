package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.QueryBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.pipeline.ResultCollector;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.CreateTableAsStatement;
import io.basalt.sql.ast.CreateTableStatement;
import io.basalt.sql.ast.DropTableStatement;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.lexer.IdentifierQuoting;
import io.basalt.sql.parser.Parser;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * CREATE TABLE AS and SELECT INTO: binds the query, creates a table with its column names (or the ones given)
 * and types (text where the query's type is still unknown, as PostgreSQL does), then inserts the query's rows
 * through the INSERT plan. The new table is written to the log as the plain CREATE TABLE statement it amounts
 * to, so that replay creates it without running the query again and then replays the logged rows. When the
 * insert fails the table is dropped again (and the drop logged), so the statement leaves nothing behind.
 * A temporary table is neither logged nor replayed, as CREATE TEMPORARY TABLE is not. The command tag is
 * {@code SELECT n}, or {@code CREATE TABLE AS} when no rows were asked for or the table
 * existed already under IF NOT EXISTS.
 */
final class CreateTableAsExecutor {
    /** Runs a bound plan to its end, sending its rows to {@code collector}. */
    interface PlanRunner {
        void run(LogicalPlan plan, ResultCollector collector);
    }

    private CreateTableAsExecutor() {
    }

    /**
     * {@code CREATE TABLE ... AS EXECUTE}'s statement with the query of the prepared statement it runs; a prepared
     * statement that is not a SELECT fails as in PostgreSQL.
     */
    static CreateTableAsStatement withPreparedQuery(CreateTableAsStatement statement,
                                                    io.basalt.sql.ast.Statement prepared) {
        if (!(prepared instanceof io.basalt.sql.ast.QueryStatement query)) {
            throw BasaltException.of(SqlState.WRONG_OBJECT_TYPE, "prepared statement is not a SELECT");
        }
        return statement.withQuery(query.query());
    }

    static QueryResultImpl run(CreateTableAsStatement statement, BindContext context, DatabaseImpl database,
                               DdlExecutor ddl, PlanRunner runner) {
        BoundQuery bound = new QueryBinder(context).bind(statement.query());
        List<LogicalType> types = bound.plan().outputTypes();
        if (statement.columnNames().size() > types.size()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "too many column names were specified");
        }
        List<String> names = new ArrayList<>(bound.names());
        for (int i = 0; i < statement.columnNames().size(); i++) {
            names.set(i, statement.columnNames().get(i));
        }
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                throw BasaltException.of(SqlState.DUPLICATE_COLUMN, "column \"" + name + "\" specified more than once");
            }
        }
        QualifiedName name = statement.name();
        Catalog catalog = context.catalog();
        String definition = definition(statement.temporary(), name, names, types);
        CreateTableStatement create = (CreateTableStatement) Parser.parseStatement(definition);
        boolean temporary = ddl.createsTemporary(create);
        String written = name.parts().size() >= 2 ? name.parts().get(name.parts().size() - 2) : null;
        String schema = written != null ? written : temporary ? catalog.tempSchema() : catalog.creationSchema();
        TableEntry table;
        synchronized (database.ddlLock()) {
            if (schema != null && catalog.findTable(schema, name.last()).isPresent()) {
                String message = "relation \"" + name.last() + "\" already exists";
                if (statement.ifNotExists()) {
                    return QueryResultImpl.command("CREATE TABLE AS", 0, List.of(message + ", skipping"));
                }
                throw BasaltException.of(SqlState.DUPLICATE_TABLE, message);
            }
            ddl.createTable(create, context);
            if (!temporary) {
                database.logDdl(definition);
            }
            table = catalog.findTable(temporary ? catalog.tempSchema() : schema, name.last()).orElseThrow();
        }
        if (!statement.withData()) {
            return QueryResultImpl.command("CREATE TABLE AS", 0, List.of());
        }
        try {
            long inserted = insert(new LogicalPlan.Write(LogicalPlan.WriteKind.INSERT, table, bound.plan(), false), database, runner);
            return QueryResultImpl.command("SELECT " + inserted, inserted, List.of());
        } catch (RuntimeException | Error failure) {
            synchronized (database.ddlLock()) {
                String drop = "DROP TABLE " + quoted(table);
                ddl.dropTable((DropTableStatement) Parser.parseStatement(drop));
                if (!temporary) {
                    database.logDdl(drop);
                }
            }
            throw failure;
        }
    }

    /** Runs the insert; its single output row is the number of rows inserted. */
    private static long insert(LogicalPlan plan, DatabaseImpl database, PlanRunner runner) {
        try (BufferAllocator allocator = database.newAllocator("result");
             ResultCollector collector = new ResultCollector(List.of("count"), List.of(LogicalType.BIGINT),
                     allocator)) {
            runner.run(plan, collector);
            long inserted = 0;
            for (VectorSchemaRoot root : collector.takeBatches()) {
                try (root) {
                    inserted += ((BigIntVector) root.getVector(0)).get(0);
                }
            }
            return inserted;
        }
    }

    /** {@code CREATE [TEMPORARY] TABLE name (column type, ...)} for the query's columns. */
    private static String definition(boolean temporary, QualifiedName name, List<String> names,
                                     List<LogicalType> types) {
        StringBuilder sql = new StringBuilder(temporary ? "CREATE TEMPORARY TABLE " : "CREATE TABLE ")
                .append(quoted(name)).append(" (");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            LogicalType type = types.get(i).id() == TypeId.UNKNOWN ? LogicalType.TEXT : types.get(i);
            sql.append(IdentifierQuoting.quote(names.get(i))).append(' ').append(type.displayName());
        }
        return sql.append(')').toString();
    }

    private static String quoted(QualifiedName name) {
        List<String> parts = new ArrayList<>();
        for (String part : name.parts()) {
            parts.add(IdentifierQuoting.quote(part));
        }
        return String.join(".", parts);
    }

    /** The table's schema-qualified name, so that the drop after a failure finds exactly it. */
    private static String quoted(TableEntry table) {
        return IdentifierQuoting.quote(table.schema()) + "." + IdentifierQuoting.quote(table.name());
    }
}
