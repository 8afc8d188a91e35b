package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.catalog.Catalog;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.TriggerEntry;
import io.basalt.rule.RuleEntry;
import io.basalt.rule.RuleRelation;
import io.basalt.rule.RuleStatements;
import io.basalt.sql.ast.QualifiedName;
import io.basalt.sql.ast.RuleStatement;
import io.basalt.sql.ast.Statement;
import io.basalt.storage.transaction.Transaction;
import java.util.List;

/**
 * A session's side of rewrite rules and of views' INSTEAD OF triggers: CREATE / DROP / ALTER RULE (run under the
 * database's DDL lock, logged, undone by ROLLBACK of the session's transaction block), and the check every
 * INSERT, UPDATE and DELETE passes before it runs, which hands a write that fires rules to {@link RuleWrites}
 * and one that fires a view's INSTEAD OF triggers to {@link ViewTriggerWrites}.
 */
final class SessionRules {
    private final DatabaseImpl database;
    private final Catalog catalog;
    private final RoutineRuntime runtime;
    private final RuleWrites writes;
    private final ViewTriggerWrites viewTriggers;

    SessionRules(DatabaseImpl database, Catalog catalog, RoutineRuntime runtime, RuleWrites.Session session) {
        this.database = database;
        this.catalog = catalog;
        this.runtime = runtime;
        this.writes = new RuleWrites(catalog, database.rules(), runtime, session);
        this.viewTriggers = new ViewTriggerWrites(runtime, writes);
    }

    /** Runs a statement about rules; {@code block} is the open transaction block, or null. */
    QueryResultImpl run(RuleStatement statement, String sql, Transaction block) {
        synchronized (database.ddlLock()) {
            RuleStatements statements = new RuleStatements(catalog, database.rules(), database::logDdl,
                    block == null ? null : undo -> block.onRollback(() -> {
                        synchronized (database.ddlLock()) {
                            undo.run();
                        }
                    }));
            RuleStatements.Outcome outcome = statements.run(statement, sql);
            return QueryResultImpl.command(outcome.tag(), 0, outcome.notices());
        }
    }

    /**
     * Runs {@code statement} through the rules or INSTEAD OF triggers it fires, or returns null when it fires
     * none (then it runs as it always does). The cost for a database without rules or triggers is two reads.
     */
    QueryResultImpl rewrite(Statement statement, BindContext context) {
        if (!database.rules().hasAnyRules() && !runtime.routines().hasAnyTriggers()) {
            return null;
        }
        QualifiedName target = RuleWrites.target(statement);
        if (target == null) {
            return null;
        }
        RuleRelation relation = RuleRelation.find(catalog, target);
        if (relation == null) {
            return null;
        }
        List<RuleEntry> rules = writes.fired(statement, relation);
        if (!rules.isEmpty()) {
            return writes.run(statement, relation, rules, context);
        }
        List<TriggerEntry> triggers = ViewTriggerWrites.fired(statement, relation, runtime);
        if (!triggers.isEmpty()) {
            return viewTriggers.run(statement, relation, triggers, context.parameters().constants());
        }
        return null;
    }

    /** Forgets the rules of relations a DROP removed. */
    void relationsDropped() {
        if (database.rules().hasAnyRules()) {
            RuleStatements.relationsDropped(catalog, database.rules());
        }
    }
}
