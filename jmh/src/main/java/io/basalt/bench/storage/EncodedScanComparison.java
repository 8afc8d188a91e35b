package io.basalt.bench.storage;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Compares scans with the predicates evaluated on the encoded chunks ({@code basalt.encoded_predicates=on}) and
 * without ({@code off}) in one JVM over one database directory (as {@code ./bench tpch --db DIR} leaves it in
 * {@code DIR/basalt}), alternating the two settings query by query and round by round so that a machine whose load
 * drifts (shared build machines) weighs on both alike. Per query and setting: cold = the first run after reopening
 * the database (nothing decoded or cached), warm = the median of the following runs; each as wall time and as the
 * process's CPU time (all threads, which moves much less than wall time when other processes compete for the cores).
 * Medians over the rounds (after one unrecorded round that warms the JIT up) are printed as a Markdown table.
 *
 * <p>Usage: {@code EncodedScanComparison DIR/basalt QUERY_DIR q06,q12 [rounds] [warm runs] [threads]}; the queries
 * are read from {@code QUERY_DIR/<name>.sql}, or taken as SQL text when a name contains a blank.
 */
public final class EncodedScanComparison {
    private static final String PROPERTY = "basalt.encoded_predicates";
    private static final String[] SETTINGS = {"on", "off"};

    private EncodedScanComparison() {
    }

    public static void main(String[] arguments) throws IOException {
        Path database = Path.of(arguments[0]);
        Path queryDirectory = Path.of(arguments[1]);
        List<String> names = Arrays.asList(arguments[2].split(","));
        int rounds = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 3;
        int warmRuns = arguments.length > 4 ? Integer.parseInt(arguments[4]) : 5;
        int threads = arguments.length > 5 ? Integer.parseInt(arguments[5]) : 2;
        BasaltConfig defaults = BasaltConfig.defaults();
        BasaltConfig config = new BasaltConfig(defaults.vectorSize(), threads, defaults.memoryLimit());
        // [query][setting][round] -> cold wall, cold cpu, warm wall, warm cpu (ms)
        double[][][][] figures = new double[names.size()][SETTINGS.length][rounds][4];
        for (int round = -1; round < rounds; round++) {  // round -1 warms the JIT up and is not recorded
            for (int q = 0; q < names.size(); q++) {
                String sql = names.get(q).contains(" ") ? names.get(q)
                        : Files.readString(queryDirectory.resolve(names.get(q) + ".sql"), StandardCharsets.UTF_8);
                for (int s = 0; s < SETTINGS.length; s++) {
                    int setting = (round + 1 + q + s) % 2;  // alternate which setting goes first
                    System.setProperty(PROPERTY, SETTINGS[setting]);
                    try (Database db = Basalt.open(database, config); Session session = db.connect()) {
                        long[] cold = timed(session, sql);
                        double[] walls = new double[warmRuns];
                        double[] cpus = new double[warmRuns];
                        timed(session, sql);
                        for (int run = 0; run < warmRuns; run++) {
                            long[] warm = timed(session, sql);
                            walls[run] = warm[0] / 1e6;
                            cpus[run] = warm[1] / 1e6;
                        }
                        if (round < 0) {
                            continue;
                        }
                        figures[q][setting][round] = new double[] {cold[0] / 1e6, cold[1] / 1e6, median(walls),
                            median(cpus)};
                    }
                }
            }
            System.err.println("round " + (round + 1) + " of " + rounds + " done");
        }
        StringBuilder out = new StringBuilder();
        out.append("| query | on cold wall / cpu | off cold wall / cpu | on warm wall / cpu | off warm wall / cpu |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (int q = 0; q < names.size(); q++) {
            out.append("| ").append(names.get(q).length() > 24 ? "query " + (q + 1) : names.get(q));
            for (int column = 0; column < 4; column += 2) {
                for (int setting = 0; setting < SETTINGS.length; setting++) {
                    double[] wall = new double[rounds];
                    double[] cpu = new double[rounds];
                    for (int round = 0; round < rounds; round++) {
                        wall[round] = figures[q][setting][round][column];
                        cpu[round] = figures[q][setting][round][column + 1];
                    }
                    out.append(" | ").append(Math.round(median(wall))).append(" / ").append(Math.round(median(cpu)));
                }
            }
            out.append(" |\n");
        }
        System.out.print(out);
    }

    /** Wall and process CPU nanoseconds of one run of {@code sql}, its result read through. */
    private static long[] timed(Session session, String sql) {
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = system.getProcessCpuTime();
        long start = System.nanoTime();
        try (QueryResult result = session.query(sql)) {
            result.rowCount();
        }
        return new long[] {System.nanoTime() - start, system.getProcessCpuTime() - cpu};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
