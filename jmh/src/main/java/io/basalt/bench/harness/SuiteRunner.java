package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.GeneratedTable;
import io.basalt.exec.memory.MemoryRoots;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Runs a suite on Basalt and DuckDB side by side: generates each table once and appends every batch to
 * both engines, then for each query runs the warm-up and timed runs on each engine, reads both results
 * and compares them. An engine that cannot start, load or run a query is reported per query with its
 * error message; the other engine's figures are still taken.
 *
 * <p>Results with more than {@value #DIGEST_THRESHOLD} rows are compared through a {@link ResultDigest}
 * rather than row by row, so that the comparison's memory does not grow with the result.
 */
final class SuiteRunner {
    static final long DIGEST_THRESHOLD = 200_000;
    private static final int LOAD_BATCH_ROWS = 64 * 1024;

    private final HarnessOptions options;
    private final PrintStream progress;
    private final Supplier<QueryEngine> basaltFactory;
    private final Supplier<QueryEngine> peerFactory;

    /** Basalt against DuckDB, both in this JVM with the options' thread count. */
    SuiteRunner(HarnessOptions options, PrintStream progress) {
        this(options, progress, () -> new BasaltEngine(options.threads()), () -> new DuckDbEngine(options.threads()));
    }

    /** Any two engines in Basalt's and DuckDB's places (tests put fakes there). */
    SuiteRunner(HarnessOptions options, PrintStream progress, Supplier<QueryEngine> basaltFactory,
                Supplier<QueryEngine> peerFactory) {
        this.options = options;
        this.progress = progress;
        this.basaltFactory = basaltFactory;
        this.peerFactory = peerFactory;
    }

    /** A started engine, or the reason it is not available. */
    private static final class Contender {
        final String name;
        final QueryEngine engine;
        String failure;
        long loadNanos;

        Contender(String name, QueryEngine engine, String failure) {
            this.name = name;
            this.engine = engine;
            this.failure = failure;
        }

        boolean live() {
            return engine != null && failure == null;
        }
    }

    SuiteReport run(Suite suite) {
        Contender basalt = start("basalt", basaltFactory);
        Contender duckdb = start("duckdb", peerFactory);
        try {
            long rows = load(suite.tables(), List.of(basalt, duckdb));
            for (String statement : suite.basaltAfterLoad()) {
                if (basalt.live()) {
                    long start = System.nanoTime();
                    try {
                        basalt.engine.run(statement);
                    } catch (RuntimeException e) {
                        basalt.failure = statement + " failed: " + EngineFailure.describe(e);
                    }
                    basalt.loadNanos += System.nanoTime() - start;
                }
            }
            List<QueryOutcome> loads = List.of(
                    loadOutcome(suite, basalt, duckdb, rows));
            List<QueryOutcome> outcomes = new ArrayList<>();
            for (BenchmarkQuery query : suite.queries()) {
                if (options.selects(query.name())) {
                    QueryOutcome outcome = runQuery(query, basalt, duckdb, suite.rowsPerQuery());
                    progress.println("  " + query.name() + ": " + outcome.verdict());
                    outcomes.add(outcome);
                }
            }
            return new SuiteReport(suite.name(), suite.parameters(), options.threads(), options.runs(),
                    options.warmup(), Environment.describe(versionOf(basalt), versionOf(duckdb)), loads, outcomes);
        } finally {
            close(basalt);
            close(duckdb);
        }
    }

    private Contender start(String name, Supplier<QueryEngine> factory) {
        try {
            return new Contender(name, factory.get(), null);
        } catch (RuntimeException | LinkageError e) {
            String reason = EngineFailure.describe(e);
            progress.println(name + " is not available: " + reason);
            return new Contender(name, null, "cannot start: " + reason);
        }
    }

    /** Creates the tables in every live engine and appends each generated batch to each; returns rows. */
    private long load(List<GeneratedTable> tables, List<Contender> contenders) {
        long rows = 0;
        try (BufferAllocator allocator = MemoryRoots.newRoot("harness load", Long.MAX_VALUE)) {
            for (GeneratedTable table : tables) {
                progress.println("loading " + table.name() + " ...");
                for (Contender contender : contenders) {
                    if (contender.live()) {
                        long start = System.nanoTime();
                        try {
                            contender.engine.createTable(table);
                        } catch (RuntimeException e) {
                            contender.failure = "load failed: " + EngineFailure.describe(e);
                        }
                        contender.loadNanos += System.nanoTime() - start;
                    }
                }
                try (GeneratedBatches batches = new GeneratedBatches(table, allocator, LOAD_BATCH_ROWS)) {
                    for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                        rows += batch.getRowCount();
                        for (Contender contender : contenders) {
                            append(contender, table.name(), batch);
                        }
                    }
                }
            }
        }
        // Statistics for the planners, as a user runs ANALYZE after a bulk load; part of the load's time.
        for (Contender contender : contenders) {
            if (contender.live()) {
                long start = System.nanoTime();
                try {
                    contender.engine.run("ANALYZE");
                } catch (RuntimeException e) {
                    contender.failure = "ANALYZE failed: " + EngineFailure.describe(e);
                }
                contender.loadNanos += System.nanoTime() - start;
            }
        }
        for (Contender contender : contenders) {
            if (contender.failure != null) {
                progress.println(contender.name + ": " + contender.failure);
            }
        }
        return rows;
    }

    private static void append(Contender contender, String table, VectorSchemaRoot batch) {
        if (!contender.live()) {
            return;
        }
        long start = System.nanoTime();
        try {
            contender.engine.append(table, batch);
        } catch (RuntimeException e) {
            contender.failure = "load failed: " + EngineFailure.describe(e);
        }
        contender.loadNanos += System.nanoTime() - start;
    }

    private static QueryOutcome loadOutcome(Suite suite, Contender basalt, Contender duckdb, long rows) {
        EngineRun basaltRun = basalt.live() ? EngineRun.timed(new long[] {basalt.loadNanos}) : EngineRun.failed(basalt.failure);
        EngineRun duckdbRun = duckdb.live() ? EngineRun.timed(new long[] {duckdb.loadNanos}) : EngineRun.failed(duckdb.failure);
        String status = !basaltRun.succeeded() ? QueryOutcome.BASALT_ERROR
                : !duckdbRun.succeeded() ? QueryOutcome.DUCKDB_ERROR : QueryOutcome.OK;
        String detail = !basaltRun.succeeded() ? basaltRun.error() : !duckdbRun.succeeded() ? duckdbRun.error() : "";
        return new QueryOutcome("load " + suite.parameters(), basaltRun, duckdbRun, rows, rows, status, detail);
    }

    private QueryOutcome runQuery(BenchmarkQuery query, Contender basalt, Contender duckdb, long rowsRead) {
        long[] resultRows = {-1, -1};
        long[][] curves = new long[2][];
        EngineRun basaltRun = time(basalt, query, resultRows, 0, curves);
        EngineRun duckdbRun = time(duckdb, query, resultRows, 1, curves);
        if (options.curve()) {
            for (int slot = 0; slot < 2; slot++) {
                if (curves[slot] != null) {
                    progress.println(new WarmupCurve(curves[slot], options.runs())
                            .describe(query.name(), slot == 0 ? "basalt" : "duckdb"));
                }
            }
        }
        long rows = resultRows[1] >= 0 ? resultRows[1] : resultRows[0];
        if (!duckdbRun.succeeded() || !basaltRun.succeeded()) {
            String status = !basaltRun.succeeded() ? QueryOutcome.BASALT_ERROR : QueryOutcome.DUCKDB_ERROR;
            String error = !basaltRun.succeeded() ? basaltRun.error() : duckdbRun.error();
            return new QueryOutcome(query.name(), basaltRun, duckdbRun, rows, rowsRead, status, error);
        }
        boolean digest = Math.max(resultRows[0], resultRows[1]) > DIGEST_THRESHOLD;
        ResultTable basaltResult;
        ResultTable duckdbResult;
        try {
            basaltResult = fetch(basalt.engine, query.sql(), digest);
        } catch (RuntimeException e) {
            return new QueryOutcome(query.name(), basaltRun, duckdbRun, rows, rowsRead, QueryOutcome.BASALT_ERROR,
                    "reading the result: " + EngineFailure.describe(e));
        }
        try {
            duckdbResult = fetch(duckdb.engine, query.duckDbSql(), digest);
        } catch (RuntimeException e) {
            return new QueryOutcome(query.name(), basaltRun, duckdbRun, rows, rowsRead, QueryOutcome.DUCKDB_ERROR,
                    "reading the result: " + EngineFailure.describe(e));
        }
        ResultComparator.Comparison comparison =
                ResultComparator.compare(basaltResult, duckdbResult, query.ordered() && !digest);
        if (comparison.matches()) {
            return new QueryOutcome(query.name(), basaltRun, duckdbRun, rows, rowsRead, QueryOutcome.OK,
                    digest ? "compared by digest" : "");
        }
        return new QueryOutcome(query.name(), basaltRun, duckdbRun, rows, rowsRead, QueryOutcome.MISMATCH,
                (digest ? "digest " : "") + comparison.difference());
    }

    /**
     * Warm-up runs, then timed runs; the result's row count goes to {@code resultRows[slot]}. With
     * {@code --curve} the warm-up runs are timed too and every run's time goes to {@code curves[slot]}.
     */
    private EngineRun time(Contender contender, BenchmarkQuery query, long[] resultRows, int slot, long[][] curves) {
        if (!contender.live()) {
            return EngineRun.failed(contender.failure);
        }
        try {
            long[] warmupNanos = new long[options.warmup()];
            for (int i = 0; i < warmupNanos.length; i++) {
                long start = System.nanoTime();
                resultRows[slot] = contender.engine.execute(query.sqlFor(slot));
                warmupNanos[i] = System.nanoTime() - start;
            }
            long[] nanos = new long[options.runs()];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                resultRows[slot] = contender.engine.execute(query.sqlFor(slot));
                nanos[i] = System.nanoTime() - start;
            }
            long[] all = java.util.Arrays.copyOf(warmupNanos, warmupNanos.length + nanos.length);
            System.arraycopy(nanos, 0, all, warmupNanos.length, nanos.length);
            curves[slot] = all;
            return EngineRun.timed(nanos);
        } catch (RuntimeException | OutOfMemoryError e) {
            return EngineRun.failed(EngineFailure.describe(e));
        }
    }

    private static ResultTable fetch(QueryEngine engine, String sql, boolean digest) {
        if (digest) {
            ResultDigest sink = new ResultDigest();
            engine.fetch(sql, sink);
            return sink.table();
        }
        CollectedRows sink = new CollectedRows();
        engine.fetch(sql, sink);
        return sink.table();
    }

    private static String versionOf(Contender contender) {
        return contender.engine == null ? "not available" : contender.engine.version();
    }

    private void close(Contender contender) {
        if (contender.engine != null) {
            try {
                contender.engine.close();
            } catch (RuntimeException e) {
                progress.println("closing " + contender.name + ": " + EngineFailure.describe(e));
            }
        }
    }
}
