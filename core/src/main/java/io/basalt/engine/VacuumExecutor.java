package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.ExplainOption;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.VacuumStatement;
import java.util.List;
import java.util.Locale;

/**
 * VACUUM and ANALYZE. Both check their options and tables as PostgreSQL does (unknown options, Boolean
 * values, tables and columns that do not exist, a column list without ANALYZE) and then succeed without
 * doing anything: Basalt's tables keep no dead row versions for VACUUM to reclaim (its columnar store has
 * nothing to vacuum today; deleted rows will be dropped when row groups are rewritten), and the planner keeps
 * no statistics yet for ANALYZE to gather. ANALYZE is the place to compute them once it does. VERBOSE
 * prints nothing.
 */
final class VacuumExecutor {
    private static final List<String> VACUUM_OPTIONS = List.of("analyze", "freeze", "full", "verbose",
            "disable_page_skipping", "skip_locked", "index_cleanup", "process_toast", "truncate", "parallel");
    private static final List<String> ANALYZE_OPTIONS = List.of("verbose", "skip_locked");

    private VacuumExecutor() {
    }

    static QueryResultImpl run(VacuumStatement statement, Catalog catalog) {
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
        for (VacuumStatement.Target target : statement.tables()) {
            TableEntry table = find(target.name(), catalog);
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
        return QueryResultImpl.command(command, 0, List.of());
    }

    private static TableEntry find(QualifiedName name, Catalog catalog) {
        List<String> parts = name.parts();
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : null;
        return catalog.findTable(schema, name.last()).orElseThrow(() -> BasaltException.of(SqlState.UNDEFINED_TABLE,
                "relation \"" + name + "\" does not exist"));
    }
}
