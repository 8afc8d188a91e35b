package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.operator.SinkState;
import io.basalt.optimizer.statistics.GatheredStatistics;
import io.basalt.optimizer.statistics.StatisticsCollector;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.ExplainOption;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.VacuumStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * VACUUM and ANALYZE. Both check their options and tables as PostgreSQL does (unknown options, Boolean
 * values, tables and columns that do not exist, a column list without ANALYZE). VACUUM itself does nothing:
 * Basalt's tables keep no dead row versions for VACUUM to reclaim (deleted rows will be dropped when row
 * groups are rewritten). ANALYZE (and VACUUM ANALYZE) reads every row of the named tables, or of every table
 * when none is named, and leaves the planner's statistics in {@link GatheredStatistics}: distinct counts,
 * null fractions and value ranges of all columns (a column list is checked, and all columns are gathered
 * anyway); a database opened from a directory saves them there, so that they outlive a restart. VERBOSE prints
 * nothing.
 */
final class VacuumExecutor {
    private static final List<String> VACUUM_OPTIONS = List.of("analyze", "freeze", "full", "verbose",
            "disable_page_skipping", "skip_locked", "index_cleanup", "process_toast", "truncate", "parallel");
    private static final List<String> ANALYZE_OPTIONS = List.of("verbose", "skip_locked");

    private VacuumExecutor() {
    }

    /**
     * Runs {@code statement}; {@code runner} runs a plan into a sink (the session's executor), for ANALYZE's
     * scans; {@code analyzed} runs once ANALYZE has recorded new statistics (to save them).
     */
    static QueryResultImpl run(VacuumStatement statement, Catalog catalog, BiConsumer<LogicalPlan, SinkState> runner,
                               Runnable analyzed) {
        String command = statement.vacuum() ? "VACUUM" : "ANALYZE";
        boolean analyze = !statement.vacuum();
        for (ExplainOption option : statement.options()) {
            if (!(statement.vacuum() ? VACUUM_OPTIONS : ANALYZE_OPTIONS).contains(option.name())) {
                throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                        "unrecognized " + command + " option \"" + option.name() + "\"");
            }
            switch (option.name()) {
                case "analyze" -> analyze = ExplainOptions.bool(option);
                case "index_cleanup" -> {
                    if (option.value() == null || !option.value().toLowerCase(Locale.ROOT).equals("auto")) {
                        ExplainOptions.bool(option);
                    }
                }
                case "parallel" -> {
                    if (option.value() == null || !option.numeric()) {
                        throw BasaltException.at(SqlState.SYNTAX_ERROR, option.position(),
                                "parallel option requires a value between 0 and 1024");
                    }
                }
                default -> ExplainOptions.bool(option);
            }
        }
        List<TableEntry> targets = new ArrayList<>();
        for (VacuumStatement.Target target : statement.tables()) {
            TableEntry table = find(target.name(), catalog);
            targets.add(table);
            if (!target.columns().isEmpty() && !analyze) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "ANALYZE option must be specified when a column list is provided");
            }
            for (String column : target.columns()) {
                if (table.columnIndex(column) < 0) {
                    throw BasaltException.of(SqlState.UNDEFINED_COLUMN,
                            "column \"" + column + "\" of relation \"" + table.name() + "\" does not exist");
                }
            }
        }
        if (analyze) {
            for (TableEntry table : statement.tables().isEmpty() ? catalog.tables() : targets) {
                gather(table, runner);
            }
            analyzed.run();
        }
        return QueryResultImpl.command(command, 0, List.of());
    }

    /** Scans every column of {@code table} into a {@link StatisticsCollector} and records what it gathered. */
    private static void gather(TableEntry table, BiConsumer<LogicalPlan, SinkState> runner) {
        int[] columns = new int[table.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        try (StatisticsCollector collector = new StatisticsCollector(table.columnTypes())) {
            runner.accept(new LogicalPlan.Scan(table.store(), columns, table.columnTypes()), collector);
            GatheredStatistics.record(table.store(), collector.statistics());
        }
    }

    private static TableEntry find(QualifiedName name, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.of(SqlState.UNDEFINED_TABLE,
                "relation \"" + name + "\" does not exist"));
    }
}
