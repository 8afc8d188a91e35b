package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.catalog.Catalog;
import io.basalt.sql.ast.DeallocateStatement;
import io.basalt.sql.ast.ExecuteStatement;
import io.basalt.sql.ast.ExplainStatement;
import io.basalt.sql.ast.PrepareStatement;
import io.basalt.sql.ast.ResetStatement;
import io.basalt.sql.ast.SetStatement;
import io.basalt.sql.ast.ShowStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.TruncateStatement;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A session's state and runners for PostgreSQL's utility statements: its settings (SET, SHOW, RESET), its
 * prepared statements (PREPARE, EXECUTE, DEALLOCATE), EXPLAIN and TRUNCATE. The session dispatches each
 * statement here and keeps nothing of these itself.
 */
final class UtilityStatements {
    private final Catalog catalog;
    private final SessionSettings settings;
    private final SettingStatements settingStatements;
    private final PreparedStatements prepared;
    private final ExplainExecutor explainer;

    UtilityStatements(Catalog catalog, SessionSettings settings, Supplier<BufferAllocator> resultAllocators) {
        this.catalog = catalog;
        this.settings = settings;
        this.settingStatements = new SettingStatements(settings, resultAllocators);
        this.prepared = new PreparedStatements(settings);
        this.explainer = new ExplainExecutor(catalog, settings, prepared, resultAllocators);
    }

    SessionSettings settings() {
        return settings;
    }

    /**
     * {@code statement} with its calls of current_setting and set_config evaluated (see
     * {@link SettingFunctions}); EXPLAIN and PREPARE evaluate them in their own statements when they bind them.
     */
    Statement evaluateSettingFunctions(Statement statement) {
        return SettingFunctions.rewrite(statement, settings, true);
    }

    /** As {@link #evaluateSettingFunctions(Statement)}, telling {@code listener} of each set_config change. */
    Statement evaluateSettingFunctions(Statement statement, SettingFunctions.ChangeListener listener) {
        return SettingFunctions.rewrite(statement, settings, true, listener);
    }

    QueryResultImpl set(SetStatement set) {
        return settingStatements.set(set);
    }

    QueryResultImpl show(ShowStatement show) {
        return settingStatements.show(show);
    }

    QueryResultImpl reset(ResetStatement reset) {
        return settingStatements.reset(reset);
    }

    QueryResultImpl explain(ExplainStatement explain, BindContext context, ExplainExecutor.PlanRunner runner) {
        return explainer.explain(explain, context, runner);
    }

    QueryResultImpl prepare(PrepareStatement prepare, BindContext context) {
        return prepared.prepare(prepare, context);
    }

    /** What EXECUTE runs: the prepared statement and a context holding the arguments as parameters. */
    /** The statement the prepared statement {@code name} runs, or null when there is none of that name. */
    io.basalt.sql.ast.Statement preparedStatement(String name) {
        return prepared.statement(name);
    }

    PreparedStatements.Execution execution(ExecuteStatement execute, BindContext context) {
        return prepared.execution(execute, context);
    }

    QueryResultImpl deallocate(DeallocateStatement deallocate) {
        return prepared.deallocate(deallocate);
    }

    /** Empties the tables; the caller holds the DDL lock and logs the statement. */
    QueryResultImpl truncate(TruncateStatement truncate) {
        return TruncateExecutor.truncate(truncate, catalog);
    }
}
