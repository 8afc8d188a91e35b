package io.basalt.binder;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.FromItem;
import io.basalt.sql.ast.UpdateStatement;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds UPDATE and DELETE. Both read the target table with its row ids, cross-joined with the FROM (UPDATE) or
 * USING (DELETE) items and filtered by WHERE, as a SELECT over the same FROM list would be; the
 * {@link LogicalPlan.Write} then receives, per row to change, its row id and (UPDATE) the new row: each column's
 * SET value converted to the column's type by assignment rules, DEFAULT its default, and the old value where
 * SET does not name it. SET expressions see the old row and the FROM items; a scalar subquery in SET may read
 * them too. RETURNING sees the target as the statement leaves it (UPDATE: the new row; DELETE: the deleted row)
 * and the FROM or USING items.
 */
public final class UpdateBinder {
    private final BindContext context;
    /** The WITH queries in reach of FROM/USING, WHERE, SET and RETURNING. */
    private final Surroundings surroundings;

    /**
     * While bound to true, UPDATE and DELETE also pass the old row (the target's columns as they were) as the
     * write's last input columns, for the row triggers to see as OLD (see {@code io.basalt.engine.TriggeredWrites}).
     */
    public static final ScopedValue<Boolean> WITH_OLD_ROW = ScopedValue.newInstance();

    private static void addOldRow(List<BoundExpression> input, Scope scope, int width) {
        if (WITH_OLD_ROW.isBound() && WITH_OLD_ROW.get()) {
            for (int c = 0; c < width; c++) {
                input.add(reference(scope, c));
            }
        }
    }

    public UpdateBinder(BindContext context) {
        this(context, Surroundings.NONE);
    }

    UpdateBinder(BindContext context, Surroundings surroundings) {
        this.context = context;
        this.surroundings = surroundings;
    }

    /** The UPDATE, with its WITH clause (which must not modify data: see {@link ModifyingWith}) in reach. */
    public BoundWrite bindUpdate(UpdateStatement update, TableEntry table) {
        if (update.with() != null) {
            return new UpdateBinder(context, CommonTableBinder.declare(update.with(), surroundings, context))
                    .bindUpdateBody(update, table);
        }
        return bindUpdateBody(update, table);
    }

    /** The DELETE, with its WITH clause (which must not modify data: see {@link ModifyingWith}) in reach. */
    public BoundWrite bindDelete(DeleteStatement delete, TableEntry table) {
        if (delete.with() != null) {
            return new UpdateBinder(context, CommonTableBinder.declare(delete.with(), surroundings, context))
                    .bindDeleteBody(delete, table);
        }
        return bindDeleteBody(delete, table);
    }

