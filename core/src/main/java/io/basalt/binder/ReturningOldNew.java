package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.SelectItem;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL 18's {@code old} and {@code new} in RETURNING: the row as it was before the statement and as it is
 * after it, reachable only qualified ({@code old.col}, {@code new.*}), never by a bare {@code *}. INSERT has no
 * old row and DELETE no new row (their columns read NULL). The write's output is extended by a projection that
 * repeats the target's columns (and for UPDATE reads the old row, which the write passes through after the
 * FROM items' columns), described by hidden scope columns qualified {@code old} and {@code new}.
 */
public final class ReturningOldNew {
    /** The table name of the columns of a row that does not exist (INSERT's old, DELETE's new). */
    static final String ABSENT = "\u0000absent";

    /** The RETURNING input and its scope. */
    record Input(LogicalPlan plan, Scope scope) {
    }

    private ReturningOldNew() {
    }

    /**
     * Whether {@code returning} names {@code old} or {@code new} anywhere. The syntax tree's records print their
     * parts, so a column reference qualified by either (or the whole row) shows as {@code parts=[old, ...}
     * ({@code parts=[old]}) and a star as {@code qualifier=old,} in the printed list: one look instead of a walk over every kind of expression.
     */
    public static boolean mentioned(List<SelectItem> returning) {
        String printed = returning.toString();
        return printed.contains("parts=[old,") || printed.contains("parts=[new,") || printed.contains("parts=[old]")
                || printed.contains("parts=[new]") || printed.contains("qualifier=old,")
                || printed.contains("qualifier=new,");
    }

    /**
     * Where a write's output holds what the system columns of RETURNING's rows read, for a table that has them:
     * {@code oldSystem}, the index of the old row's ctid (xmin, cmin, xmax, cmax and tableoid follow), -1 when there
     * is no old row (INSERT); {@code newRowId}, the index of the new row version's id ({@link
     * LogicalPlan.Write#withRowIds}, the write's last column), -1 when there is none (DELETE). With {@code bare}, the
     * unqualified system columns (qualified by {@code qualifier}) are the new row's: INSERT's scope lacks them, and
     * UPDATE's (at {@code oldSystem}) name the new version in PostgreSQL. {@code oldRowId} (-1: none), the index of
     * the old row's id (NULL where there is none), from which ON CONFLICT DO UPDATE's old system columns are computed.
     */
    record SystemRows(TableEntry table, String qualifier, int oldSystem, int newRowId, boolean bare, int oldRowId) {
    }

    /**
     * The input of RETURNING over {@code write}, whose output {@code scope} describes and whose first
     * {@code width} columns are the target's, extended by the old and new rows. {@code oldStart} is where the
     * write's output holds the old row (-1: the first {@code width} columns are the old row, as for DELETE;
     * -2: there is none, as for INSERT); {@code hasNew} is false for DELETE. {@code system} (null: none) adds
     * {@code old.ctid}, {@code new.xmin}, ... .
     */
    static Input extend(LogicalPlan write, Scope scope, int width, int oldStart, boolean hasNew) {
        return extend(write, scope, width, oldStart, hasNew, null);
    }

    static Input extend(LogicalPlan write, Scope scope, int width, int oldStart, boolean hasNew, SystemRows system) {
        List<LogicalType> types = write.outputTypes();
        int end = system == null ? types.size() : system.oldRowId() >= 0 ? system.oldRowId()
                : system.newRowId() >= 0 ? system.newRowId() : types.size();
        List<BoundExpression> expressions = new ArrayList<>();
        List<Scope.Column> columns = new ArrayList<>(scope.columns());
        int outputs = oldStart >= 0 ? oldStart : end;
        for (int i = 0; i < end; i++) {
            expressions.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
        }
        for (int i = outputs; i < end; i++) {
            Scope.Column target = scope.columns().get(i - outputs);
            columns.add(new Scope.Column("old", target.name(), target.type(), null, true));
        }
        if (oldStart < 0) {
            for (int c = 0; c < width; c++) {
                Scope.Column target = scope.columns().get(c);
                expressions.add(oldStart == -1
                        ? new BoundExpression.ColumnRef(c, null, target.name(), target.type(), 0)
                        : new BoundExpression.Constant(null, target.type(), 0));
                columns.add(new Scope.Column("old", target.name(), target.type(), oldStart == -1 ? null : ABSENT,
                        true));
            }
        }
        for (int c = 0; c < width; c++) {
            Scope.Column target = scope.columns().get(c);
            expressions.add(hasNew ? new BoundExpression.ColumnRef(c, null, target.name(), target.type(), 0)
                    : new BoundExpression.Constant(null, target.type(), 0));
            columns.add(new Scope.Column("new", target.name(), target.type(), hasNew ? null : ABSENT, true));
        }
        if (system != null) {
            addSystemColumns(system, expressions, columns);
        }
        return new Input(new LogicalPlan.Project(write, expressions), new Scope(columns));
    }

    /** {@code old.ctid} ... {@code new.tableoid}, and with {@code system.bare()} the bare ones of the new row. */
    private static void addSystemColumns(SystemRows system, List<BoundExpression> expressions,
                                         List<Scope.Column> columns) {
        List<String> names = SystemColumnScans.names();
        List<LogicalType> types = SystemColumnScans.types();
        List<BoundExpression> oldSystem = system.oldRowId() >= 0
                ? SystemColumnScans.newVersion(system.table(), system.oldRowId()) : null;
        for (int k = 0; k < names.size(); k++) {
            BoundExpression value;
            if (system.oldSystem() >= 0) {
                value = new BoundExpression.ColumnRef(system.oldSystem() + k, null, names.get(k), types.get(k), 0);
            } else if (oldSystem != null) {
                // an inserted row has no old row: all its system columns are NULL
                BoundExpression id = new BoundExpression.ColumnRef(system.oldRowId(), null, "old", LogicalType.BIGINT,
                        0);
                value = new BoundExpression.Case(List.of(new BoundExpression.IsNull(id, true, 0)),
                        List.of(oldSystem.get(k)), new BoundExpression.Constant(null, types.get(k), 0), types.get(k),
                        0);
            } else {
                value = new BoundExpression.Constant(null, types.get(k), 0);
            }
            expressions.add(value);
            columns.add(Scope.Column.qualifiedSystem("old", names.get(k), types.get(k),
                    system.oldSystem() >= 0 || oldSystem != null ? null : ABSENT));
        }
        List<BoundExpression> newSystem = system.newRowId() >= 0
                ? SystemColumnScans.newVersion(system.table(), system.newRowId()) : null;
        for (int k = 0; k < names.size(); k++) {
            expressions.add(newSystem != null ? newSystem.get(k) : new BoundExpression.Constant(null, types.get(k), 0));
            columns.add(Scope.Column.qualifiedSystem("new", names.get(k), types.get(k),
                    newSystem != null ? null : ABSENT));
        }
        if (system.bare() && newSystem != null) {
            if (system.oldSystem() >= 0) {
                // UPDATE: the target's system columns in the scope become the new version's
                for (int k = 0; k < names.size(); k++) {
                    expressions.set(system.oldSystem() + k, newSystem.get(k));
                }
            } else {
                for (int k = 0; k < names.size(); k++) {
                    expressions.add(newSystem.get(k));
                    columns.add(Scope.Column.system(system.qualifier(), names.get(k), types.get(k), null));
                }
            }
        }
    }
}
