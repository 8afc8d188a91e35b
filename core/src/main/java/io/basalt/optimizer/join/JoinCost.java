package io.basalt.optimizer.join;

/**
 * The cost model of join ordering: a join costs the rows it produces, plus the rows of its build side twice
 * (inserting into a hash table costs more than probing it) and the rows of its probe side once each, weighted
 * by the size of the table they probe; a tree costs the sum over its joins. The sum of intermediate results is
 * the classic measure for in-memory hash joins; the build term makes the enumerator prefer plans that build on
 * small inputs.
 *
 * <p>The probe weight is {@code 1 + PROBE_WEIGHT * log2(build rows)}: a probe of a table of a few hundred rows
 * stays in cache (Basalt's join tables over a dense key range then have exact bitmaps), one of a hundred
 * thousand rows misses the caches on most rows. Without it, probing 1.8 million line items against 800
 * suppliers and then 150,000 survivors against 120,000 orders cost the same as probing the 1.8 million against
 * the orders first (TPC-H Q7 at SF1), though the first took about a third less time. The weight grows with
 * the logarithm so that the choice between two orders does not depend on the scale of the data.
 * {@code -Dbasalt.join_probe_weight=0} weighs every probe row alike, as before (read at each join costed, so that
 * one JVM can compare both).
 */
public final class JoinCost {
    /** The extra cost of one probe row per doubling of the table it probes. */
    static final double PROBE_WEIGHT = 0.1;

    private JoinCost() {
    }

    /** The node joining {@code a} and {@code b} into {@code rows} rows, the larger side on the left. */
    public static JoinTree.Node join(JoinTree a, JoinTree b, double rows, boolean crossProduct) {
        JoinTree probe = a.rows() >= b.rows() ? a : b;
        JoinTree build = probe == a ? b : a;
        double probeWeight = 1 + probeWeight() * (Math.log(Math.max(1, build.rows())) / Math.log(2));
        double cost = a.cost() + b.cost() + rows + 2 * build.rows() + probe.rows() * probeWeight;
        return new JoinTree.Node(probe, build, rows, cost, crossProduct);
    }

    private static double probeWeight() {
        String setting = System.getProperty("basalt.join_probe_weight");
        if (setting == null) {
            return PROBE_WEIGHT;
        }
        try {
            return Math.max(0, Double.parseDouble(setting));
        } catch (NumberFormatException e) {
            return PROBE_WEIGHT;
        }
    }
}