    BoundWrite bindUpdateBody(UpdateStatement update, TableEntry table) {
        FromClauseBinder.Source source = source(table, update.alias(), update.position(), update.from(),
                update.where(), update.where() != null || !update.returning().isEmpty()
                        ? new String[] {"UPDATE", "SELECT"} : new String[] {"UPDATE"});
        Scope scope = source.scope();
        int width = table.columns().size();
        List<BoundExpression> newRow = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            newRow.add(reference(scope, c));
        }
        ClauseSubqueries subqueries = new ClauseSubqueries(context, surroundings, scope);
        ExpressionBinder binder = new ExpressionBinder(scope, context.parameters(), "UPDATE", subqueries);
        boolean[] assigned = new boolean[width];
        boolean[] subscriptAssigned = new boolean[width];
        for (UpdateStatement.Assignment written : update.assignments()) {
            UpdateStatement.Assignment assignment = written.query() == null
                    ? MultipleAssignment.expandStars(written, scope)
                    : MultipleAssignment.expand(written, scope, context, surroundings);
            for (int i = 0; i < assignment.columns().size(); i++) {
                int column = targetColumn(table, assignment, i, update.alias());
                Expression subscripted = assignment.subscript(i);
                // assignments to subscripts of one column combine, in order; any other repeat is an error
                if (assigned[column] && (subscripted == null || !subscriptAssigned[column])) {
                    throw BasaltException.of(SqlState.SYNTAX_ERROR,
                            "multiple assignments to same column \"" + table.columns().get(column).name() + "\"");
                }
                assigned[column] = true;
                subscriptAssigned[column] = subscripted != null;
                ColumnEntry entry = table.columns().get(column);
                newRow.set(column, subscripted == null ? value(binder, assignment.values().get(i), entry)
                        : indirectValue(binder, newRow.get(column), subscripted, assignment.values().get(i), entry));
            }
        }
        for (int c = 0; c < width; c++) {
            // a column assigned through indirections is checked against its domain once, when finished
            if (subscriptAssigned[c]) {
                newRow.set(c, DomainChecks.enforce(newRow.get(c), table.columns().get(c).type(),
                        context.parameters()));
            }
        }
        LogicalPlan plan = source.plan();
        int sourceWidth = scope.columns().size();
        if (!subqueries.isEmpty()) {
            plan = subqueries.applyTo(plan);
            newRow = subqueries.placeAll(newRow, sourceWidth);
        }
        List<BoundExpression> input = new ArrayList<>();
        input.add(reference(scope, width));
        input.addAll(newRow);
        boolean returning = !update.returning().isEmpty();
        if (returning) {
            for (int c = width + 1; c < sourceWidth; c++) {
                input.add(reference(scope, c));
            }
        }
        // with the trigger's old row (WITH_OLD_ROW) too: the triggers' copy comes last, and is gone before the write
        boolean oldAndNew = returning && ReturningOldNew.mentioned(update.returning());
        int oldStart = input.size() - 1;
        if (oldAndNew) {
            for (int c = 0; c < width; c++) {
                input.add(reference(scope, c));
            }
        }
        addOldRow(input, scope, width);
        LogicalPlan rows = new LogicalPlan.Project(plan, input);
        if (GeneratedColumns.any(table.columns())) {
            rows = GeneratedColumns.compute(rows, table, 1, context);
        }
        LogicalPlan.Write write = PartitionRoutes.attachCheck(new LogicalPlan.Write(LogicalPlan.WriteKind.UPDATE,
                table, rows, returning), context);
        if (!returning) {
            return BoundWrite.counting(write);
        }
        // the target's system columns follow its columns in the scope when the statement names one
        if (SystemColumnScans.newRowIds(write, context) && SystemColumnScans.isSystem(scope, width + 1)) {
            write = write.withRowIds();
        }
        if (oldAndNew) {
            ReturningOldNew.SystemRows system = write.returnsRowIds() ? new ReturningOldNew.SystemRows(table,
                    scope.columns().get(width).qualifier(), width, write.outputTypes().size() - 1, true, -1) : null;
            ReturningOldNew.Input extended = ReturningOldNew.extend(withoutTriggersOldRow(write, width),
                    returningScope(scope, width), width, oldStart, true, system);
            return BoundWrite.returning(write.kind(), ReturningBinder.bind(update.returning(), extended.plan(),
                    extended.scope(), context, surroundings));
        }
        LogicalPlan returned = write.returnsRowIds() ? SystemColumnScans.updated(write, table, width)
                : SystemColumnScans.isSystem(scope, width + 1)
                ? SystemColumnScans.stamped(withoutTriggersOldRow(write, width), width, true) : write;
        return BoundWrite.returning(write.kind(), ReturningBinder.bind(update.returning(), returned,
                returningScope(scope, width), context, surroundings));
    }

    BoundWrite bindDeleteBody(DeleteStatement delete, TableEntry table) {
        FromClauseBinder.Source source = source(table, delete.alias(), delete.position(), delete.using(),
                delete.where(), delete.where() != null || !delete.returning().isEmpty()
                        ? new String[] {"DELETE", "SELECT"} : new String[] {"DELETE"});
        Scope scope = source.scope();
        int width = table.columns().size();
        List<BoundExpression> input = new ArrayList<>();
        input.add(reference(scope, width));
        boolean returning = !delete.returning().isEmpty();
        if (returning) {
            for (int c = 0; c < scope.columns().size(); c++) {
                if (c != width) {
                    input.add(reference(scope, c));
                }
            }
        }
        addOldRow(input, scope, width);
        LogicalPlan.Write write = new LogicalPlan.Write(LogicalPlan.WriteKind.DELETE, table,
                new LogicalPlan.Project(source.plan(), input), returning);
        if (!returning) {
            return BoundWrite.counting(write);
        }
        if (ReturningOldNew.mentioned(delete.returning())) {
            ReturningOldNew.SystemRows system = SystemColumnScans.isSystem(scope, width + 1)
                    ? new ReturningOldNew.SystemRows(table, scope.columns().get(width).qualifier(), width, -1, false, -1)
                    : null;
            ReturningOldNew.Input extended = ReturningOldNew.extend(write, returningScope(scope, width), width, -1,
                    false, system);
            return BoundWrite.returning(write.kind(), ReturningBinder.bind(delete.returning(), extended.plan(),
                    extended.scope(), context, surroundings));
        }
        LogicalPlan returned = SystemColumnScans.isSystem(scope, width + 1)
                ? SystemColumnScans.stamped(withoutTriggersOldRow(write, width), width, false) : write;
        return BoundWrite.returning(write.kind(), ReturningBinder.bind(delete.returning(), returned,
                returningScope(scope, width), context, surroundings));
    }

    /** The target with its row ids, cross-joined with {@code from}, filtered by {@code where}. */
    private FromClauseBinder.Source source(TableEntry table, String alias, int position, List<FromItem> from,
                                           Expression where, String[] rowSecurityCommands) {
        FromClauseBinder.Source source = new FromClauseBinder(context, surroundings)
                .bindTarget(table, alias, position, from, rowSecurityCommands);
        if (where == null) {
            return source;
        }
        LogicalPlan filtered = QueryBinder.where(where, source.plan(), source.scope(), context, surroundings);
        return new FromClauseBinder.Source(filtered, source.scope(), source.itemNames());
    }

    /** The column that item {@code i} of {@code assignment} names, as PostgreSQL reports a wrong one. */
    static int targetColumn(TableEntry table, UpdateStatement.Assignment assignment, int i) {
        return targetColumn(table, assignment, i, null);
    }

    /** As above, with the hint PostgreSQL gives when the column is qualified by the target's {@code alias}. */
    static int targetColumn(TableEntry table, UpdateStatement.Assignment assignment, int i, String alias) {
        String name = assignment.columns().get(i);
        int position = assignment.columnPositions().get(i);
        int column = table.columnIndex(name);
        if (column < 0) {
            BasaltException missing = BasaltException.at(SqlState.UNDEFINED_COLUMN, position,
                    "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
            if (assignment.subscript(i) != null && name.equals(alias != null ? alias : table.name())) {
                missing = missing.withHint("SET target columns cannot be qualified with the relation name.");
            }
            throw missing;
        }
        return column;
    }

    /** {@code current} with the part of the column that {@code target} reaches set to {@code value}. */
    private static BoundExpression indirectValue(ExpressionBinder binder, BoundExpression current, Expression target,
                                                 Expression value, ColumnEntry column) {
        if (value instanceof Expression.Default) {
            throw BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, IndirectAssignments.columnPosition(target),
                    IndirectAssignments.endsInSubscript(target) ? "cannot set an array element to DEFAULT"
                            : "cannot set a subfield to DEFAULT");
        }
        if (column.generated()) {
            throw GeneratedColumns.updateError(column);
        }
        BoundExpression converted = IndirectAssignments.convertLeaf(binder.bind(value), target, column,
                value.position());
        return IndirectAssignments.assign(current, target, converted, column, binder);
    }

    private BoundExpression value(ExpressionBinder binder, Expression value, ColumnEntry column) {
        if (value instanceof Expression.Default) {
            return InsertBinder.defaultValue(column, context);
        }
        IdentityColumns.checkUpdate(column);
        if (column.generated()) {
            throw GeneratedColumns.updateError(column);
        }
        return InsertBinder.assign(binder.bind(value), column, value.position());
    }

    /**
     * {@code write}'s output without the old row passed last for the row triggers ({@link #WITH_OLD_ROW}), which
     * the triggers' caller takes off the write's input before it runs; {@code write} itself otherwise.
     */
    private static LogicalPlan withoutTriggersOldRow(LogicalPlan.Write write, int width) {
        if (!(WITH_OLD_ROW.isBound() && WITH_OLD_ROW.get())) {
            return write;
        }
        List<LogicalType> types = write.outputTypes();
        List<BoundExpression> kept = new ArrayList<>();
        for (int i = 0; i < types.size() - width; i++) {
            kept.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
        }
        return new LogicalPlan.Project(write, kept);
    }

    /** The scope of the write's output: the target's columns (qualified as before), then the other items'. */
    private static Scope returningScope(Scope scope, int width) {
        List<Scope.Column> columns = new ArrayList<>(scope.columns().subList(0, width));
        columns.addAll(scope.columns().subList(width + 1, scope.columns().size()));
        return new Scope(columns);
    }

    private static BoundExpression reference(Scope scope, int index) {
        Scope.Column column = scope.columns().get(index);
        return new BoundExpression.ColumnRef(index, column.qualifier(), column.name(), column.type(), 0);
    }
}
