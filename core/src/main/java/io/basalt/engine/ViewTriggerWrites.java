package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.StatementRows;
import io.basalt.routine.TriggerEntry;
import io.basalt.routine.TriggerFiring;
import io.basalt.routine.ValueCasts;
import io.basalt.routine.plpgsql.RecordValue;
import io.basalt.rule.RuleRelation;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.RoutineStatement.TriggerEvent;
import io.basalt.sql.ast.RoutineStatement.TriggerTiming;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE of a view through its INSTEAD OF triggers. The rows the statement reaches are computed
 * first ({@link FiringRows}); then each passes the view's INSTEAD OF triggers for the event in name order, with
 * NEW and OLD set as for a table's row triggers. A trigger that returns NULL skips the row (it is not counted and
 * not returned, and later triggers do not see it); otherwise the row counts, and RETURNING reads the row the
 * trigger returned (for INSERT and UPDATE) or the old row (for DELETE).
 */
final class ViewTriggerWrites {
    private final RoutineRuntime runtime;
    private final RuleWrites rules;

    ViewTriggerWrites(RoutineRuntime runtime, RuleWrites rules) {
        this.runtime = runtime;
        this.rules = rules;
    }

    /** The view's enabled INSTEAD OF triggers that {@code statement} fires, in name order. */
    static List<TriggerEntry> fired(Statement statement, RuleRelation relation, RoutineRuntime runtime) {
        List<TriggerEntry> fired = new ArrayList<>();
        if (relation == null || !relation.view() || !runtime.routines().hasAnyTriggers()) {
            return fired;
        }
        TriggerEvent event = switch (statement) {
            case InsertStatement ignored -> TriggerEvent.INSERT;
            case UpdateStatement ignored -> TriggerEvent.UPDATE;
            case DeleteStatement ignored -> TriggerEvent.DELETE;
            default -> null;
        };
        if (event == null) {
            return fired;
        }
        for (TriggerEntry trigger : runtime.routines().triggersOf(relation.schema(), relation.name())) {
            if (trigger.timing() == TriggerTiming.INSTEAD_OF && trigger.firesOn(event)) {
                fired.add(trigger);
            }
        }
        return fired;
    }

    QueryResultImpl run(Statement statement, RuleRelation relation, List<TriggerEntry> triggers,
                        List<BoundExpression.Constant> parameters) {
        if (statement instanceof InsertStatement insert && insert.onConflict() != null) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "INSERT with ON CONFLICT on a view with INSTEAD OF triggers is not supported yet");
        }
        FiringRows.Rows rows = switch (statement) {
            case InsertStatement insert -> FiringRows.ofInsert(insert, relation, runtime, parameters);
            case UpdateStatement update -> FiringRows.ofUpdate(update, relation, runtime, parameters);
            case DeleteStatement delete -> FiringRows.ofDelete(delete, relation, runtime, parameters);
            default -> throw new IllegalArgumentException("not a write: " + statement);
        };
        String operation = RuleWrites.event(statement).name();
        int width = rows.width();
        List<Object[]> returned = new ArrayList<>();
        for (Object[] row : rows.rows()) {
            RecordValue oldRow = rows.hasOld() ? record("old", relation, row, 0, width) : null;
            RecordValue newRow = rows.hasNew() ? record("new", relation, row, rows.newStart(), width) : null;
            RecordValue result = null;
            boolean skipped = false;
            for (TriggerEntry trigger : triggers) {
                result = TriggerFiring.fire(trigger, operation, true, newRow, oldRow, runtime);
                if (result == null) {
                    skipped = true;
                    break;
                }
                if (newRow != null) {
                    newRow = conform(result, relation);
                }
            }
            if (skipped) {
                continue;
            }
            returned.add(newRow != null ? newRow.values() : oldRow.values());
        }
        List<SelectItem> returning = RuleWrites.returning(statement);
        if (!returning.isEmpty()) {
            return rules.returningOf(statement, relation, returning, new StatementRows(relation.columnNames(),
                    relation.columnTypes(), returned, returned.size(), true));
        }
        long count = returned.size();
        return QueryResultImpl.command(switch (statement) {
            case InsertStatement ignored -> "INSERT 0 " + count;
            case UpdateStatement ignored -> "UPDATE " + count;
            default -> "DELETE " + count;
        }, count, List.of());
    }

    private static RecordValue record(String name, RuleRelation relation, Object[] row, int start, int width) {
        Object[] values = new Object[width];
        System.arraycopy(row, start, values, 0, width);
        return new RecordValue(name, relation.columnNames(), relation.columnTypes(), values);
    }

    /** A trigger's returned row as a row of the view: its values cast to the view's column types. */
    private RecordValue conform(RecordValue returned, RuleRelation relation) {
        if (returned.names().size() != relation.columnNames().size()) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "returned row structure does not match the structure of the triggering table")
                    .withDetail("Number of returned columns (" + returned.names().size()
                            + ") does not match expected column count (" + relation.columnNames().size() + ").");
        }
        Object[] values = new Object[returned.values().length];
        for (int c = 0; c < values.length; c++) {
            values[c] = ValueCasts.to(new BoundExpression.Constant(returned.values()[c], returned.types().get(c), 0),
                    relation.columnTypes().get(c), runtime).value();
        }
        return new RecordValue("new", relation.columnNames(), relation.columnTypes(), values);
    }
}
