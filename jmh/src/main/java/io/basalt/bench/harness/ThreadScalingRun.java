package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.GeneratedTable;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Basalt alone, TPC-H loaded once, each query run with {@code SET threads} 1 and 2 alternating in one warmed JVM, so
 * that the 1 -> 2 thread speed-up is measured without a second JVM's JIT state or load in between. Per run it records
 * the wall time, the CPU time of the calling thread and that of every other thread of the JVM (the workers, but also
 * the JIT's and GC's threads: on a quiet machine with the JIT warmed they add little). "t1 CPU / t2 caller CPU" is
 * the speed-up the code allows at most (the calling thread's work at 2 threads bounds its wall time); "t1 wall / t2
 * wall" is the one measured.
 *
 * <pre>java ... io.basalt.bench.harness.ThreadScalingRun [--sf 1] [--warmup 8] [--runs 9] [--queries q03,q04]
 *     [--only 2] [--explain] [--shared DIR]</pre>
 * ({@code --only N}: run at N threads only, e.g. under a profiler; the other count's columns are then zero;
 * {@code --explain}: print each query's EXPLAIN ANALYZE at 2 threads first).
 */
public final class ThreadScalingRun {
    private ThreadScalingRun() {
    }

    public static void main(String[] args) {
        double scaleFactor = 1;
        int warmup = 8;
        int runs = 9;
        List<String> only = null;
        Path shared = Path.of("../shared");
        int[] counts = {1, 2};
        boolean explain = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sf" -> scaleFactor = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--queries" -> only = Arrays.asList(args[++i].split(","));
                case "--shared" -> shared = Path.of(args[++i]);
                case "--explain" -> explain = true;
                case "--only" -> counts = new int[] {Integer.parseInt(args[++i])};
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        TpchSuite suite = new TpchSuite(scaleFactor, shared);
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (BenchmarkQuery query : suite.queries()) {
            if (only == null || only.contains(query.name())) {
                queries.add(query);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (BasaltEngine engine = new BasaltEngine(2)) {
            load(engine, suite.tables());
            out.println("query  t1 wall  t2 wall  wall 1/2  t1 cpu  t2 caller  t2 others  cpu t1/t2caller  others t1");
            if (explain) {
                for (BenchmarkQuery query : queries) {
                    engine.run("SET threads = 2");
                    out.println("-- " + query.name());
                    engine.fetch("EXPLAIN ANALYZE " + query.sql(), new RowSink() {
                        @Override
                        public void columns(List<String> names) {
                        }

                        @Override
                        public void row(Object[] values) {
                            out.println(values[0]);
                        }
                    });
                }
            }
            double logWall = 0;
            double logCpu = 0;
            for (BenchmarkQuery query : queries) {
                double[][] samples = new double[2][];
                double[][] callers = new double[2][];
                double[][] others = new double[2][];
                for (int t = 0; t < 2; t++) {
                    samples[t] = new double[runs];
                    callers[t] = new double[runs];
                    others[t] = new double[runs];
                }
                System.err.println("query " + query.name() + " starts at " + java.time.LocalTime.now());
                for (int round = -warmup; round < runs; round++) {
                    for (int t = 0; t < 2; t++) {
                        if (counts.length == 1 && counts[0] != t + 1) {
                            continue;
                        }
                        engine.run("SET threads = " + (t + 1));
                        long caller0 = threads.getCurrentThreadCpuTime();
                        long all0 = allThreadsCpu(threads);
                        long start = System.nanoTime();
                        engine.execute(query.sql());
                        long wall = System.nanoTime() - start;
                        long caller = threads.getCurrentThreadCpuTime() - caller0;
                        long all = allThreadsCpu(threads) - all0;
                        if (round >= 0) {
                            samples[t][round] = wall / 1e6;
                            callers[t][round] = caller / 1e6;
                            others[t][round] = (all - caller) / 1e6;
                        }
                    }
                }
                double wall1 = median(samples[0]);
                double wall2 = median(samples[1]);
                double cpu1 = median(callers[0]);
                double caller2 = median(callers[1]);
                logWall += Math.log(wall1 / wall2);
                logCpu += Math.log(cpu1 / caller2);
                out.printf(Locale.ROOT, "%-5s %8.1f %8.1f %9.2f %7.1f %10.1f %10.1f %15.2f %10.1f%n", query.name(),
                        wall1, wall2, wall1 / wall2, cpu1, caller2, median(others[1]), cpu1 / caller2,
                        median(others[0]));
            }
            out.printf(Locale.ROOT, "geomean wall 1/2 %.3f, cpu t1/t2caller %.3f%n",
                    Math.exp(logWall / queries.size()), Math.exp(logCpu / queries.size()));
        }
    }

    private static void load(BasaltEngine engine, List<GeneratedTable> tables) {
        try (org.apache.arrow.memory.BufferAllocator allocator =
                     io.basalt.exec.memory.MemoryRoots.newRoot("scaling load", Long.MAX_VALUE)) {
            for (GeneratedTable table : tables) {
                engine.createTable(table);
                try (GeneratedBatches batches = new GeneratedBatches(table, allocator, 65_536)) {
                    for (var batch = batches.next(); batch != null; batch = batches.next()) {
                        engine.append(table.name(), batch);
                    }
                }
            }
        }
        engine.run("ANALYZE");
    }

    /** CPU time of every live thread of the JVM, in nanoseconds. */
    private static long allThreadsCpu(ThreadMXBean threads) {
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            long cpu = threads.getThreadCpuTime(id);
            if (cpu > 0) {
                total += cpu;
            }
        }
        return total;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
