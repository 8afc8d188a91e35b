package io.basalt.optimizer.join;

/**
 * A join order over a {@link JoinGraph}: a leaf is one input, a node joins two subtrees. Every tree knows the
 * set of inputs it covers, its estimated rows and its cost (see {@link JoinCost}). A node's left side is the
 * larger one, which the hash join probes with; its right side is built.
 */
public sealed interface JoinTree {
    long inputs();

    double rows();

    double cost();

    record Leaf(int input, double rows) implements JoinTree {
        @Override
        public long inputs() {
            return 1L << input;
        }

        @Override
        public double cost() {
            return 0;
        }
    }

    record Node(JoinTree left, JoinTree right, double rows, double cost, boolean crossProduct) implements JoinTree {
        @Override
        public long inputs() {
            return left.inputs() | right.inputs();
        }
    }

    /** How many of the tree's joins are cross products (no condition between their sides). */
    static int crossProducts(JoinTree tree) {
        return tree instanceof Node node
                ? (node.crossProduct() ? 1 : 0) + crossProducts(node.left()) + crossProducts(node.right()) : 0;
    }
}
