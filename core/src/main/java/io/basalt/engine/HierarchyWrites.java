package io.basalt.engine;

import io.basalt.binder.BindContext;
import io.basalt.binder.BoundWrite;
import io.basalt.binder.PartitionRowMovement;
import io.basalt.binder.UpdateBinder;
import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.sql.ast.DeleteStatement;
import io.basalt.sql.ast.Expression;
import io.basalt.sql.ast.SelectItem;
import io.basalt.sql.ast.UpdateStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * UPDATE and DELETE of a table named without ONLY change its inheritance children and partitions too, as in
 * PostgreSQL: the statement is bound once per table of the hierarchy (the table itself unless it is partitioned,
 * then every descendant, depth first), each binding reading the statement's column names in that table and naming
 * the target as the statement does, and the writes run one after the other in one plan (an {@link
 * LogicalPlan.Append} of the writes), so that the statement's count and RETURNING rows cover them all. An UPDATE
 * through a partitioned table moves a row whose new version leaves its partition ({@link PartitionRowMovement}).
 */
final class HierarchyWrites {
    private HierarchyWrites() {
    }

    /**
     * A partition's part of an UPDATE through its partitioned table with the partition's row triggers applied (see
     * {@code TriggeredWrites}), or null when none fire for it.
     */
    @FunctionalInterface
    interface MemberTriggers {
        BoundWrite apply(UpdateStatement named, TableEntry member, TableEntry target);
    }

    static BoundWrite update(UpdateStatement update, TableEntry target, BindContext context) {
        return update(update, target, context, null);
    }

    /** As {@link #update(UpdateStatement, TableEntry, BindContext)}, each partition's rows through {@code triggers}. */
    static BoundWrite update(UpdateStatement update, TableEntry target, BindContext context,
                             MemberTriggers triggers) {
        List<TableEntry> tables = members(context.catalog(), target, update.only());
        if (tables.size() == 1 && tables.getFirst() == target) {
            return new UpdateBinder(context).bindUpdate(update, target);
        }
        String alias = update.alias() != null ? update.alias() : target.name();
        UpdateStatement named = new UpdateStatement(update.table(), alias, update.assignments(), update.from(),
                update.where(), targetColumns(update.returning(), alias, target, update.from()),
                update.position(), update.with(), true);
        List<BoundWrite> writes = new ArrayList<>();
        boolean partitioned = context.catalog().hierarchy().partitionKey(target.schema(), target.name()) != null;
        for (TableEntry table : tables) {
            BoundWrite triggered = triggers == null || !partitioned ? null : triggers.apply(named, table, target);
            BoundWrite write = triggered != null ? triggered : new UpdateBinder(context).bindUpdate(named, table);
            if (partitioned) {
                write = new BoundWrite(write.kind(), PartitionRowMovement.split(write, table, target, context),
                        write.returnsRows(), write.names());
            }
            writes.add(write);
        }
        return combined(writes);
    }

    /** Whether {@code update} runs as writes that must see the tables as the statement began: it moves rows. */
    static boolean movesRows(UpdateStatement update, TableEntry target, Catalog catalog) {
        return !update.only() && catalog.hierarchy().partitionKey(target.schema(), target.name()) != null;
    }

    static BoundWrite delete(DeleteStatement delete, TableEntry target, BindContext context) {
        List<TableEntry> tables = members(context.catalog(), target, delete.only());
        if (tables.size() == 1 && tables.getFirst() == target) {
            return new UpdateBinder(context).bindDelete(delete, target);
        }
        String alias = delete.alias() != null ? delete.alias() : target.name();
        DeleteStatement named = new DeleteStatement(delete.table(), alias, delete.using(), delete.where(),
                targetColumns(delete.returning(), alias, target, delete.using()), delete.position(),
                delete.with(), true);
        List<BoundWrite> writes = new ArrayList<>();
        for (TableEntry table : tables) {
            writes.add(new UpdateBinder(context).bindDelete(named, table));
        }
        return combined(writes);
    }

