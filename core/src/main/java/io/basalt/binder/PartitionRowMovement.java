package io.basalt.binder;

import io.basalt.catalog.TableEntry;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.Expression;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * An UPDATE through a partitioned table that moves rows between partitions, as PostgreSQL does: for one leaf
 * partition's bound UPDATE, the rows whose new version still satisfies the leaf's partition constraint are updated
 * in place, and the others are deleted from the leaf and inserted through the partitioned table, which routes them.
 * The three writes read the leaf as the statement found it, so they must run with their changes collected
 * ({@code StatementChanges}) and applied together at the end. The deleted rows do not count: the statement's count
 * is the number of rows updated or moved.
 */
public final class PartitionRowMovement {
    private PartitionRowMovement() {
    }

    /**
     * The writes for {@code update} (an UPDATE of {@code leaf}, a partition below {@code target}): in-place
     * update, delete of the moving rows (counting zero), insert of their new versions into {@code target}; or
     * {@code update} alone when {@code leaf} is no partition. With RETURNING, the plan returns every row's new
     * version in the order the leaf's rows were read.
     */
    public static LogicalPlan split(BoundWrite update, TableEntry leaf, TableEntry target, BindContext context) {
        Expression constraint = PartitionConstraints.full(context.catalog().hierarchy(), leaf.schema(), leaf.name());
        LogicalPlan.Write write = update.returnsRows() ? returningWrite(update.plan())
                : update.plan() instanceof LogicalPlan.Write plain ? plain : null;
        if (constraint == null || write == null) {
            return update.plan();
        }
        int width = leaf.columns().size();
        int[] shift = new int[width];
        for (int i = 0; i < width; i++) {
            shift[i] = i + 1;
        }
        BoundExpression stays = ColumnReferences.renumber(PartitionExpressions.predicate(
                new Expression.IsBoolean(constraint, true, false, 0), leaf.name(), leaf.columns(), context), shift);
        BoundExpression moves = new BoundExpression.Not(stays, 0);
        LogicalPlan input = write.input();
        LogicalPlan staying = write.withInput(new LogicalPlan.Filter(input, List.of(stays)));
        LogicalPlan moving = new LogicalPlan.Filter(input, List.of(moves));
        LogicalPlan delete = new LogicalPlan.Write(LogicalPlan.WriteKind.DELETE, leaf, new LogicalPlan.Project(moving,
                List.of(new BoundExpression.ColumnRef(0, null, "rowid", LogicalType.BIGINT, 0))), false);
        List<BoundExpression> newRow = new ArrayList<>();
        for (int c = 0; c < target.columns().size(); c++) {
            int at = leaf.columnIndex(target.columns().get(c).name());
            newRow.add(new BoundExpression.ColumnRef(at + 1, null, target.columns().get(c).name(),
                    target.columns().get(c).type(), 0));
        }
        // a row that FROM matched several times moves once, as PostgreSQL routes it once
        LogicalPlan movingOnce = new LogicalPlan.DistinctOn(new LogicalPlan.Sort(moving,
                List.of(new LogicalPlan.SortSpec(0, false, false))), List.of(0));
        LogicalPlan insert = PartitionRoutes.attach(new LogicalPlan.Write(LogicalPlan.WriteKind.INSERT, target,
                new LogicalPlan.Project(movingOnce, newRow), false), context);
        // the delete's count row is dropped: a moved row counts once, by its insert
        LogicalPlan uncounted = new LogicalPlan.Filter(delete,
                List.of(new BoundExpression.Constant(false, LogicalType.BOOLEAN, 0)));
        if (!update.returnsRows()) {
            return new LogicalPlan.Append(new LogicalPlan.Append(staying, uncounted), insert);
        }
        // RETURNING: the three writes run for their effect; every row returns as its new version, which the input
        // carries as the in-place update's output does (everything after the row id), in the input's order as in
        // PostgreSQL, where a row that moves returns where it was found among those that stay
        List<LogicalType> outputs = write.outputTypes();
        List<BoundExpression> newVersion = new ArrayList<>();
        for (int c = 0; c < outputs.size(); c++) {
            newVersion.add(new BoundExpression.ColumnRef(c + 1, null, "column" + c, outputs.get(c), 0));
        }
        int tableOid = width + SystemColumnScans.names().indexOf("tableoid");
        if (SystemColumnScans.wanted() && tableOid < outputs.size() && outputs.get(tableOid).equals(LogicalType.REGCLASS)) {
            // the target's system columns follow its columns: a moved row's tableoid is the partition it went to
            newVersion.set(tableOid, destination(leaf, target, context));
        }
        BoundExpression never = new BoundExpression.Constant(false, LogicalType.BOOLEAN, 0);
        LogicalPlan effects = new LogicalPlan.Append(new LogicalPlan.Append(
                silent(new LogicalPlan.Filter(staying, List.of(never)), outputs), silent(uncounted, outputs)),
                silent(new LogicalPlan.Filter(insert, List.of(never)), outputs));
        LogicalPlan rows = new LogicalPlan.Append(effects, new LogicalPlan.Project(input, newVersion));
        return replaceWrite(update.plan(), rows);
    }

    /**
     * The leaf partition (as regclass text) an UPDATE's new row goes to when routed through {@code target}, over the
     * input of {@code leaf}'s bound UPDATE (the row id, then the new row in {@code leaf}'s column order): {@code
     * leaf} itself when the row stays, another leaf when it moves, NULL when no partition takes it.
     */
    public static BoundExpression destination(TableEntry leaf, TableEntry target, BindContext context) {
        LogicalPlan.Write probe = PartitionRoutes.attach(new LogicalPlan.Write(LogicalPlan.WriteKind.INSERT, target,
                new LogicalPlan.Values(List.of(), target.columnTypes()), false), context);
        int[] shift = new int[target.columns().size()];
        for (int c = 0; c < shift.length; c++) {
            shift[c] = leaf.columnIndex(target.columns().get(c).name()) + 1;
        }
        return ColumnReferences.renumber(SystemColumnScans.routedTable(probe.routing()), shift);
    }

    /** {@code empty} (a plan that yields no rows) seen as yielding rows of {@code types}. */
    private static LogicalPlan silent(LogicalPlan empty, List<LogicalType> types) {
        List<BoundExpression> nulls = new ArrayList<>();
        for (LogicalType type : types) {
            nulls.add(new BoundExpression.Constant(null, type, 0));
        }
        return new LogicalPlan.Project(empty, nulls);
    }

    /** The UPDATE under a RETURNING plan (projections and subquery applies over it); null when there is none. */
    private static LogicalPlan.Write returningWrite(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Write write -> write;
            case LogicalPlan.Project project -> returningWrite(project.input());
            case LogicalPlan.Apply apply -> returningWrite(apply.input());
            default -> null;
        };
    }

    /** {@code plan} with its UPDATE (see {@link #returningWrite}) replaced by {@code rows}. */
    private static LogicalPlan replaceWrite(LogicalPlan plan, LogicalPlan rows) {
        return switch (plan) {
            case LogicalPlan.Write ignored -> rows;
            case LogicalPlan.Project project -> new LogicalPlan.Project(replaceWrite(project.input(), rows),
                    project.expressions());
            case LogicalPlan.Apply apply -> new LogicalPlan.Apply(apply.kind(), replaceWrite(apply.input(), rows),
                    apply.subquery(), apply.comparison());
            default -> throw new IllegalStateException("no UPDATE under " + plan);
        };
    }
}
