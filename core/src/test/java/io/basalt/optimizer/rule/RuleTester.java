package io.basalt.optimizer.rule;

import io.basalt.api.ResultColumn;
import io.basalt.binder.BindContext;
import io.basalt.binder.Parameters;
import io.basalt.binder.QueryBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import io.basalt.spi.BoundTableFunction;
import io.basalt.spi.TableFunction;
import io.basalt.spi.TableFunctionCursor;
import io.basalt.spi.TableFunctionRegistry;
import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.parser.Parser;
import io.basalt.storage.table.TableStore;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Binds SQL against a catalog of empty tables (and table functions that are never run) and prints the
 * plan before and after a rule, so rule tests read as golden text. The tables' stores hold no rows and are
 * never scanned; they report a row count (zero unless given) for the rules that read estimates.
 */
final class RuleTester {
    private final Catalog catalog = new Catalog();
    private final TableFunctionRegistry functions = new TableFunctionRegistry();

    /** Adds table {@code name} with columns given as {@code "a integer"}-style pairs of name and type. */
    RuleTester table(String name, String... columns) {
        return sizedTable(name, 0, columns);
    }

    /** Adds table {@code name} as {@link #table} does, whose store reports {@code rows} rows. */
    RuleTester sizedTable(String name, long rows, String... columns) {
        List<ColumnEntry> entries = new ArrayList<>();
        List<LogicalType> types = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split(" ", 2);
            LogicalType type = type(parts[1]);
            entries.add(new ColumnEntry(parts[0], type, false, null, null));
            types.add(type);
        }
        catalog.addTable(new TableEntry("public", name, entries, new EmptyStore(name, types, rows)));
        return this;
    }

    /** Adds table function {@code name}, taking any arguments, with columns given as for {@link #table}. */
    RuleTester function(String name, String... columns) {
        List<ResultColumn> result = new ArrayList<>();
        for (String column : columns) {
            String[] parts = column.split(" ", 2);
            result.add(new ResultColumn(parts[0], type(parts[1])));
        }
        functions.register(new UnreadFunction(name, result));
        return this;
    }

    private static LogicalType type(String name) {
        return switch (name) {
            case "integer" -> LogicalType.INTEGER;
            case "bigint" -> LogicalType.BIGINT;
            case "text" -> LogicalType.TEXT;
            case "numeric(15,2)" -> LogicalType.numeric(15, 2);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The store of table {@code name}, to attach statistics to. */
    TableStore store(String name) {
        return catalog.findTable(null, name).orElseThrow().store();
    }

    LogicalPlan bind(String sql) {
        QueryStatement statement = (QueryStatement) Parser.parseStatement(sql);
        BindContext context = new BindContext(catalog, functions, Parameters.none());
        return new QueryBinder(context).bind(statement.query()).plan();
    }

    String before(String sql) {
        return PlanPrinter.print(bind(sql));
    }

    String after(OptimizerRule rule, String sql) {
        return PlanPrinter.print(rule.apply(bind(sql)));
    }

    /** A table function that can be bound and planned but is never run. */
    private record UnreadFunction(String name, List<ResultColumn> columns) implements TableFunction, BoundTableFunction {
        @Override
        public BoundTableFunction bind(List<Object> arguments) {
            return this;
        }

        @Override
        public TableFunctionCursor open(BufferAllocator allocator, int vectorSize) {
            throw new UnsupportedOperationException();
        }
    }

    /** The store of a table whose rows are never read, reporting a row count for the estimates. */
    private record EmptyStore(String name, List<LogicalType> columnTypes, long rowCount) implements TableStore {

        @Override
        public void append(Batch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void appendAll(List<Batch> batches) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SourceState open(int[] columns, ExecutionContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }
}
