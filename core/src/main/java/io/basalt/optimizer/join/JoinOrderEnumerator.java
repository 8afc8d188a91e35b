package io.basalt.optimizer.join;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the cheapest join tree over a {@link JoinGraph} by {@link JoinCost}. Up to {@value #EXHAUSTIVE_LIMIT}
 * inputs, dynamic programming over subsets: the best tree of every connected set of inputs, built from the
 * best trees of its splits into two connected parts joined by a condition (bushy trees included, cross
 * products excluded). Beyond that, greedily: of all pairs of trees that a condition connects, join the pair
 * whose result is smallest, until one tree is left. Inputs the conditions do not connect at all (the query's
 * own cross products) are joined last, the smaller results first.
 */
public final class JoinOrderEnumerator {
    static final int EXHAUSTIVE_LIMIT = 10;

    private JoinOrderEnumerator() {
    }

    public static JoinTree best(JoinGraph graph) {
        List<Long> components = components(graph);
        List<JoinTree> trees = new ArrayList<>();
        for (long component : components) {
            trees.add(Long.bitCount(component) <= EXHAUSTIVE_LIMIT ? exhaustive(graph, component)
                    : greedy(graph, component));
        }
        // cross products between the unconnected parts: smallest first
        trees.sort((a, b) -> Double.compare(a.rows(), b.rows()));
        JoinTree result = trees.getFirst();
        for (int i = 1; i < trees.size(); i++) {
            JoinTree next = trees.get(i);
            result = JoinCost.join(result, next, graph.rows(result.inputs() | next.inputs()), true);
        }
        return result;
    }

    /** The cost the model gives {@code tree}, recomputed over {@code graph} (for comparing with the query's own order). */
    public static JoinTree evaluate(JoinGraph graph, JoinTree tree) {
        if (tree instanceof JoinTree.Node node) {
            JoinTree left = evaluate(graph, node.left());
            JoinTree right = evaluate(graph, node.right());
            return JoinCost.join(left, right, graph.rows(left.inputs() | right.inputs()),
                    !graph.connected(left.inputs(), right.inputs()));
        }
        return tree;
    }

    /** The sets of inputs connected by conditions, each as a bit mask, in the order of their first input. */
    private static List<Long> components(JoinGraph graph) {
        List<Long> components = new ArrayList<>();
        long assigned = 0;
        for (int start = 0; start < graph.size(); start++) {
            if ((assigned & (1L << start)) != 0) {
                continue;
            }
            long component = 1L << start;
            boolean grew = true;
            while (grew) {
                grew = false;
                for (int other = 0; other < graph.size(); other++) {
                    long bit = 1L << other;
                    if ((component & bit) == 0 && graph.connected(component, bit)) {
                        component |= bit;
                        grew = true;
                    }
                }
            }
            // a condition over three or more inputs may connect only sets, not single inputs: join those too
            for (int k = 0; k < graph.conjuncts().size(); k++) {
                long reads = graph.conjunctInputs(k);
                if ((reads & component) != 0 && (reads & ~component) != 0 && (reads & assigned) == 0) {
                    component |= reads;
                }
            }
            components.add(component);
            assigned |= component;
        }
        return components;
    }

    private static JoinTree exhaustive(JoinGraph graph, long component) {
        int[] members = new int[Long.bitCount(component)];
        int count = 0;
        for (long rest = component; rest != 0; rest &= rest - 1) {
            members[count++] = Long.numberOfTrailingZeros(rest);
        }
        // best[s]: the best tree over the members whose positions are the bits of s (local numbering)
        JoinTree[] best = new JoinTree[1 << count];
        for (int i = 0; i < count; i++) {
            best[1 << i] = new JoinTree.Leaf(members[i], graph.inputRows(members[i]));
        }
        for (int set = 1; set < best.length; set++) {
            if (Integer.bitCount(set) < 2) {
                continue;
            }
            long inputs = global(set, members);
            double rows = -1;
            int lowest = set & -set;
            // each split once: the part holding the lowest member on one side
            for (int part = (set - 1) & set; part > 0; part = (part - 1) & set) {
                if ((part & lowest) == 0) {
                    continue;
                }
                int other = set ^ part;
                JoinTree a = best[part];
                JoinTree b = best[other];
                if (a == null || b == null || !graph.connected(a.inputs(), b.inputs())) {
                    continue;
                }
                if (rows < 0) {
                    rows = graph.rows(inputs);
                }
                JoinTree candidate = JoinCost.join(a, b, rows, false);
                if (best[set] == null || candidate.cost() < best[set].cost()) {
                    best[set] = candidate;
                }
            }
        }
        JoinTree result = best[best.length - 1];
        return result != null ? result : greedy(graph, component);
    }

    private static long global(int set, int[] members) {
        long inputs = 0;
        for (int i = 0; i < members.length; i++) {
            if ((set & (1 << i)) != 0) {
                inputs |= 1L << members[i];
            }
        }
        return inputs;
    }

    private static JoinTree greedy(JoinGraph graph, long component) {
        List<JoinTree> trees = new ArrayList<>();
        for (long rest = component; rest != 0; rest &= rest - 1) {
            int input = Long.numberOfTrailingZeros(rest);
            trees.add(new JoinTree.Leaf(input, graph.inputRows(input)));
        }
        while (trees.size() > 1) {
            JoinTree bestJoin = null;
            int bestA = -1;
            int bestB = -1;
            for (int a = 0; a < trees.size(); a++) {
                for (int b = a + 1; b < trees.size(); b++) {
                    JoinTree left = trees.get(a);
                    JoinTree right = trees.get(b);
                    if (!graph.connected(left.inputs(), right.inputs())) {
                        continue;
                    }
                    JoinTree candidate = JoinCost.join(left, right, graph.rows(left.inputs() | right.inputs()), false);
                    if (bestJoin == null || candidate.rows() < bestJoin.rows()
                            || candidate.rows() == bestJoin.rows() && candidate.cost() < bestJoin.cost()) {
                        bestJoin = candidate;
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestJoin == null) {
                // only a condition over three or more trees joins what is left: take the two smallest
                trees.sort((x, y) -> Double.compare(x.rows(), y.rows()));
                JoinTree left = trees.removeFirst();
                JoinTree right = trees.removeFirst();
                trees.add(JoinCost.join(left, right, graph.rows(left.inputs() | right.inputs()), true));
                continue;
            }
            trees.remove(bestB);
            trees.remove(bestA);
            trees.add(bestJoin);
        }
        return trees.getFirst();
    }
}
