package io.basalt.optimizer.rule;

import io.basalt.optimizer.join.JoinGraph;
import io.basalt.optimizer.join.JoinOrderEnumerator;
import io.basalt.optimizer.join.JoinTree;
import io.basalt.plan.expression.BoundExpression;
import io.basalt.plan.expression.ColumnReferences;
import io.basalt.plan.logical.LogicalPlan;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;

/**
 * Cost-based join ordering: every tree of three or more inner joins is flattened into a {@link JoinGraph},
 * {@link JoinOrderEnumerator} finds the cheapest order (no cross products where the conditions connect the
 * inputs), and the joins are rebuilt in that order, each condition at the lowest join that sees all its
 * inputs, the larger input of each join on the left (probed) and the smaller on the right (built), and a
 * projection restoring the original column order. Here {@code b} is small and {@code a} large:
 *
 * <pre>
 * before: Join INNER [(#2 = #1), (#3 = #0)]        -- a(#0), b(#1), c(#2, #3)
 *           Join INNER []
 *             Scan a [0]
 *             Scan b [0]
 *           Scan c [0, 1]
 * after:  Project [#1, #3, #0, #2]
 *           Join INNER [(#1 = #2)]
 *             Join INNER [(#0 = #3)]
 *               Scan c [0, 1]
 *               Scan b [0]
 *             Scan a [0]
 * </pre>
 *
 * The query's own order stays when the model finds it as cheap as the best one and it has no more cross
 * products, so plans do not churn between equal choices. The rule runs after {@link PushFiltersIntoJoins},
 * which has put the conditions into the joins and the filters onto the inputs, whose estimates it uses.
 */
public final class ReorderJoins implements OptimizerRule {
    @Override
    public LogicalPlan apply(LogicalPlan plan) {
        return switch (plan) {
            case LogicalPlan.Join join when JoinGraph.flattens(join) -> reorder(join);
            default -> PlanInputs.map(plan, this::apply);
        };
    }

    private LogicalPlan reorder(LogicalPlan.Join top) {
        JoinGraph graph = JoinGraph.of(top);
        if (graph.size() < 3 || graph.size() > 63) {
            return rebuildInOrder(top);
        }
        JoinTree best = JoinOrderEnumerator.best(graph);
        JoinTree original = JoinOrderEnumerator.evaluate(graph, originalTree(top, graph, new int[1]));
        if (JoinTree.crossProducts(original) <= JoinTree.crossProducts(best)
                && original.cost() <= best.cost() * (1 + 1e-9)) {
            return rebuildInOrder(top);
        }
        return build(graph, best);
    }

    /** The query's own order as a tree over the graph's inputs (numbered as the graph numbers them). */
    private static JoinTree originalTree(LogicalPlan plan, JoinGraph graph, int[] next) {
        if (JoinGraph.flattens(plan)) {
            LogicalPlan.Join join = (LogicalPlan.Join) plan;
            JoinTree left = originalTree(join.left(), graph, next);
            JoinTree right = originalTree(join.right(), graph, next);
            return new JoinTree.Node(left, right, 0, 0, false);
        }
        int input = next[0]++;
        return new JoinTree.Leaf(input, graph.inputRows(input));
    }

    /** The same joins with their inputs optimised, when the order stays. */
    private LogicalPlan rebuildInOrder(LogicalPlan plan) {
        if (plan instanceof LogicalPlan.Join join && JoinGraph.flattens(join)) {
            return new LogicalPlan.Join(join.type(), rebuildInOrder(join.left()), rebuildInOrder(join.right()),
                    join.conjuncts());
        }
        return apply(plan);
    }

    /**
     * The joins of {@code tree} over the graph's inputs, under a projection back to the region's column order
     * unless they keep it.
     */
    private LogicalPlan build(JoinGraph graph, JoinTree tree) {
        int[] position = new int[graph.width()];
        boolean[] placed = new boolean[graph.conjuncts().size()];
        LogicalPlan plan = build(graph, tree, position, placed);
        boolean identity = true;
        for (int column = 0; column < graph.width(); column++) {
            identity &= position[column] == column;
        }
        if (identity) {
            return plan;
        }
        List<LogicalType> types = plan.outputTypes();
        List<BoundExpression> restored = new ArrayList<>(graph.width());
        for (int column = 0; column < graph.width(); column++) {
            restored.add(new BoundExpression.ColumnRef(position[column], null, "#" + column,
                    types.get(position[column]), 0));
        }
        return new LogicalPlan.Project(plan, restored);
    }

    /**
     * Builds {@code tree}, recording in {@code position} where each region column of its inputs lands in its
     * output, and placing at its root every condition not yet placed whose inputs it covers.
     */
    private LogicalPlan build(JoinGraph graph, JoinTree tree, int[] position, boolean[] placed) {
        if (tree instanceof JoinTree.Leaf leaf) {
            LogicalPlan input = apply(graph.input(leaf.input()));
            int width = input.outputTypes().size();
            for (int c = 0; c < width; c++) {
                position[graph.offset(leaf.input()) + c] = c;
            }
            return input;
        }
        JoinTree.Node node = (JoinTree.Node) tree;
        LogicalPlan left = build(graph, node.left(), position, placed);
        LogicalPlan right = build(graph, node.right(), position, placed);
        int leftWidth = left.outputTypes().size();
        long rightInputs = node.right().inputs();
        for (int input = 0; input < graph.size(); input++) {
            if ((rightInputs & (1L << input)) != 0) {
                int width = graph.input(input).outputTypes().size();
                for (int c = 0; c < width; c++) {
                    position[graph.offset(input) + c] += leftWidth;
                }
            }
        }
        long covered = node.inputs();
        List<BoundExpression> conditions = new ArrayList<>();
        for (int k = 0; k < placed.length; k++) {
            if (!placed[k] && (graph.conjunctInputs(k) & ~covered) == 0) {
                conditions.add(ColumnReferences.renumber(graph.conjuncts().get(k), position));
                placed[k] = true;
            }
        }
        return new LogicalPlan.Join(LogicalPlan.JoinType.INNER, left, right, conditions);
    }
}
