package io.basalt.engine;

import io.basalt.catalog.Catalog;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.FunctionEntry;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.RoutineStatements;
import io.basalt.routine.StatementRows;
import io.basalt.routine.ValueCasts;
import io.basalt.sql.ast.RoutineStatement;
import io.basalt.storage.transaction.Transaction;
import java.util.ArrayList;
import java.util.List;

/**
 * A session's side of user-defined routines: its {@link RoutineRuntime}, and the statements about routines and
 * triggers (run under the database's DDL lock, logged, undone by ROLLBACK of the session's transaction block) and
 * CALL.
 */
final class SessionRoutines {
    private final DatabaseImpl database;
    private final Catalog catalog;
    private final RoutineRuntime runtime;

    SessionRoutines(DatabaseImpl database, Catalog catalog, RoutineRuntime.StatementRunner runner) {
        this.database = database;
        this.catalog = catalog;
        this.runtime = new RoutineRuntime(database.routines(), catalog, runner);
    }

    RoutineRuntime runtime() {
        return runtime;
    }

    /** Runs a statement about routines; {@code block} is the open transaction block, or null. */
    QueryResultImpl run(RoutineStatement statement, String sql, Transaction block) {
        if (statement instanceof RoutineStatement.Call call) {
            return call(call, sql);
        }
        if (statement instanceof RoutineStatement.Do anonymous) {
            return doBlock(anonymous);
        }
        synchronized (database.ddlLock()) {
            RoutineStatements statements = new RoutineStatements(catalog, database.routines(), database::logDdl,
                    block == null ? null : undo -> block.onRollback(() -> {
                        synchronized (database.ddlLock()) {
                            undo.run();
                        }
                    }));
            RoutineStatements.Outcome outcome = statements.run(statement, sql);
            return QueryResultImpl.command(outcome.tag(), 0, outcome.notices());
        }
    }

    /** Forgets the triggers of tables that a DROP removed. */
    void tablesDropped() {
        for (String[] table : database.routines().tablesWithTriggers()) {
            if (database.catalog().findTable(table[0], table[1]).isEmpty()
                    && catalog.findTable(table[0], table[1]).isEmpty()
                    && catalog.findView(table[0], table[1]).isEmpty()) {
                database.routines().removeTriggersOf(table[0], table[1]);
            }
        }
    }

    /** {@code CALL procedure(arguments)}: the arguments are evaluated as a SELECT list, then the procedure runs. */
    private QueryResultImpl call(RoutineStatement.Call call, String sql) {
        List<FunctionEntry> candidates = new ArrayList<>();
        List<String> parts = call.name().parts();
        List<String> schemas = new ArrayList<>();
        if (parts.size() >= 2) {
            schemas.add(parts.get(parts.size() - 2));
        } else {
            schemas.addAll(catalog.searchedSchemas());
        }
        for (String schema : schemas) {
            for (FunctionEntry entry : database.routines().functions(schema, call.name().last())) {
                int inputs = entry.inputs().size();
                int required = 0;
                for (FunctionEntry.Parameter parameter : entry.inputs()) {
                    if (parameter.defaultValue() == null) {
                        required++;
                    }
                }
                if (call.arguments().size() <= inputs && call.arguments().size() >= required) {
                    candidates.add(entry);
                }
            }
            if (!candidates.isEmpty()) {
                break;
            }
        }
        List<BoundExpression.Constant> values = new ArrayList<>();
        StatementRows arguments = null;
        if (!call.arguments().isEmpty()) {
            int open = sql.indexOf('(');
            int close = sql.lastIndexOf(')');
            arguments = runtime.run(runtime.parse("SELECT " + sql.substring(open + 1, close)), List.of());
        }
        if (candidates.isEmpty() || !candidates.getFirst().procedure()) {
            StringBuilder shown = new StringBuilder(call.name().toString()).append('(');
            for (int i = 0; arguments != null && i < arguments.types().size(); i++) {
                shown.append(i == 0 ? "" : ", ").append(arguments.types().get(i).id() == io.basalt.type.TypeId.UNKNOWN
                        ? "unknown" : arguments.types().get(i).displayName());
            }
            if (!candidates.isEmpty()) {
                throw BasaltException.at(SqlState.WRONG_OBJECT_TYPE, call.position(),
                        shown.append(") is not a procedure").toString())
                        .withHint("To call a function, use SELECT.");
            }
            throw BasaltException.at(SqlState.UNDEFINED_FUNCTION, call.position(),
                    "procedure " + shown.append(") does not exist")).withHint(
                    "No procedure matches the given name and argument types. You might need to add explicit type"
                            + " casts.");
        }
        FunctionEntry procedure = candidates.getFirst();
        io.basalt.binder.RoutineAccess.execute(procedure.schema(), procedure.name(),
                io.basalt.catalog.privilege.SecuredKind.PROCEDURE);
        List<FunctionEntry.Parameter> inputs = procedure.inputs();
        for (int i = 0; i < inputs.size(); i++) {
            BoundExpression.Constant value;
            if (i < call.arguments().size()) {
                value = new BoundExpression.Constant(arguments.rows().getFirst()[i], arguments.types().get(i), 0);
            } else {
                value = new BoundExpression.Constant(null, io.basalt.type.LogicalType.UNKNOWN, 0);
            }
            values.add(ValueCasts.to(value, inputs.get(i).type(), runtime));
        }
        runtime.call(procedure, values);
        return QueryResultImpl.command("CALL", 0, List.of());
    }

    /** {@code DO}: the block runs as a PL/pgSQL function without arguments or result, compiled for this once. */
    private QueryResultImpl doBlock(RoutineStatement.Do block) {
        if (!block.language().equals("plpgsql")) {
            throw BasaltException.of(SqlState.UNDEFINED_OBJECT, "language \"" + block.language() + "\" does not exist");
        }
        FunctionEntry entry = new FunctionEntry(catalog.creationSchema(), "inline_code_block", true, List.of(), null,
                false, false, List.of(), "plpgsql", block.body(), "volatile", false, "", new FunctionEntry.CompiledBody());
        runtime.call(entry, List.of());
        return QueryResultImpl.command("DO", 0, List.of());
    }
}
