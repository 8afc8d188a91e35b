package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.api.ResultColumn;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.OperatorProfile;
import io.basalt.optimizer.Optimizer;
import io.basalt.plan.logical.ExplainPrinter;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.spi.TableFunctionScan;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Runs EXPLAIN: binds and optimizes the statement as it would run and prints the plan with
 * {@link ExplainPrinter}, one row of a text column "QUERY PLAN" per line. ANALYZE also runs the statement
 * (its rows are discarded, its changes kept, as in PostgreSQL) and adds "Execution Time"; SUMMARY adds
 * "Planning Time". ANALYZE runs the very plan it prints and follows each node with what its operator produced
 * ({@link ExplainActuals}). The text and JSON ({@link ExplainJson}) formats are implemented; XML and YAML are not.
 */
final class ExplainExecutor {
    /**
     * Runs an optimized plan to completion and discards its output, putting into {@code operators} the physical
     * operator each logical node became and into {@code profile} what each operator produced.
     */
    @FunctionalInterface
    interface PlanRunner {
        void run(LogicalPlan plan, Map<LogicalPlan, PhysicalOperator> operators, OperatorProfile profile);
    }

    private final Catalog catalog;
    private final SessionSettings settings;
    private final PreparedStatements prepared;
    private final Supplier<BufferAllocator> resultAllocators;

    ExplainExecutor(Catalog catalog, SessionSettings settings, PreparedStatements prepared,
                    Supplier<BufferAllocator> resultAllocators) {
        this.catalog = catalog;
        this.settings = settings;
        this.prepared = prepared;
        this.resultAllocators = resultAllocators;
    }

    QueryResultImpl explain(ExplainStatement explain, BindContext context, PlanRunner runner) {
        ExplainOptions options = ExplainOptions.of(explain.options());
        if (!options.format().equals("text") && !options.format().equals("json")) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "EXPLAIN (FORMAT " + options.format().toUpperCase(Locale.ROOT) + ") is not supported yet");
        }
        long planningStart = System.nanoTime();
        // set_config in the statement changes the settings only when ANALYZE runs it
        Statement statement = SettingFunctions.rewrite(explain.statement(), settings, options.analyze());
        BindContext bindContext = context;
        if (statement instanceof ExecuteStatement execute) {
            PreparedStatements.Execution execution = prepared.execution(execute, context);
            statement = execution.statement();
            bindContext = execution.context();
        }
        if (statement instanceof io.basalt.sql.ast.MergeStatement merge) {
            return explainMerge(merge, bindContext, options);
        }
        BoundQuery bound = StatementBinder.bind(statement, bindContext);
        LogicalPlan plan = Optimizer.optimize(bound.plan(), settings.hashAggregation());
        double planningMillis = (System.nanoTime() - planningStart) / 1e6;
        ExplainPrinter.NodeActuals actuals = ExplainPrinter.NodeActuals.NONE;
        double executionMillis = 0;
        if (options.analyze()) {
            long executionStart = System.nanoTime();
            Map<LogicalPlan, PhysicalOperator> operators = new IdentityHashMap<>();
            OperatorProfile profile = new OperatorProfile();
            runner.run(plan, operators, profile);
            executionMillis = (System.nanoTime() - executionStart) / 1e6;
            actuals = new ExplainActuals(operators, profile, options.timing());
        }
        List<String> lines = new ArrayList<>(ExplainPrinter.print(plan, scanLabels(), options.verbose(),
                options.costs(), actuals, ExplainRangeTable.hasInlinedEntries(statement)));
        List<String> summary = new ArrayList<>();
        if (options.summary()) {
            summary.add("Planning Time: " + millis(planningMillis));
            if (options.analyze()) {
                summary.add("Execution Time: " + millis(executionMillis));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        if (options.format().equals("json")) {
            rows.add(List.of(ExplainJson.render(lines, summary)));
        } else {
            lines.addAll(summary);
            for (String line : lines) {
                rows.add(List.of(line));
            }
        }
        return TextRows.result(List.of("QUERY PLAN"), rows, "EXPLAIN", List.of(), resultAllocators.get());
    }

    /**
     * EXPLAIN MERGE: a {@code Merge on target} line over the plan of each statement the MERGE runs as (one per WHEN
     * clause that changes rows, see {@link MergeRewrite}), in clause order. EXPLAIN ANALYZE of a MERGE is not
     * supported yet.
     */
    private QueryResultImpl explainMerge(io.basalt.sql.ast.MergeStatement merge, BindContext context,
                                         ExplainOptions options) {
        if (options.analyze()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN ANALYZE of MERGE is not supported yet");
        }
        TableEntry target = StatementBinder.resolveTable(context.catalog(), merge.target());
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Merge on " + merge.target().last() + (merge.alias() == null ? "" : " " + merge.alias())));
        for (Statement part : MergeRewrite.statements(merge, target)) {
            if (part instanceof io.basalt.sql.ast.QueryStatement) {
                continue; // a DO NOTHING clause's check
            }
            LogicalPlan plan = Optimizer.optimize(StatementBinder.bind(part, context).plan(),
                    settings.hashAggregation());
            for (String line : ExplainPrinter.print(plan, scanLabels(), options.verbose(), options.costs(),
                    ExplainPrinter.NodeActuals.NONE)) {
                rows.add(List.of("  " + line));
            }
        }
        return TextRows.result(List.of("QUERY PLAN"), rows, "EXPLAIN", List.of(), resultAllocators.get());
    }

    private ExplainPrinter.ScanLabels scanLabels() {
        return new ExplainPrinter.ScanLabels() {
            @Override
            public ExplainPrinter.ScanLabel label(ScanSource source) {
                return ExplainExecutor.this.label(source);
            }

            @Override
            public io.basalt.planner.PointLookups.Lookup pointLookup(ScanSource source,
                    List<io.basalt.plan.expression.BoundExpression> conjuncts, int[] columns) {
                return io.basalt.planner.PointLookups.of(source, conjuncts, columns);
            }

            @Override
            public io.basalt.planner.PointLookups.Lookup bitmapLookup(ScanSource source,
                    List<io.basalt.plan.expression.BoundExpression> conjuncts, int[] columns) {
                return io.basalt.planner.PointLookups.bitmapOf(source, conjuncts, columns);
            }

            @Override
            public boolean presortedAggregates() {
                return !"off".equals(settings.find("enable_presorted_aggregate"));
            }
        };
    }

    private static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f ms", value);
    }

    private ExplainPrinter.ScanLabel label(ScanSource source) {
        if (source instanceof TableFunctionScan function) {
            List<String> columns = new ArrayList<>();
            for (ResultColumn column : function.bound().columns()) {
                columns.add(column.name());
            }
            return new ExplainPrinter.ScanLabel("Function Scan", function.name(), null, columns);
        }
        if (source instanceof io.basalt.exec.operator.scan.SeriesSource) {
            // generate_series with constant arguments: its column goes by the name the FROM list gives the function
            return new ExplainPrinter.ScanLabel("Function Scan", "generate_series", "pg_catalog", List.of());
        }
        ScanSource read = source.underlying();
        for (TableEntry table : catalog.tables()) {
            if (table.store() == source || table.store().underlying() == read) {
                List<String> columns = new ArrayList<>();
                for (ColumnEntry column : table.columns()) {
                    columns.add(column.name());
                }
                return new ExplainPrinter.ScanLabel("Seq Scan", table.name(), table.schema(), columns);
            }
        }
        return new ExplainPrinter.ScanLabel("Seq Scan", source.name(), null, List.of());
    }
}
