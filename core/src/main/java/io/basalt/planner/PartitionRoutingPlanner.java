package io.basalt.planner;

import io.basalt.catalog.ColumnEntry;
import io.basalt.catalog.TableEntry;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PartitionRouting;
import io.basalt.storage.table.PartitionConstraintCheckOperator;
import io.basalt.storage.table.PartitionRoutingOperator;
import io.basalt.storage.table.TableWriteOperator;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans an INSERT whose rows are routed to partitions: one {@link TableWriteOperator} per leaf partition (with the
 * leaf's NOT NULL and CHECK constraints) under a {@link PartitionRoutingOperator} that evaluates the routes.
 */
final class PartitionRoutingPlanner {
    private PartitionRoutingPlanner() {
    }

    /** The plan of a routed INSERT, or of an UPDATE whose new rows must stay in their partition. */
    static PhysicalOperator plan(LogicalPlan.Write write, PhysicalOperator input,
                                 java.util.function.BiFunction<LogicalPlan.Write, PhysicalOperator,
                                         PhysicalOperator> plainWrite) {
        if (write.kind() != LogicalPlan.WriteKind.INSERT) {
            PartitionRouting routing = write.routing();
            return plainWrite.apply(write, new PartitionConstraintCheckOperator(input,
                    ExpressionPlanner.plan(routing.constraint()), routing.constraintRelation(),
                    write.table().columns().size()));
        }
        List<TableWriteOperator> leaves = new ArrayList<>();
        PartitionRoutingOperator.Node root = node(write.routing(), write, input, leaves);
        return new PartitionRoutingOperator(input, root, leaves, write.returnsRows());
    }

    private static PartitionRoutingOperator.Node node(PartitionRouting routing, LogicalPlan.Write write,
                                                      PhysicalOperator input, List<TableWriteOperator> leaves) {
        List<PartitionRoutingOperator.Route> routes = new ArrayList<>();
        for (PartitionRouting.Route route : routing.routes()) {
            PhysicalExpression predicate = route.predicate() == null ? null : ExpressionPlanner.plan(route.predicate());
            if (route.sub() != null) {
                routes.add(new PartitionRoutingOperator.Route(predicate, -1, null,
                        node(route.sub(), write, input, leaves)));
                continue;
            }
            TableEntry leaf = route.leaf();
            PartitionRouting.LeafConflict conflict = route.conflict();
            leaves.add(new TableWriteOperator(input, TableWriteOperator.Kind.INSERT, leaf.name(), leaf.store(),
                    names(leaf), notNull(leaf), CheckConstraintPlanner.plan(leaf), write.returnsRows(),
                    conflict == null ? null : conflict.arbiters(),
                    conflict == null ? null : PhysicalPlanner.conflictUpdate(leaf, conflict.arbiters(),
                            conflict.update(), conflict.rowOrder(), conflict.partitionConstraint()),
                    targetOrder(route.columns())));
            routes.add(new PartitionRoutingOperator.Route(predicate, leaves.size() - 1, route.columns(), null));
        }
        List<PhysicalExpression> keys = new ArrayList<>();
        for (BoundExpression key : routing.keys()) {
            keys.add(ExpressionPlanner.plan(key));
        }
        return new PartitionRoutingOperator.Node(routing.relation(), keys, routing.keyTexts(),
                routing.constraint() == null ? null : ExpressionPlanner.plan(routing.constraint()),
                routing.constraintRelation(), routes);
    }

    /**
     * For a leaf whose columns are the target table's {@code columns} (leaf column i is target column columns[i]),
     * the leaf column at each place of the target's order: a routed row's constraint details show it that way.
     */
    private static int[] targetOrder(int[] columns) {
        if (columns == null) {
            return null;
        }
        int[] order = new int[columns.length];
        for (int i = 0; i < columns.length; i++) {
            order[columns[i]] = i;
        }
        return order;
    }

    private static List<String> names(TableEntry table) {
        List<String> names = new ArrayList<>();
        for (ColumnEntry column : table.columns()) {
            names.add(column.name());
        }
        return names;
    }

    private static boolean[] notNull(TableEntry table) {
        boolean[] flags = new boolean[table.columns().size()];
        for (int i = 0; i < flags.length; i++) {
            flags[i] = table.columns().get(i).notNull();
        }
        return flags;
    }
}
