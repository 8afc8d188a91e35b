package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.GeneratedTable;
import io.basalt.exec.memory.MemoryRoots;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * TPC-H on disk ({@code ./bench tpch --db DIR}): Basalt in {@code DIR/basalt} and DuckDB in {@code DIR/duckdb.db},
 * loaded once (then ANALYZE and CHECKPOINT; a later run with the same directory reuses them). Then, for each engine:
 * the time to open the database and the Arrow and heap memory it holds right after, and the first query's time;
 * and per query, after reopening the database, the first run (cold: nothing of the tables decoded or cached in the
 * engine; the operating system's page cache is left as it is) and the median of {@code --runs} runs after
 * {@code --warmup} more (warm). Basalt is opened twice per query: the first opening's first run (reported as "1st")
 * also compiles the query's code; the second's is the cold figure, cold for the data only as DuckDB's. Results are
 * checked by row count only. The report is plain text.
 */
final class OnDiskTpchRun {
    private static final int LOAD_BATCH_ROWS = 64 * 1024;

    private final HarnessOptions options;
    private final Path directory;
    private final PrintStream progress;

    OnDiskTpchRun(HarnessOptions options, Path directory, PrintStream progress) {
        this.options = options;
        this.directory = directory;
        this.progress = progress;
    }

    /** The value of {@code --db} among the arguments, or null. */
    static Path databaseOption(String[] arguments) {
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("--db")) {
                return Path.of(arguments[i + 1]);
            }
        }
        return null;
    }

    /** The arguments without {@code --db} and its value. */
    static String[] withoutDatabaseOption(String[] arguments) {
        List<String> rest = new ArrayList<>(Arrays.asList(arguments));
        int at = rest.indexOf("--db");
        if (at >= 0 && at + 1 < rest.size()) {
            rest.remove(at + 1);
            rest.remove(at);
        }
        return rest.toArray(new String[0]);
    }

    String run() {
        if (!options.suite().equals("tpch")) {
            throw new IllegalArgumentException("--db runs the tpch suite only");
        }
        TpchSuite suite = new TpchSuite(options.scaleFactor(), options.shared());
        Path basaltDirectory = directory.resolve("basalt");
        Path duckdbFile = directory.resolve("duckdb.db");
        Supplier<QueryEngine> basalt = () -> new BasaltEngine(options.threads(), basaltDirectory);
        Supplier<QueryEngine> duckdb = () -> new DuckDbEngine(options.threads(), duckdbFile);
        StringBuilder report = new StringBuilder();
        report.append("TPC-H sf=").append(HarnessOptions.formatNumber(options.scaleFactor())).append(" on disk in ")
                .append(directory).append(", threads=").append(options.threads()).append(", runs=")
                .append(options.runs()).append(", warmup=").append(options.warmup()).append('\n');
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!Files.exists(basaltDirectory.resolve("manifest"))) {
            report.append(load("basalt", basalt, suite.tables()));
        }
        if (!Files.exists(duckdbFile)) {
            report.append(load("duckdb", duckdb, suite.tables()));
        }
        report.append(String.format("size on disk: basalt %.1f MB, duckdb %.1f MB%n", megabytes(size(basaltDirectory)),
                megabytes(size(duckdbFile))));
        List<BenchmarkQuery> queries = new ArrayList<>();
        for (BenchmarkQuery query : suite.queries()) {
            if (options.selects(query.name())) {
                queries.add(query);
            }
        }
        report.append(reopen("basalt", basalt, queries.getFirst(), 0));
        report.append(reopen("duckdb", duckdb, queries.getFirst(), 1));
        report.append(String.format("%-6s %12s %12s %12s %12s %12s %10s%n", "query", "basalt 1st", "basalt cold",
                "basalt warm", "duckdb cold", "duckdb warm", "rows"));
        List<Double> basaltOpens = new ArrayList<>();
        List<Double> duckdbOpens = new ArrayList<>();
        double logRatioCold = 0;
        double logRatioWarm = 0;
        int compared = 0;
        for (BenchmarkQuery query : queries) {
            // Basalt's first opening for a query also compiles its code (its first run is cold for the JIT as well as
            // for the data); the second opening's first run is cold for the data only, as DuckDB's is.
            double[] jitCold = time(basalt, query.sqlFor(0), options.warmup());
            double[] b = time(basalt, query.sqlFor(0), 0);
            double[] d = time(duckdb, query.sqlFor(1), options.warmup());
            basaltOpens.add(b[3]);
            duckdbOpens.add(d[3]);
            String rows = b[2] == d[2] ? Long.toString((long) b[2]) : "DIFFER " + (long) b[2] + "/" + (long) d[2];
            String line = String.format("%-6s %10.1fms %10.1fms %10.1fms %10.1fms %10.1fms %10s%n", query.name(),
                    jitCold[0], b[0], b[1], d[0], d[1], rows);
            progress.print(line);
            report.append(line);
            logRatioCold += Math.log(b[0] / d[0]);
            logRatioWarm += Math.log(b[1] / d[1]);
            compared++;
        }
        report.append(String.format("geometric mean basalt/duckdb: cold %.2f, warm %.2f%n",
                Math.exp(logRatioCold / compared), Math.exp(logRatioWarm / compared)));
        basaltOpens.sort(null);
        duckdbOpens.sort(null);
        report.append(String.format("median open before each query: basalt %.0f ms, duckdb %.0f ms%n",
                basaltOpens.get(basaltOpens.size() / 2), duckdbOpens.get(duckdbOpens.size() / 2)));
        return report.toString();
    }

    private String load(String name, Supplier<QueryEngine> factory, List<GeneratedTable> tables) {
        progress.println("loading " + name + " ...");
        long start = System.nanoTime();
        try (QueryEngine engine = factory.get();
             BufferAllocator allocator = MemoryRoots.newRoot("harness load", Long.MAX_VALUE)) {
            for (GeneratedTable table : tables) {
                engine.createTable(table);
                try (GeneratedBatches batches = new GeneratedBatches(table, allocator, LOAD_BATCH_ROWS)) {
                    for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                        engine.append(table.name(), batch);
                    }
                }
            }
            engine.run("ANALYZE");
            engine.run("CHECKPOINT");
        }
        return String.format("%s: load + ANALYZE + CHECKPOINT + close %.1f s%n", name,
                (System.nanoTime() - start) / 1e9);
    }

    /** Opening the database, the memory it holds then, and its first query. */
    private String reopen(String name, Supplier<QueryEngine> factory, BenchmarkQuery firstQuery, int slot) {
        long heapBefore = heapUsed();
        long start = System.nanoTime();
        try (QueryEngine engine = factory.get()) {
            long opened = System.nanoTime();
            long heapAfter = heapUsed();
            String arrow = arrowHeld();
            engine.execute(firstQuery.sqlFor(slot));
            long queried = System.nanoTime();
            return String.format("%s: open %.0f ms, first query (%s) %.0f ms, heap after open +%.1f MB%s%n", name,
                    (opened - start) / 1e6, firstQuery.name(),
                    (queried - opened) / 1e6, megabytes(heapAfter - heapBefore), arrow);
        }
    }

    /**
     * Cold (first run after opening) and warm (median of the runs after {@code warmup} more) milliseconds, the
     * result's rows, and the open's ms.
     */
    private double[] time(Supplier<QueryEngine> factory, String sql, int warmup) {
        long opening = System.nanoTime();
        try (QueryEngine engine = factory.get()) {
            double open = (System.nanoTime() - opening) / 1e6;
            long start = System.nanoTime();
            long rows = engine.execute(sql);
            double cold = (System.nanoTime() - start) / 1e6;
            for (int i = 0; i < warmup; i++) {
                engine.execute(sql);
            }
            double[] runs = new double[options.runs()];
            for (int i = 0; i < runs.length; i++) {
                long runStart = System.nanoTime();
                engine.execute(sql);
                runs[i] = (System.nanoTime() - runStart) / 1e6;
            }
            Arrays.sort(runs);
            return new double[] {cold, runs[runs.length / 2], rows, open};
        } catch (RuntimeException e) {
            progress.println("failed: " + EngineFailure.describe(e));
            return new double[] {Double.NaN, Double.NaN, -1, Double.NaN};
        }
    }

    /** The Arrow memory Basalt's database root holds, as ", Arrow N MB" (empty for other engines). */
    private static String arrowHeld() {
        for (String root : MemoryRoots.openRoots()) {
            if (root.startsWith("database ")) {
                long bytes = Long.parseLong(root.substring(root.lastIndexOf(" holding ") + 9, root.lastIndexOf(' ')));
                return String.format(", Arrow memory %.1f MB", megabytes(bytes));
            }
        }
        return "";
    }

    private static long heapUsed() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double megabytes(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static long size(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(path)) {
            long total = 0;
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    total += Files.size(file);
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
