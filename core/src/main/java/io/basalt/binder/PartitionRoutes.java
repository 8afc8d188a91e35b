package io.basalt.binder;

import io.basalt.catalog.Catalog;
import io.basalt.catalog.TableEntry;
import io.basalt.catalog.TableHierarchy;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PartitionRouting;
import io.basalt.sql.ast.Expression;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an INSERT into a partitioned table, or into a partition, its {@link PartitionRouting}: per partitioned
 * table, one route per partition with the partition's constraint bound over the inserted table's columns (the
 * default partition's route takes what the others leave), down to the leaf partitions; and for a partition
 * itself, the check of its partition constraint.
 */
final class PartitionRoutes {
    private PartitionRoutes() {
    }

    /** {@code write} with its routing when its table is partitioned or a partition, else {@code write}. */
    static LogicalPlan.Write attach(LogicalPlan.Write write, BindContext context) {
        return attach(write, context, false);
    }

    /**
     * {@code write}, an INSERT that may have ON CONFLICT, with its routing when its table is partitioned or a
     * partition, else {@code write}; {@code everyKey}: ON CONFLICT without an inference specification, whose leaves
     * check all their unique constraints.
     */
    static LogicalPlan.Write attach(LogicalPlan.Write write, BindContext context, boolean everyKey) {
        Catalog catalog = context.catalog();
        TableEntry table = write.table();
        TableHierarchy hierarchy = catalog.hierarchy();
        boolean partitioned = hierarchy.partitionKey(table.schema(), table.name()) != null;
        Expression constraint = PartitionConstraints.full(hierarchy, table.schema(), table.name());
        if (!partitioned && constraint == null) {
            return write;
        }
        BoundExpression boundConstraint = constraint == null ? null
                : PartitionExpressions.predicate(constraint, table.name(), table.columns(), context);
        PartitionRouting routing;
        if (partitioned) {
            PartitionRouting node = node(catalog, table, table, context);
            routing = new PartitionRouting(node.relation(), node.keys(), node.keyTexts(), boundConstraint,
                    table.name(), node.routes());
        } else {
            routing = new PartitionRouting(table.name(), List.of(), List.of(), boundConstraint, table.name(),
                    List.of(new PartitionRouting.Route(null, table, identity(table), null)));
        }
        if (write.conflictArbiters() != null) {
            routing = withConflicts(routing, write, everyKey, context);
        }
        return write.withRouting(routing);
    }

    /** {@code routing} with each leaf's ON CONFLICT handling (see {@link PartitionRouting.LeafConflict}). */
    private static PartitionRouting withConflicts(PartitionRouting routing, LogicalPlan.Write write, boolean everyKey,
                                                  BindContext context) {
        List<PartitionRouting.Route> routes = new ArrayList<>();
        for (PartitionRouting.Route route : routing.routes()) {
            if (route.sub() != null) {
                routes.add(new PartitionRouting.Route(route.predicate(), null, null,
                        withConflicts(route.sub(), write, everyKey, context)));
                continue;
            }
            TableEntry table = write.table();
            TableEntry leaf = route.leaf();
            java.util.Set<String> arbiters = leaf == table ? write.conflictArbiters()
                    : ConflictArbiters.forPartition(write.conflictArbiters(), everyKey, table, leaf);
            LogicalPlan.ConflictUpdate update = write.conflictUpdate();
            int[] rowOrder = null;
            BoundExpression partitionConstraint = null;
            if (update != null) {
                update = update.withArbiterPredicate(ConflictArbiters.partialPredicate(arbiters, leaf, context))
                        .withArbiterKeys(ConflictArbiters.expressionKeys(arbiters, leaf, context));
                rowOrder = inverse(route.columns());
                Expression constraint = PartitionConstraints.full(context.catalog().hierarchy(), leaf.schema(),
                        leaf.name());
                partitionConstraint = PartitionExpressions.predicate(constraint, leaf.name(), leaf.columns(), context);
            }
            routes.add(route.withConflict(new PartitionRouting.LeafConflict(arbiters, update, rowOrder,
                    partitionConstraint)));
        }
        return new PartitionRouting(routing.relation(), routing.keys(), routing.keyTexts(), routing.constraint(),
                routing.constraintRelation(), routes);
    }

    /** For a leaf whose column i is the table's column {@code columns[i]}: the leaf column of each table column. */
    private static int[] inverse(int[] columns) {
        int[] order = new int[columns.length];
        boolean same = true;
        for (int i = 0; i < columns.length; i++) {
            order[columns[i]] = i;
            same &= columns[i] == i;
        }
        return same ? null : order;
    }

    /**
     * {@code write} (an UPDATE) with the check of its partition's constraint when its table is a partition: the
     * routing holds only the constraint, over the input's new-row columns (after the row id).
     */
    static LogicalPlan.Write attachCheck(LogicalPlan.Write write, BindContext context) {
        TableEntry table = write.table();
        Expression constraint = PartitionConstraints.full(context.catalog().hierarchy(), table.schema(), table.name());
        if (constraint == null) {
            return write;
        }
        BoundExpression bound = PartitionExpressions.predicate(constraint, table.name(), table.columns(), context);
        int[] shift = new int[table.columns().size()];
        for (int i = 0; i < shift.length; i++) {
            shift[i] = i + 1;
        }
        return write.withRouting(new PartitionRouting(table.name(), List.of(), List.of(),
                io.basalt.plan.expression.ColumnReferences.renumber(bound, shift), table.name(), List.of()));
    }

    private static PartitionRouting node(Catalog catalog, TableEntry partitioned, TableEntry root,
                                         BindContext context) {
        TableHierarchy hierarchy = catalog.hierarchy();
        TableHierarchy.PartitionKey key = hierarchy.partitionKey(partitioned.schema(), partitioned.name());
        List<BoundExpression> keys = new ArrayList<>();
        for (Expression expression : key.expressions()) {
            keys.add(PartitionExpressions.key(expression, root.name(), root.columns(), context));
        }
        List<TableHierarchy.Link> siblings = hierarchy.children(partitioned.schema(), partitioned.name());
        List<PartitionRouting.Route> routes = new ArrayList<>();
        for (TableHierarchy.Link link : siblings) {
            TableEntry child = catalog.findTable(link.childSchema(), link.childName()).orElse(null);
            if (child == null || !link.isPartition()) {
                continue;
            }
            BoundExpression predicate = link.isDefault() ? null : PartitionExpressions.predicate(
                    PartitionConstraints.of(link, key, siblings), root.name(), root.columns(), context);
            if (hierarchy.partitionKey(child.schema(), child.name()) != null) {
                routes.add(new PartitionRouting.Route(predicate, null, null, node(catalog, child, root, context)));
            } else {
                int[] columns = new int[child.columns().size()];
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = root.columnIndex(child.columns().get(i).name());
                }
                routes.add(new PartitionRouting.Route(predicate, child, columns, null));
            }
        }
        return new PartitionRouting(partitioned.name(), keys, keyShown(partitioned, key) ? key.texts() : List.of(),
                null, null, routes);
    }

    /**
     * Whether "no partition ... found for row" may show the key's values: as in PostgreSQL, when the role may read
     * the table, or each key column of it (a key expression then hides them).
     */
    private static boolean keyShown(TableEntry partitioned, TableHierarchy.PartitionKey key) {
        io.basalt.catalog.privilege.AccessCheck check = io.basalt.catalog.privilege.AccessCheck.current();
        if (check == null) {
            return true;
        }
        io.basalt.catalog.privilege.SecuredObject object = check.authorization().object(
                io.basalt.catalog.privilege.Authorization.relationKey(partitioned.schema(), partitioned.name()),
                io.basalt.catalog.privilege.SecuredKind.TABLE);
        int select = io.basalt.catalog.privilege.Privilege.SELECT.bit();
        if ((check.privileges(object) & select) != 0) {
            return true;
        }
        for (Expression expression : key.expressions()) {
            if (!(expression instanceof Expression.ColumnRef column)
                    || (check.columnPrivileges(object, column.parts().getLast()) & select) == 0) {
                return false;
            }
        }
        return true;
    }

    private static int[] identity(TableEntry table) {
        int[] columns = new int[table.columns().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return columns;
    }
}
