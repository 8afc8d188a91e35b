package io.basalt.optimizer.join;

/**
 * The cost model of join ordering: a join costs the rows it produces, plus the rows of its build side twice
 * (inserting into a hash table costs more than probing it) and the rows of its probe side once; a tree costs
 * the sum over its joins. The sum of intermediate results is the classic measure for in-memory hash joins;
 * the build term makes the enumerator prefer plans that build on small inputs.
 */
public final class JoinCost {
    private JoinCost() {
    }

    /** The node joining {@code a} and {@code b} into {@code rows} rows, the larger side on the left. */
    public static JoinTree.Node join(JoinTree a, JoinTree b, double rows, boolean crossProduct) {
        JoinTree probe = a.rows() >= b.rows() ? a : b;
        JoinTree build = probe == a ? b : a;
        double cost = a.cost() + b.cost() + rows + 2 * build.rows() + probe.rows();
        return new JoinTree.Node(probe, build, rows, cost, crossProduct);
    }
}
