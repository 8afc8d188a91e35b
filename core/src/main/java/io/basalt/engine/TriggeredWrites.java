package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundQuery;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.InsertBinder;
import io.basalt.binder.TransitionTables;
import io.basalt.binder.UpdateBinder;
import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanChildren;
import io.basalt.routine.RoutineRuntime;
import io.basalt.routine.TriggerEntry;
import io.basalt.routine.TriggerFiring;
import io.basalt.routine.plpgsql.RecordValue;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.InsertStatement;
import io.basalt.sql.ast.RoutineStatement.TriggerEvent;
import io.basalt.sql.ast.RoutineStatement.TriggerTiming;
import io.basalt.sql.ast.Statement;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * INSERT, UPDATE and DELETE of a table that has triggers. Tables without triggers never come here: the session
 * asks {@code RoutineCatalog.hasTriggers} once per statement and otherwise runs the write as it always does.
 *
 * <p>With row triggers the write runs in three steps. First the rows it would write are computed by running the
 * bound write's input as a query (for UPDATE and DELETE with the old row appended, see
 * {@link UpdateBinder#WITH_OLD_ROW}). Then each row passes the BEFORE ROW triggers in name order: one that
 * returns NULL drops the row, one that returns a changed NEW changes it. The remaining rows replace the write's
 * input (as VALUES) and the write runs as usual, with its constraints and RETURNING. Last the AFTER ROW triggers
 * run for each written row in order, then the AFTER STATEMENT triggers (BEFORE STATEMENT ones ran first of all).
 * A write whose AFTER STATEMENT triggers have transition tables runs as {@link #withTransitionTables} says.
 * Everything runs in the statement's transaction, so a failing trigger undoes the whole statement.
 */
final class TriggeredWrites {
    /** What the session runs for this class. */
    interface Session {
        QueryResultImpl runQuery(BoundQuery query);

        QueryResultImpl runWrite(BoundWrite write);

        /**
         * Runs a write that moves rows between partitions (see {@code HierarchyWrites.movesRows}): its writes read
         * the partitions as the statement began and their changes apply together at the end.
         */
        QueryResultImpl runMovingWrite(BoundWrite write);
    }

    private final Session session;
    private final RoutineRuntime runtime;

    TriggeredWrites(Session session, RoutineRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
    }

    /** Runs {@code statement} (an INSERT, UPDATE or DELETE) against {@code table}, firing its triggers. */
    QueryResultImpl run(Statement statement, TableEntry table, BindContext context) {
        TriggerEvent event = switch (statement) {
            case InsertStatement ignored -> TriggerEvent.INSERT;
            case UpdateStatement ignored -> TriggerEvent.UPDATE;
            case DeleteStatement ignored -> TriggerEvent.DELETE;
            default -> throw new IllegalArgumentException("not a write: " + statement);
        };
        List<TriggerEntry> triggers = new ArrayList<>();
        for (TriggerEntry trigger : runtime.routines().triggersOf(table.schema(), table.name())) {
            if (trigger.firesOn(event) && updatesWatched(trigger, statement)) {
                triggers.add(trigger);
            }
        }
        String operation = event.name();
        for (TriggerEntry trigger : triggers) {
            if (!trigger.forEachRow() && trigger.timing() == TriggerTiming.BEFORE) {
                TriggerFiring.fire(trigger, operation, false, null, null, runtime);
            }
        }
        boolean rowTriggers = false;
        boolean transitions = false;
        for (TriggerEntry trigger : triggers) {
            rowTriggers |= trigger.forEachRow();
            transitions |= trigger.hasTransitionTables();
        }
        if (transitions) {
            if (rowTriggers) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "transition tables of a table that also has row triggers are not supported yet");
            }
            return withTransitionTables(statement, event, table, triggers, context);
        }
        QueryResultImpl result = rowTriggers ? withRowTriggers(statement, event, table, triggers, context)
                : runPlain(statement, table, context);
        for (TriggerEntry trigger : triggers) {
            if (!trigger.forEachRow() && trigger.timing() == TriggerTiming.AFTER) {
                TriggerFiring.fire(trigger, operation, false, null, null, runtime);
            }
        }
        return result;
    }

    /** Runs {@code statement} as a write without row triggers. */
    private QueryResultImpl runPlain(Statement statement, TableEntry table, BindContext context) {
        if (statement instanceof InsertStatement
                && context.catalog().hierarchy().partitionKey(table.schema(), table.name()) != null) {
            return routedInsert(statement, table, context);
        }
        List<Runnable> afterRow = new ArrayList<>();
        BoundWrite write = plainWrite(statement, table, context, afterRow);
        QueryResultImpl result = statement instanceof UpdateStatement update
                && HierarchyWrites.movesRows(update, table, context.catalog()) ? session.runMovingWrite(write)
                : session.runWrite(write);
        try {
            afterRow.forEach(Runnable::run);
        } catch (RuntimeException failure) {
            result.close();
            throw failure;
        }
        return result;
    }

    private BoundWrite plainWrite(Statement statement, TableEntry table, BindContext context,
                                  List<Runnable> afterRow) {
        return switch (statement) {
            case UpdateStatement update -> HierarchyWrites.update(update, table, context,
                    (named, member, target) -> memberUpdate(named, member, target, context, afterRow));
            case DeleteStatement delete -> HierarchyWrites.delete(delete, table, context);
            default -> bind(statement, table, context);
        };
    }

    /**
     * A write whose AFTER STATEMENT triggers read transition tables: the statement runs with a RETURNING of the
     * old and new versions of the rows it changes ({@code old.col}, {@code new.col} by the table's column names,
     * so that rows of partitions and children come in the table's row type), which become the transition tables
     * while each AFTER STATEMENT trigger runs. The statement's own result is its count.
     */
    private QueryResultImpl withTransitionTables(Statement statement, TriggerEvent event, TableEntry table,
                                                 List<TriggerEntry> triggers, BindContext context) {
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        boolean old = event != TriggerEvent.INSERT;
        boolean nu = event != TriggerEvent.DELETE;
        List<io.basalt.sql.ast.SelectItem> returning = new ArrayList<>();
        for (String version : old && nu ? List.of("old", "new") : List.of(old ? "old" : "new")) {
            for (String name : names) {
                returning.add(new io.basalt.sql.ast.SelectItem.Item(
                        new io.basalt.sql.ast.Expression.ColumnRef(List.of(version, name), 0), null, 0));
            }
        }
        Statement capturing = switch (statement) {
            case InsertStatement i -> {
                requireNoReturning(i.returning());
                yield new InsertStatement(i.table(), i.alias(), i.columns(), i.source(), i.onConflict(), returning,
                        i.position(), i.columnSubscripts(), i.with(), i.overriding());
            }
            case UpdateStatement u -> {
                requireNoReturning(u.returning());
                yield new UpdateStatement(u.table(), u.alias(), u.assignments(), u.from(), u.where(), returning,
                        u.position(), u.with(), u.only());
            }
            case DeleteStatement d -> {
                requireNoReturning(d.returning());
                yield new DeleteStatement(d.table(), d.alias(), d.using(), d.where(), returning, d.position(),
                        d.with(), d.only());
            }
            default -> throw new IllegalArgumentException("not a write: " + statement);
        };
        int width = names.size();
        List<Object[]> oldRows = new ArrayList<>();
        List<Object[]> newRows = new ArrayList<>();
        List<List<Object[]>> versions = old && nu ? List.of(oldRows, newRows) : List.of(old ? oldRows : newRows);
        QueryResultImpl result = runPlain(capturing, table, context);
        long count;
        String tag;
        List<String> notices;
        try (result) {
            count = result.rowCount();
            tag = result.commandTag();
            notices = result.notices();
            for (VectorSchemaRoot batch : result.batches()) {
                for (int r = 0; r < batch.getRowCount(); r++) {
                    int at = 0;
                    for (List<Object[]> rows : versions) {
                        Object[] row = new Object[width];
                        for (int c = 0; c < width; c++) {
                            row[c] = ValueAccess.get(batch.getVector(at++), r);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        List<LogicalType> types = table.columnTypes();
        java.util.Map<String, TransitionTables.Relation> relations = new java.util.HashMap<>();
        String operation = event.name();
        for (TriggerEntry trigger : triggers) {
            if (trigger.forEachRow() || trigger.timing() != TriggerTiming.AFTER) {
                continue;
            }
            relations.clear();
            if (trigger.oldTable() != null) {
                relations.put(trigger.oldTable(), new TransitionTables.Relation(names, types, oldRows));
            }
            if (trigger.newTable() != null) {
                relations.put(trigger.newTable(), new TransitionTables.Relation(names, types, newRows));
            }
            ScopedValue.where(TransitionTables.CURRENT, new TransitionTables(relations))
                    .run(() -> TriggerFiring.fire(trigger, operation, false, null, null, runtime));
        }
        return QueryResultImpl.command(tag, count, notices);
    }

    private static void requireNoReturning(List<io.basalt.sql.ast.SelectItem> returning) {
        if (returning != null && !returning.isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "RETURNING of a write whose triggers have transition tables is not supported yet");
        }
    }

    /** UPDATE OF columns: whether the statement's SET names one of the trigger's columns. */
    private static boolean updatesWatched(TriggerEntry trigger, Statement statement) {
        if (trigger.updateColumns().isEmpty() || !(statement instanceof UpdateStatement update)) {
            return true;
        }
        for (UpdateStatement.Assignment assignment : update.assignments()) {
            for (String column : assignment.columns()) {
                if (trigger.updateColumns().contains(column)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static BoundWrite bind(Statement statement, TableEntry table, BindContext context) {
        return switch (statement) {
            case InsertStatement insert -> new InsertBinder(context).bind(insert, table);
            case UpdateStatement update -> new UpdateBinder(context).bindUpdate(update, table);
            case DeleteStatement delete -> new UpdateBinder(context).bindDelete(delete, table);
            default -> throw new IllegalArgumentException("not a write: " + statement);
        };
    }

    private QueryResultImpl withRowTriggers(Statement statement, TriggerEvent event, TableEntry table,
                                           List<TriggerEntry> triggers, BindContext context) {
        if (event != TriggerEvent.INSERT && !context.catalog().hierarchy().children(table.schema(), table.name())
                .isEmpty()) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    "UPDATE and DELETE of tables with inheritance children or partitions and row triggers are not"
                            + " supported yet");
        }
        BoundWrite bound = ScopedValue.where(UpdateBinder.WITH_OLD_ROW, true).call(() ->
                bind(statement, table, context));
        LogicalPlan.Write write = findWrite(bound.plan());
        if (write == null) {
            throw BasaltException.internal("no write in the plan of " + event);
        }
        int width = table.columns().size();
        List<LogicalType> inputTypes = write.input().outputTypes();
        int kept = event == TriggerEvent.INSERT ? inputTypes.size() : inputTypes.size() - width;
        int newStart = switch (event) {
            case INSERT -> 0;
            case UPDATE -> 1;
            default -> -1;
        };
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        List<LogicalType> columnTypes = table.columnTypes();
        List<Object[]> rows = rows(write.input());
        List<Object[]> written = new ArrayList<>();
        List<RecordValue[]> changes = new ArrayList<>();
        String operation = event.name();
        for (Object[] row : rows) {
            RecordValue newRow = newStart < 0 ? null : record("new", names, columnTypes, row, newStart, width);
            RecordValue oldRow = event == TriggerEvent.INSERT ? null
                    : record("old", names, columnTypes, row, kept, width);
            boolean skipped = false;
            for (TriggerEntry trigger : triggers) {
                if (!trigger.forEachRow() || trigger.timing() != TriggerTiming.BEFORE) {
                    continue;
                }
                RecordValue returned = TriggerFiring.fire(trigger, operation, true, newRow, oldRow, runtime);
                if (returned == null) {
                    skipped = true;
                    break;
                }
                if (newRow != null) {
                    newRow = conform(returned, names, columnTypes);
                }
            }
            if (skipped) {
                continue;
            }
            Object[] out = java.util.Arrays.copyOf(row, kept);
            if (newRow != null) {
                Object[] values = newRow.values();
                System.arraycopy(values, 0, out, newStart, width);
            }
            written.add(out);
            changes.add(new RecordValue[] {newRow, oldRow});
        }
        List<List<BoundExpression>> values = new ArrayList<>();
        for (Object[] row : written) {
            List<BoundExpression> constants = new ArrayList<>();
            for (int c = 0; c < kept; c++) {
                constants.add(new BoundExpression.Constant(row[c], inputTypes.get(c), 0));
            }
            values.add(constants);
        }
        LogicalPlan.Values input = new LogicalPlan.Values(values, inputTypes.subList(0, kept));
        LogicalPlan plan = replaceWrite(bound.plan(), write.withInput(input));
        QueryResultImpl result = session.runWrite(new BoundWrite(bound.kind(), plan, bound.returnsRows(),
                bound.names()));
        for (RecordValue[] change : changes) {
            for (TriggerEntry trigger : triggers) {
                if (trigger.forEachRow() && trigger.timing() == TriggerTiming.AFTER) {
                    TriggerFiring.fire(trigger, operation, true, change[0], change[1], runtime);
                }
            }
        }
        return result;
    }

    /**
     * An INSERT through a partitioned table (whose own row triggers, if any, {@link #withRowTriggers} runs): each row
     * passes the BEFORE ROW INSERT triggers of the leaf partition it is routed to, as in PostgreSQL (one returning
     * NULL drops the row, one returning a changed NEW changes it), the rows left are written, then each fires its
     * leaf's AFTER ROW INSERT triggers. A partition's statement triggers do not fire for routed rows.
     */
    private QueryResultImpl routedInsert(Statement statement, TableEntry table, BindContext context) {
        BoundWrite bound = bind(statement, table, context);
        LogicalPlan.Write write = findWrite(bound.plan());
        if (write == null || write.routing() == null) {
            return session.runWrite(bound);
        }
        java.util.Map<String, TableEntry> leaves = new java.util.HashMap<>();
        collectLeaves(write.routing(), leaves);
        List<LogicalType> inputTypes = write.input().outputTypes();
        int width = inputTypes.size();
        List<BoundExpression> withLeaf = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            withLeaf.add(new BoundExpression.ColumnRef(c, null, "column" + c, inputTypes.get(c), 0));
        }
        withLeaf.add(io.basalt.binder.SystemColumnScans.routedTable(write.routing()));
        List<Object[]> rows = rows(new LogicalPlan.Project(write.input(), withLeaf));
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        List<LogicalType> columnTypes = table.columnTypes();
        List<Object[]> written = new ArrayList<>();
        List<RecordValue> changes = new ArrayList<>();
        List<List<TriggerEntry>> changeTriggers = new ArrayList<>();
        for (Object[] row : rows) {
            TableEntry leaf = row[width] == null ? null : leaves.get(unquoted(row[width].toString()));
            List<TriggerEntry> triggers = new ArrayList<>();
            if (leaf != null) {
                for (TriggerEntry trigger : runtime.routines().triggersOf(leaf.schema(), leaf.name())) {
                    if (trigger.forEachRow() && trigger.firesOn(TriggerEvent.INSERT)) {
                        triggers.add(trigger);
                    }
                }
            }
            RecordValue newRow = record("new", names, columnTypes, row, 0, names.size());
            boolean skipped = false;
            for (TriggerEntry trigger : triggers) {
                if (trigger.timing() != TriggerTiming.BEFORE) {
                    continue;
                }
                RecordValue returned = TriggerFiring.fire(trigger, "INSERT", true, newRow, null, runtime);
                if (returned == null) {
                    skipped = true;
                    break;
                }
                newRow = conform(returned, names, columnTypes);
            }
            if (skipped) {
                continue;
            }
            Object[] out = java.util.Arrays.copyOf(row, width);
            System.arraycopy(newRow.values(), 0, out, 0, names.size());
            written.add(out);
            changes.add(newRow);
            changeTriggers.add(triggers);
        }
        List<List<BoundExpression>> values = new ArrayList<>();
        for (Object[] row : written) {
            List<BoundExpression> constants = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                constants.add(new BoundExpression.Constant(row[c], inputTypes.get(c), 0));
            }
            values.add(constants);
        }
        LogicalPlan plan = replaceWrite(bound.plan(), write.withInput(new LogicalPlan.Values(values, inputTypes)));
        QueryResultImpl result = session.runWrite(new BoundWrite(bound.kind(), plan, bound.returnsRows(),
                bound.names()));
        try {
            for (int i = 0; i < changes.size(); i++) {
                for (TriggerEntry trigger : changeTriggers.get(i)) {
                    if (trigger.timing() == TriggerTiming.AFTER) {
                        TriggerFiring.fire(trigger, "INSERT", true, changes.get(i), null, runtime);
                    }
                }
            }
        } catch (RuntimeException failure) {
            // the statement fails: its RETURNING rows are nobody's
            result.close();
            throw failure;
        }
        return result;
    }

    /**
     * One partition's rows of an UPDATE through its partitioned table, when row triggers of the partition (or of the
     * partitions rows may move to) fire, as PostgreSQL fires them: each row passes the partition's BEFORE ROW UPDATE
     * triggers; a row whose new version then belongs to another partition passes this partition's BEFORE ROW
     * DELETE triggers (NULL: the row is neither deleted nor moved) and the destination's BEFORE ROW INSERT
     * triggers. The rows left become the write's input; their AFTER ROW triggers are added to {@code afterRow}.
     * Null when no row trigger can fire, so that the partition's UPDATE runs as usual.
     */
    private BoundWrite memberUpdate(UpdateStatement named, TableEntry member, TableEntry target, BindContext context,
                                    List<Runnable> afterRow) {
        List<TriggerEntry> updates = rowTriggers(member, TriggerEvent.UPDATE, named);
        List<TriggerEntry> deletes = rowTriggers(member, TriggerEvent.DELETE, named);
        List<TableEntry> leaves = new ArrayList<>();
        io.basalt.binder.InheritedScans.descendants(context.catalog(), target, leaves);
        java.util.Map<String, TableEntry> byName = new java.util.HashMap<>();
        boolean inserts = false;
        for (TableEntry leaf : leaves) {
            byName.put(leaf.name(), leaf);
            inserts |= !rowTriggers(leaf, TriggerEvent.INSERT, named).isEmpty();
        }
        if (updates.isEmpty() && deletes.isEmpty() && !inserts) {
            return null;
        }
        BoundWrite bound = ScopedValue.where(UpdateBinder.WITH_OLD_ROW, true).call(() ->
                new UpdateBinder(context).bindUpdate(named, member));
        LogicalPlan.Write write = findWrite(bound.plan());
        if (write == null) {
            throw BasaltException.internal("no write in the plan of UPDATE");
        }
        int width = member.columns().size();
        List<LogicalType> inputTypes = write.input().outputTypes();
        int kept = inputTypes.size() - width;
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : member.columns()) {
            names.add(column.name());
        }
        List<LogicalType> columnTypes = member.columnTypes();
        List<Object[]> updated = new ArrayList<>();
        List<RecordValue> oldRows = new ArrayList<>();
        for (Object[] row : rows(write.input())) {
            RecordValue newRow = record("new", names, columnTypes, row, 1, width);
            RecordValue oldRow = record("old", names, columnTypes, row, kept, width);
            newRow = fireBefore(updates, "UPDATE", newRow, oldRow, names, columnTypes);
            if (newRow == null) {
                continue;
            }
            Object[] out = java.util.Arrays.copyOf(row, kept);
            System.arraycopy(newRow.values(), 0, out, 1, width);
            updated.add(out);
            oldRows.add(oldRow);
        }
        // where each new version goes, once the UPDATE triggers had their say
        BoundExpression destination = io.basalt.binder.PartitionRowMovement.destination(member, target, context);
        List<Object[]> places = rows(new LogicalPlan.Project(values(updated, inputTypes, kept),
                List.of(destination)));
        List<Object[]> written = new ArrayList<>();
        for (int i = 0; i < updated.size(); i++) {
            Object[] row = updated.get(i);
            RecordValue oldRow = oldRows.get(i);
            RecordValue newRow = record("new", names, columnTypes, row, 1, width);
            Object place = places.get(i)[0];
            TableEntry leaf = place == null ? null : byName.get(unquoted(place.toString()));
            if (leaf == null || leaf.name().equals(member.name())) {
                written.add(row);
                afterRow.add(() -> fireAfter(updates, "UPDATE", newRow, oldRow));
                continue;
            }
            if (fireBefore(deletes, "DELETE", null, oldRow, names, columnTypes) == null) {
                continue;
            }
            List<TriggerEntry> leafInserts = rowTriggers(leaf, TriggerEvent.INSERT, named);
            RecordValue inserted = fireBefore(leafInserts, "INSERT", newRow, null, names, columnTypes);
            if (inserted == null) {
                continue;
            }
            Object[] out = row.clone();
            System.arraycopy(inserted.values(), 0, out, 1, width);
            written.add(out);
            afterRow.add(() -> {
                fireAfter(deletes, "DELETE", null, oldRow);
                fireAfter(leafInserts, "INSERT", inserted, null);
            });
        }
        LogicalPlan plan = replaceWrite(bound.plan(), write.withInput(values(written, inputTypes, kept)));
        return new BoundWrite(bound.kind(), plan, bound.returnsRows(), bound.names());
    }

    /** The row triggers of {@code table} for {@code event} (UPDATE OF columns only when the statement sets one). */
    private List<TriggerEntry> rowTriggers(TableEntry table, TriggerEvent event, Statement statement) {
        List<TriggerEntry> triggers = new ArrayList<>();
        for (TriggerEntry trigger : runtime.routines().triggersOf(table.schema(), table.name())) {
            if (trigger.forEachRow() && trigger.firesOn(event)
                    && (event != TriggerEvent.UPDATE || updatesWatched(trigger, statement))) {
                triggers.add(trigger);
            }
        }
        return triggers;
    }

    /**
     * Fires the BEFORE ones of {@code triggers}: the row they leave (NEW as changed; for DELETE, the OLD row), or
     * null when one returned NULL.
     */
    private RecordValue fireBefore(List<TriggerEntry> triggers, String operation, RecordValue newRow,
                                   RecordValue oldRow, List<String> names, List<LogicalType> types) {
        RecordValue row = newRow != null ? newRow : oldRow;
        for (TriggerEntry trigger : triggers) {
            if (trigger.timing() != TriggerTiming.BEFORE) {
                continue;
            }
            RecordValue returned = TriggerFiring.fire(trigger, operation, true, newRow, oldRow, runtime);
            if (returned == null) {
                return null;
            }
            if (newRow != null) {
                newRow = conform(returned, names, types);
                row = newRow;
            }
        }
        return row;
    }

    private void fireAfter(List<TriggerEntry> triggers, String operation, RecordValue newRow, RecordValue oldRow) {
        for (TriggerEntry trigger : triggers) {
            if (trigger.timing() == TriggerTiming.AFTER) {
                TriggerFiring.fire(trigger, operation, true, newRow, oldRow, runtime);
            }
        }
    }

    /** {@code rows} (their first {@code kept} values) as a VALUES plan of {@code types}' first {@code kept}. */
    private static LogicalPlan.Values values(List<Object[]> rows, List<LogicalType> types, int kept) {
        List<List<BoundExpression>> values = new ArrayList<>();
        for (Object[] row : rows) {
            List<BoundExpression> constants = new ArrayList<>();
            for (int c = 0; c < kept; c++) {
                constants.add(new BoundExpression.Constant(row[c], types.get(c), 0));
            }
            values.add(constants);
        }
        return new LogicalPlan.Values(values, types.subList(0, kept));
    }

    /** The leaf partitions {@code routing} may send a row to, by their (unquoted) names. */
    private static void collectLeaves(io.basalt.plan.logical.PartitionRouting routing,
                                      java.util.Map<String, TableEntry> leaves) {
        for (io.basalt.plan.logical.PartitionRouting.Route route : routing.routes()) {
            if (route.sub() != null) {
                collectLeaves(route.sub(), leaves);
            } else if (route.leaf() != null) {
                leaves.put(route.leaf().name(), route.leaf());
            }
        }
    }

    /** A table's name as regclass text shows it, without the double quotes it may need. */
    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }

    /** A trigger's returned row as a row of the table: its values by the table's column names and types. */
    private static RecordValue conform(RecordValue returned, List<String> names, List<LogicalType> types) {
        if (!returned.names().equals(names)) {
            throw BasaltException.of(SqlState.DATATYPE_MISMATCH,
                    "returned row structure does not match the structure of the triggering table")
                    .withDetail("Number of returned columns (" + returned.names().size()
                            + ") does not match expected column count (" + names.size() + ").");
        }
        return returned;
    }

    private static RecordValue record(String name, List<String> names, List<LogicalType> types, Object[] row,
                                      int start, int width) {
        Object[] values = new Object[width];
        System.arraycopy(row, start, values, 0, width);
        return new RecordValue(name, names, types, values);
    }

    private List<Object[]> rows(LogicalPlan input) {
        return readRows(session::runQuery, input);
    }

    /** Runs {@code input} through {@code run} and reads its rows, one value per column in its Java form. */
    static List<Object[]> readRows(java.util.function.Function<BoundQuery, QueryResultImpl> run, LogicalPlan input) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < input.outputTypes().size(); i++) {
            names.add("column" + i);
        }
        List<Object[]> rows = new ArrayList<>();
        try (QueryResultImpl result = run.apply(new BoundQuery(input, names))) {
            for (VectorSchemaRoot batch : result.batches()) {
                for (int r = 0; r < batch.getRowCount(); r++) {
                    Object[] row = new Object[batch.getFieldVectors().size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = ValueAccess.get(batch.getVector(c), r);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static LogicalPlan.Write findWrite(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Write write) {
            return write;
        }
        LogicalPlan.Write[] found = new LogicalPlan.Write[1];
        PlanChildren.map(plan, child -> {
            if (found[0] == null) {
                found[0] = findWrite(child);
            }
            return child;
        });
        return found[0];
    }

    static LogicalPlan replaceWrite(LogicalPlan plan, LogicalPlan.Write replacement) {
        if (plan instanceof LogicalPlan.Write) {
            return replacement;
        }
        return PlanChildren.map(plan, child -> replaceWrite(child, replacement));
    }
}
