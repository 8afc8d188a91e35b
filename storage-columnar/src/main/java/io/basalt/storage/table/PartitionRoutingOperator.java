package io.basalt.storage.table;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.PhysicalExpression;
import io.basalt.exec.operator.PhysicalOperator;
import io.basalt.exec.operator.SinkOperator;
import io.basalt.exec.operator.SinkState;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorGather;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;

/**
 * The sink of an INSERT into a partitioned table or into a partition: it sends each new row to the leaf partition
 * whose bound holds it, where a {@link TableWriteOperator} per leaf checks and writes it, as PostgreSQL's tuple
 * routing does. Input rows are in the target table's column order (then any columns RETURNING reads); each leaf
 * receives them in its own column order and its returned rows are put back in the target's. A row that no partition
 * takes fails with 23514 "no partition of relation ... found for row"; a row inserted into a partition that breaks
 * the partition's constraint (its and its ancestors' bounds) fails with 23514 "violates partition constraint".
 */
public record PartitionRoutingOperator(PhysicalOperator child, Node root, List<TableWriteOperator> leaves,
                                       boolean returnsRows) implements SinkOperator {
    /**
     * One partitioned table's routing: {@code relation} for errors, its key expressions and their texts for the
     * error's detail, an optional {@code constraint} every row must satisfy (with the relation named when it fails),
     * and its routes, tried in order; a route without a predicate is the default.
     */
    public record Node(String relation, List<PhysicalExpression> keys, List<String> keyTexts,
                       PhysicalExpression constraint, String constraintRelation, List<Route> routes) {
        public Node {
            keys = List.copyOf(keys);
            keyTexts = List.copyOf(keyTexts);
            routes = List.copyOf(routes);
        }
    }

    /**
     * A route: rows for which {@code predicate} is true (null: the rows no other route takes) go to leaf number
     * {@code leaf}, whose column i is input column {@code columns[i]}, or, when {@code sub} is set, on through that
     * partitioned table's routes.
     */
    public record Route(PhysicalExpression predicate, int leaf, int[] columns, Node sub) {
    }

    public PartitionRoutingOperator {
        requireNonNull(child, "child is null");
        requireNonNull(root, "root is null");
        leaves = List.copyOf(leaves);
    }

    @Override
    public List<LogicalType> outputTypes() {
        return returnsRows ? child.outputTypes() : List.of(LogicalType.BIGINT);
    }

    @Override
    public String describe() {
        return "PartitionRouting " + root.relation();
    }

    @Override
    public SinkState openSink(ExecutionContext context) {
        return new RoutingState(context);
    }

    private final class RoutingState implements SinkState {
        private final ExecutionContext context;
        private final EvaluationContext evaluation;
        private final List<SinkState> states = new ArrayList<>();
        /** Per leaf, the column map of the route that reaches it. */
        private final int[][] leafColumns = new int[leaves.size()][];

        RoutingState(ExecutionContext context) {
            this.context = context;
            this.evaluation = new EvaluationContext(context.allocator());
            for (TableWriteOperator leaf : leaves) {
                states.add(leaf.openSink(context));
            }
        }

        @Override
        public void sink(Batch batch) {
            try {
                int[] target = new int[batch.rowCount()];
                int[] rows = new int[batch.rowCount()];
                for (int row = 0; row < rows.length; row++) {
                    rows[row] = row;
                    target[row] = -1;
                }
                route(root, batch, rows, rows.length, target);
                int[] selection = new int[batch.rowCount()];
                for (int leaf = 0; leaf < leaves.size(); leaf++) {
                    int count = 0;
                    for (int row = 0; row < target.length; row++) {
                        if (target[row] == leaf) {
                            selection[count++] = row;
                        }
                    }
                    if (count == 0) {
                        continue;
                    }
                    Batch rowsOfLeaf = VectorGather.gather(batch, selection, count, evaluation);
                    states.get(leaf).sink(reordered(rowsOfLeaf, leafColumns[leaf]));
                }
            } finally {
                evaluation.releaseBatch();
            }
        }

        /** Assigns each of {@code rows[0..count)} a leaf in {@code target}, or fails for a row none takes. */
        private void route(Node node, Batch batch, int[] rows, int count, int[] target) {
            if (node.constraint() != null) {
                BitVector holds = (BitVector) node.constraint().evaluate(batch, evaluation);
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    if (holds.isNull(row) || holds.get(row) == 0) {
                        throw BasaltException.of(SqlState.CHECK_VIOLATION, "new row for relation \""
                                        + node.constraintRelation() + "\" violates partition constraint")
                                .withDetail("Failing row contains " + describeRow(batch, targetColumns(node), row)
                                        + ".");
                    }
                }
            }
            int[] chosen = new int[count];
            java.util.Arrays.fill(chosen, -1);
            int defaultRoute = -1;
            for (int r = 0; r < node.routes().size(); r++) {
                Route route = node.routes().get(r);
                if (route.predicate() == null) {
                    defaultRoute = r;
                    continue;
                }
                BitVector holds = (BitVector) route.predicate().evaluate(batch, evaluation);
                for (int k = 0; k < count; k++) {
                    int row = rows[k];
                    if (chosen[k] < 0 && !holds.isNull(row) && holds.get(row) != 0) {
                        chosen[k] = r;
                    }
                }
            }
            for (int k = 0; k < count; k++) {
                if (chosen[k] < 0) {
                    if (defaultRoute < 0) {
                        throw noPartition(node, batch, rows[k]);
                    }
                    chosen[k] = defaultRoute;
                }
            }
            for (int r = 0; r < node.routes().size(); r++) {
                Route route = node.routes().get(r);
                int[] mine = new int[count];
                int taken = 0;
                for (int k = 0; k < count; k++) {
                    if (chosen[k] == r) {
                        mine[taken++] = rows[k];
                    }
                }
                if (taken == 0) {
                    continue;
                }
                if (route.sub() != null) {
                    route(route.sub(), batch, mine, taken, target);
                } else {
                    leafColumns[route.leaf()] = route.columns();
                    for (int k = 0; k < taken; k++) {
                        target[mine[k]] = route.leaf();
                    }
                }
            }
        }

        /**
         * The input's columns that hold the target table's row, in its order (the relation a partition constraint
         * names is the target): as many as a leaf has, found through the sub-partitions; null when no route says.
         */
        private int[] targetColumns(Node node) {
            for (Route route : node.routes()) {
                int[] columns = route.sub() == null ? route.columns() : targetColumns(route.sub());
                if (columns != null) {
                    int[] identity = new int[columns.length];
                    for (int i = 0; i < identity.length; i++) {
                        identity[i] = i;
                    }
                    return identity;
                }
            }
            return null;
        }

        private BasaltException noPartition(Node node, Batch batch, int row) {
            List<String> values = new ArrayList<>();
            for (PhysicalExpression key : node.keys()) {
                String text = ValueAccess.text(key.evaluate(batch, evaluation), row);
                values.add(text == null ? "null" : text);
            }
            BasaltException missing = BasaltException.of(SqlState.CHECK_VIOLATION,
                    "no partition of relation \"" + node.relation() + "\" found for row");
            if (node.keyTexts().isEmpty()) {
                // the role may not read the key: no values are shown
                return missing;
            }
            return missing.withDetail("Partition key of the failing row contains (" + String.join(", ", node.keyTexts())
                            + ") = (" + String.join(", ", values) + ").");
        }

        @Override
        public void finish() {
            for (SinkState state : states) {
                state.finish();
            }
        }

        @Override
        public SourceState openResult() {
            return returnsRows ? returnedRows() : rowCount();
        }

        /** Each leaf's returned rows in turn, their columns put back in the target table's order. */
        private SourceState returnedRows() {
            return new SourceState() {
                private int leaf;
                private SourceState current;

                @Override
                public Batch next() {
                    while (leaf < states.size()) {
                        if (current == null) {
                            current = states.get(leaf).openResult();
                        }
                        Batch batch = current.next();
                        if (batch != null) {
                            return restored(batch, leafColumns[leaf]);
                        }
                        current.close();
                        current = null;
                        leaf++;
                    }
                    return null;
                }

                @Override
                public void close() {
                    if (current != null) {
                        current.close();
                    }
                }
            };
        }

        private SourceState rowCount() {
            long changed = 0;
            for (SinkState state : states) {
                try (SourceState result = state.openResult()) {
                    for (Batch batch = result.next(); batch != null; batch = result.next()) {
                        changed += (Long) ValueAccess.get(batch.column(0), 0);
                    }
                }
            }
            return new RowCountResult(changed, context.allocator());
        }

        @Override
        public void close() {
            for (SinkState state : states) {
                state.close();
            }
            evaluation.close();
        }
    }

    /** A row's table columns (as the leaf orders them) in PostgreSQL's "(1, null, 5)" rendering. */
    private static String describeRow(Batch batch, int[] columns, int row) {
        List<FieldVector> vectors = new ArrayList<>();
        int width = columns == null ? batch.columnCount() : columns.length;
        for (int i = 0; i < width; i++) {
            vectors.add(batch.column(columns == null ? i : columns[i]));
        }
        return TableWriteOperator.describeRow(new Batch(vectors, batch.rowCount()), row);
    }

    /** The batch with its first {@code columns.length} columns taken as {@code columns} says; the rest kept. */
    private static Batch reordered(Batch batch, int[] columns) {
        if (columns == null) {
            return batch;
        }
        List<FieldVector> vectors = new ArrayList<>(batch.columns());
        for (int i = 0; i < columns.length; i++) {
            vectors.set(i, batch.column(columns[i]));
        }
        return new Batch(vectors, batch.rowCount());
    }

    /** The inverse of {@link #reordered}: a leaf's row put back in the target table's column order. */
    private static Batch restored(Batch batch, int[] columns) {
        if (columns == null) {
            return batch;
        }
        List<FieldVector> vectors = new ArrayList<>(batch.columns());
        for (int i = 0; i < columns.length; i++) {
            vectors.set(columns[i], batch.column(i));
        }
        return new Batch(vectors, batch.rowCount());
    }
}