    /**
     * RETURNING with the target's star ({@code *}, or {@code alias.*}) spelled as the target's columns by name (a
     * bare {@code *} followed by the stars of the FROM / USING items), so that every table of the hierarchy returns the target's row type, as
     * PostgreSQL converts a child's rows to its parent's.
     */
    private static List<SelectItem> targetColumns(List<SelectItem> returning, String alias, TableEntry target,
                                                  List<io.basalt.sql.ast.FromItem> others) {
        List<String> otherNames = new ArrayList<>();
        boolean othersNamed = true;
        for (io.basalt.sql.ast.FromItem item : others) {
            othersNamed &= itemNames(item, otherNames);
        }
        List<SelectItem> spelled = new ArrayList<>(returning.size());
        for (SelectItem item : returning) {
            boolean bareStar = item instanceof SelectItem.Star star && star.qualifier() == null;
            boolean targetStar = item instanceof SelectItem.Star star && (star.qualifier() == null
                    ? others.isEmpty() || othersNamed
                    : star.qualifier().parts().size() == 1 && star.qualifier().last().equals(alias));
            if (!targetStar) {
                spelled.add(item);
                continue;
            }
            for (io.basalt.catalog.ColumnEntry column : target.columns()) {
                spelled.add(new SelectItem.Item(new Expression.ColumnRef(List.of(alias, column.name()),
                        item.position()), null, item.position()));
            }
            if (bareStar) {
                // * over FROM / USING as well: the other items' columns follow the target's, as in the plain statement
                for (String name : otherNames) {
                    spelled.add(new SelectItem.Star(io.basalt.sql.ast.QualifiedName.of(name, item.position()),
                            item.position()));
                }
            }
        }
        return spelled;
    }

    /**
     * Adds the names {@code item}'s columns are reached by, in order, to {@code names}; false when some are reached
     * by no single name (a USING or NATURAL join, a named join, an unnamed function), whose star stays as written.
     */
    private static boolean itemNames(io.basalt.sql.ast.FromItem item, List<String> names) {
        return switch (item) {
            case io.basalt.sql.ast.FromItem.Table table -> names.add(table.alias() != null ? table.alias()
                    : table.name().last());
            case io.basalt.sql.ast.FromItem.Subquery subquery -> subquery.alias() != null && names.add(subquery.alias());
            case io.basalt.sql.ast.FromItem.Function function -> function.alias() != null
                    && names.add(function.alias());
            case io.basalt.sql.ast.FromItem.Join join -> !join.natural() && join.using().isEmpty()
                    && itemNames(join.left(), names) & itemNames(join.right(), names);
            default -> false;
        };
    }

    /** The tables a write of {@code target} changes: itself unless partitioned, then its descendants. */
    private static List<TableEntry> members(Catalog catalog, TableEntry target, boolean only) {
        List<TableEntry> tables = new ArrayList<>();
        boolean partitioned = catalog.hierarchy().partitionKey(target.schema(), target.name()) != null;
        if (only || !partitioned) {
            tables.add(target);
        }
        if (!only) {
            io.basalt.binder.InheritedScans.descendants(catalog, target, tables);
        }
        if (tables.isEmpty()) {
            tables.add(target);
        }
        return tables;
    }

    private static BoundWrite combined(List<BoundWrite> writes) {
        BoundWrite first = writes.getFirst();
        LogicalPlan plan = first.plan();
        for (int i = 1; i < writes.size(); i++) {
            LogicalPlan next = writes.get(i).plan();
            if (!next.outputTypes().equals(plan.outputTypes())) {
                throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                        "RETURNING over inheritance children whose columns differ is not supported yet");
            }
            plan = new LogicalPlan.Append(plan, next);
        }
        return new BoundWrite(first.kind(), plan, first.returnsRows(), first.names());
    }
}
