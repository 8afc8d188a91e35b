package io.basalt.binder;

import io.basalt.catalog.SystemColumns;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.system.SystemColumnFunction;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.storage.table.TableTransaction;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table's scan with PostgreSQL's system columns after its own columns, reachable by name but never by {@code *}:
 * {@code ctid} (text {@code (block,offset)}), {@code xmin} (the inserting transaction, bigint), {@code cmin},
 * {@code xmax} and {@code cmax} (always 0: Basalt keeps no command ids, and a row a scan sees has no deleter it
 * could name), and {@code tableoid} (regclass, the table's name). ctid and xmin are computed from the rows' ids
 * ({@link SystemColumnFunction}). Only statements whose text names a system column
 * ({@link #MENTIONED}) get them, so that other scans stay as they are.
 */
public final class SystemColumnScans {
    /** Whether the statement being bound may name a system column; unbound: it does not. */
    public static final ScopedValue<Boolean> MENTIONED = ScopedValue.newInstance();

    private static final List<String> NAMES = List.of("ctid", "xmin", "cmin", "xmax", "cmax", "tableoid");
    private static final List<LogicalType> TYPES = List.of(LogicalType.TEXT, LogicalType.BIGINT, LogicalType.INTEGER,
            LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.REGCLASS);

    private SystemColumnScans() {
    }

    /** Whether {@code sql} names a system column (or contains the word anywhere: scans then carry them for nothing). */
    public static boolean mentions(String sql) {
        if (sql == null) {
            return false;
        }
        String lower = sql.toLowerCase(Locale.ROOT);
        for (String name : SystemColumns.NAMES) {
            if (lower.contains(name)) {
                return true;
            }
        }
        return false;
    }

    static boolean wanted() {
        return MENTIONED.isBound() && MENTIONED.get();
    }

    /** The system columns' types, in the order scans list them. */
    static List<LogicalType> types() {
        return TYPES;
    }

    /** Whether {@code scope}'s column {@code index} is the first system column (ctid) of a scanned table. */
    static boolean isSystem(Scope scope, int index) {
        return index < scope.columns().size() && scope.columns().get(index).isSystem()
                && scope.columns().get(index).name().equals(NAMES.getFirst());
    }

    /** The system columns' names, in the order scans list them. */
    static List<String> names() {
        return NAMES;
    }

    /**
     * The system columns of the row versions a write wrote, whose ids are the write's output column
     * {@code rowIdColumn} ({@link LogicalPlan.Write#withRowIds}): ctid and xmin from the id, as a scan computes them.
     */
    static List<BoundExpression> newVersion(TableEntry entry, int rowIdColumn) {
        List<BoundExpression> outputs = new ArrayList<>();
        addSystemOutputs(entry, rowIdColumn, outputs);
        return outputs;
    }

    /**
     * Whether an INSERT or UPDATE of {@code entry} returning rows gets its new rows' ids ({@link
     * LogicalPlan.Write#withRowIds}) for RETURNING's system columns: when the statement names one, and the rows go
     * into the table itself (not routed to partitions, not read through an inheritance parent, no DO UPDATE, no row
     * triggers: they replace the write's input).
     */
    static boolean newRowIds(LogicalPlan.Write write, BindContext context) {
        return wanted() && write.returnsRows() && write.routing() == null && write.conflictUpdate() == null
                && write.kind() != LogicalPlan.WriteKind.DELETE
                && !(UpdateBinder.WITH_OLD_ROW.isBound() && UpdateBinder.WITH_OLD_ROW.get())
                && !InheritedScans.inHierarchy(context.catalog(), write.table());
    }

    /** Adds the system columns of FROM item {@code qualifier} to {@code scopeColumns}. */
    static void addScopeColumns(String qualifier, String tableName, List<Scope.Column> scopeColumns) {
        for (int i = 0; i < NAMES.size(); i++) {
            scopeColumns.add(Scope.Column.system(qualifier, NAMES.get(i), TYPES.get(i), tableName));
        }
    }

    /**
     * One member of a hierarchy read as {@code table} (see {@link InheritedScans}): its columns {@code columns} (the
     * member's indices of {@code table}'s columns, in {@code table}'s order and types), then the system columns of the
     * member's own rows.
     */
    static LogicalPlan member(TableEntry table, TableEntry member, int[] columns) {
        int width = columns.length;
        int[] read = java.util.Arrays.copyOf(columns, width + 1);
        read[width] = ScanSource.ROW_ID;
        List<LogicalType> types = new ArrayList<>(table.columnTypes());
        types.add(LogicalType.BIGINT);
        List<BoundExpression> outputs = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            outputs.add(new BoundExpression.ColumnRef(i, null, table.columns().get(i).name(), types.get(i), 0));
        }
        addSystemOutputs(member, width, outputs);
        return new LogicalPlan.Project(new LogicalPlan.Scan(member.store(), read, types), outputs);
    }

    /** The system columns of {@code entry}'s rows, whose row ids are input column {@code rowIdColumn}. */
    private static void addSystemOutputs(TableEntry entry, int rowIdColumn, List<BoundExpression> outputs) {
        BoundExpression rowId = new BoundExpression.ColumnRef(rowIdColumn, null, "rowid", LogicalType.BIGINT, 0);
        TableTransaction running = TableTransaction.current();
        long transaction = running == null ? -1 : running.transactionNumber();
        outputs.add(new BoundExpression.Function(new SystemColumnFunction(SystemColumnFunction.Kind.CTID,
                entry.store(), transaction), List.of(rowId), LogicalType.TEXT, 0));
        outputs.add(new BoundExpression.Function(new SystemColumnFunction(SystemColumnFunction.Kind.XMIN,
                entry.store(), transaction), List.of(rowId), LogicalType.BIGINT, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.INTEGER, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.BIGINT, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.INTEGER, 0));
        outputs.add(new BoundExpression.Constant(InheritedScans.regclassText(entry), LogicalType.REGCLASS, 0));
    }

    /**
     * Whether INSERT ... ON CONFLICT DO UPDATE's write can pass RETURNING's old and new rows through (see {@link
     * LogicalPlan.Write#withRowIds}): into the table itself, without row triggers.
     */
    static boolean conflictRows(LogicalPlan.Write write, BindContext context) {
        return write.returnsRows() && write.routing() == null && write.conflictUpdate() != null
                && !(UpdateBinder.WITH_OLD_ROW.isBound() && UpdateBinder.WITH_OLD_ROW.get())
                && !InheritedScans.inHierarchy(context.catalog(), write.table());
    }

    /**
     * UPDATE ... RETURNING's input when the write returns its new rows' ids: the write's output without the ids, the
     * target's system columns (after its {@code width} columns) those of the new versions, as in PostgreSQL.
     */
    static LogicalPlan updated(LogicalPlan.Write write, TableEntry entry, int width) {
        List<LogicalType> types = write.outputTypes();
        int rowIdColumn = types.size() - 1;
        List<BoundExpression> outputs = new ArrayList<>();
        for (int i = 0; i < rowIdColumn; i++) {
            outputs.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
        }
        List<BoundExpression> newSystem = newVersion(entry, rowIdColumn);
        for (int k = 0; k < newSystem.size(); k++) {
            outputs.set(width + k, newSystem.get(k));
        }
        return new LogicalPlan.Project(write, outputs);
    }

    /**
     * UPDATE or DELETE ... RETURNING's input when the write does not return its new rows' ids: its output, whose
     * system columns (from {@code systemStart} on) are those of the rows as the statement found them, with the
     * running transaction stamped where PostgreSQL shows it: as an updated row's new {@code xmin}, as a deleted
     * row's {@code xmax}.
     */
    static LogicalPlan stamped(LogicalPlan write, int systemStart, boolean update) {
        List<LogicalType> types = write.outputTypes();
        List<BoundExpression> outputs = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            outputs.add(new BoundExpression.ColumnRef(i, null, "column" + i, types.get(i), 0));
        }
        int stampedColumn = systemStart + (update ? NAMES.indexOf("xmin") : NAMES.indexOf("xmax"));
        outputs.set(stampedColumn, new BoundExpression.Constant(runningTransaction(), LogicalType.BIGINT, 0));
        return new LogicalPlan.Project(write, outputs);
    }

    /** The running transaction's number as xmin and xmax show it (32 bits, as PostgreSQL's xid). */
    private static long runningTransaction() {
        TableTransaction running = TableTransaction.current();
        long transaction = running == null ? io.basalt.storage.table.TableStore.FROZEN_TRANSACTION
                : running.transactionNumber();
        return transaction & 0xFFFFFFFFL;
    }

    /**
     * INSERT ... RETURNING's input with the system columns of the new rows. A write that returns its rows' ids
     * ({@link LogicalPlan.Write#withRowIds}) gives all of them, computed from the ids; otherwise (ON CONFLICT DO
     * UPDATE, rows routed to partitions) {@code xmin} (the running transaction), {@code cmin}, {@code xmax},
     * {@code cmax} and {@code tableoid} (for a routed row, the partition it went to), not {@code ctid}. Adds them to
     * {@code scopeColumns} (the table's columns).
     */
    static LogicalPlan inserted(LogicalPlan.Write write, TableEntry entry, String qualifier,
                                List<Scope.Column> scopeColumns) {
        int width = entry.columns().size();
        List<BoundExpression> outputs = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            outputs.add(new BoundExpression.ColumnRef(i, null, entry.columns().get(i).name(),
                    entry.columnTypes().get(i), 0));
        }
        if (write.returnsRowIds()) {
            outputs.addAll(newVersion(entry, write.outputTypes().size() - 1));
            addScopeColumns(qualifier, null, scopeColumns);
            return new LogicalPlan.Project(write, outputs);
        }
        outputs.add(new BoundExpression.Constant(runningTransaction(), LogicalType.BIGINT, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.INTEGER, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.BIGINT, 0));
        outputs.add(new BoundExpression.Constant(0L, LogicalType.INTEGER, 0));
        outputs.add(write.routing() == null
                ? new BoundExpression.Constant(InheritedScans.regclassText(entry), LogicalType.REGCLASS, 0)
                : routedTable(write.routing()));
        for (int i = 1; i < NAMES.size(); i++) {
            scopeColumns.add(Scope.Column.system(qualifier, NAMES.get(i), TYPES.get(i), null));
        }
        return new LogicalPlan.Project(write, outputs);
    }

    /**
     * The tableoid of a row an INSERT routed by {@code routing}: the leaf partition the routes send it to, decided
     * as the routing operator decides it (routes in order, the one without a predicate taking what the others leave),
     * over the written row, whose columns are in the inserted table's order as the routes' predicates read them.
     */
    public static BoundExpression routedTable(io.basalt.plan.logical.PartitionRouting routing) {
        List<BoundExpression> conditions = new ArrayList<>();
        List<BoundExpression> results = new ArrayList<>();
        BoundExpression otherwise = null;
        for (io.basalt.plan.logical.PartitionRouting.Route route : routing.routes()) {
            BoundExpression target = route.sub() != null ? routedTable(route.sub())
                    : new BoundExpression.Constant(InheritedScans.regclassText(route.leaf()), LogicalType.REGCLASS, 0);
            if (route.predicate() == null) {
                otherwise = target;
            } else {
                conditions.add(route.predicate());
                results.add(target);
            }
        }
        if (otherwise == null) {
            otherwise = new BoundExpression.Constant(null, LogicalType.REGCLASS, 0);
        }
        return conditions.isEmpty() ? otherwise
                : new BoundExpression.Case(conditions, results, otherwise, LogicalType.REGCLASS, 0);
    }

    /**
     * The plan reading {@code entry}'s columns, its row id when {@code keepRowId} (right after the columns), then the
     * system columns; adds the system columns to {@code scopeColumns} (which already lists the table's columns and,
     * when kept, the row id).
     */
    static LogicalPlan plan(TableEntry entry, boolean keepRowId, String qualifier, String tableName,
                            List<Scope.Column> scopeColumns) {
        int width = entry.columns().size();
        int[] columns = new int[width + 1];
        List<LogicalType> types = new ArrayList<>(entry.columnTypes());
        for (int i = 0; i < width; i++) {
            columns[i] = i;
        }
        columns[width] = ScanSource.ROW_ID;
        types.add(LogicalType.BIGINT);
        LogicalPlan scan = new LogicalPlan.Scan(entry.store(), columns, types);
        List<BoundExpression> outputs = new ArrayList<>();
        for (int i = 0; i < width + (keepRowId ? 1 : 0); i++) {
            outputs.add(new BoundExpression.ColumnRef(i, null, i < width ? entry.columns().get(i).name() : "rowid",
                    types.get(i), 0));
        }
        addSystemOutputs(entry, width, outputs);
        addScopeColumns(qualifier, tableName, scopeColumns);
        return new LogicalPlan.Project(scan, outputs);
    }
}
