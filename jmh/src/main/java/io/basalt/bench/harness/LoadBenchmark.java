package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.tpch.LineItemTable;
import io.basalt.exec.memory.MemoryRoots;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.arrow.vector.util.TransferPair;

/**
 * The load suite: bulk-load speed in rows per second. The data (the micro table of N numeric rows, and
 * TPC-H lineitem at a scale factor, strings included) is generated into memory first, so that generation
 * is not timed; then each engine creates a fresh table and takes every batch, Basalt through
 * {@code Session.append} of the Arrow batches, DuckDB through its JDBC appender row by row (the bulk path
 * a JVM user of DuckDB has). Each run's row count is checked with {@code count(*)} on both.
 */
final class LoadBenchmark {
    private static final int BATCH_ROWS = 64 * 1024;

    private final HarnessOptions options;
    private final PrintStream progress;

    LoadBenchmark(HarnessOptions options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    SuiteReport run() {
        List<QueryOutcome> outcomes = new ArrayList<>();
        String basaltVersion = "not available";
        String duckdbVersion = "not available";
        List<GeneratedTable> tables = List.of(
                new MicroTable("load_micro", options.rows()),
                new LineItemTable(options.scaleFactor()));
        try (BufferAllocator allocator = MemoryRoots.newRoot("load benchmark", Long.MAX_VALUE)) {
            for (GeneratedTable table : tables) {
                progress.println("generating " + table.name() + " ...");
                List<VectorSchemaRoot> batches = generate(table, allocator);
                try {
                    long rows = 0;
                    for (VectorSchemaRoot batch : batches) {
                        rows += batch.getRowCount();
                    }
                    String name = table.name() + " " + (table instanceof LineItemTable
                            ? "sf=" + HarnessOptions.formatNumber(options.scaleFactor()) : "rows=" + rows);
                    String[] versions = new String[2];
                    EngineRun basalt = measure(() -> new BasaltEngine(options.threads()), table, batches, rows, versions, 0);
                    EngineRun duckdb = measure(() -> new DuckDbEngine(options.threads()), table, batches, rows, versions, 1);
                    basaltVersion = versions[0] != null ? versions[0] : basaltVersion;
                    duckdbVersion = versions[1] != null ? versions[1] : duckdbVersion;
                    QueryOutcome outcome = outcome(name, basalt, duckdb, rows);
                    progress.println("  " + name + ": " + outcome.verdict());
                    outcomes.add(outcome);
                } finally {
                    for (VectorSchemaRoot batch : batches) {
                        batch.close();
                    }
                }
            }
        }
        return new SuiteReport("load", "sf=" + HarnessOptions.formatNumber(options.scaleFactor()) + " rows="
                + options.rows(), options.threads(), options.runs(), options.warmup(),
                Environment.describe(basaltVersion, duckdbVersion), List.of(), outcomes);
    }

    /** The table's rows as batches of their own; the generator's buffers are taken over, not copied. */
    private static List<VectorSchemaRoot> generate(GeneratedTable table, BufferAllocator allocator) {
        List<VectorSchemaRoot> batches = new ArrayList<>();
        Schema schema = GeneratedBatches.schemaOf(table.columns());
        try (GeneratedBatches generated = new GeneratedBatches(table, allocator, BATCH_ROWS)) {
            for (VectorSchemaRoot batch = generated.next(); batch != null; batch = generated.next()) {
                List<FieldVector> owned = new ArrayList<>();
                for (FieldVector vector : batch.getFieldVectors()) {
                    TransferPair transfer = vector.getTransferPair(allocator);
                    transfer.transfer();
                    owned.add((FieldVector) transfer.getTo());
                }
                batches.add(new VectorSchemaRoot(schema.getFields(), owned, batch.getRowCount()));
            }
        }
        return batches;
    }

    /** Warm-up and timed loads into fresh tables of one engine; the count of the last is checked. */
    private EngineRun measure(Supplier<QueryEngine> factory, GeneratedTable table, List<VectorSchemaRoot> batches,
                              long rows, String[] versions, int slot) {
        QueryEngine engine;
        try {
            engine = factory.get();
        } catch (RuntimeException | LinkageError e) {
            return EngineRun.failed("cannot start: " + EngineFailure.describe(e));
        }
        try {
            versions[slot] = engine.version();
            long[] nanos = new long[options.runs()];
            for (int run = 0; run < options.warmup() + options.runs(); run++) {
                String name = table.name() + "_" + run;
                long start = System.nanoTime();
                engine.createTable(new RenamedTable(table, name));
                for (VectorSchemaRoot batch : batches) {
                    engine.append(name, batch);
                }
                long elapsed = System.nanoTime() - start;
                if (run >= options.warmup()) {
                    nanos[run - options.warmup()] = elapsed;
                }
                CollectedRows count = new CollectedRows();
                engine.fetch("SELECT count(*) FROM " + name, count);
                Object counted = count.table().rows().get(0)[0];
                if (!ResultComparator.valuesMatch(counted, BigDecimal.valueOf(rows))) {
                    return EngineRun.failed("loaded " + counted + " rows of " + rows);
                }
                dropQuietly(engine, name);
            }
            return EngineRun.timed(nanos);
        } catch (RuntimeException | OutOfMemoryError e) {
            return EngineRun.failed(EngineFailure.describe(e));
        } finally {
            engine.close();
        }
    }

    private static void dropQuietly(QueryEngine engine, String table) {
        try {
            engine.run("DROP TABLE " + table);
        } catch (RuntimeException e) {
            // An engine without DROP TABLE keeps the table; the next run uses a new name.
        }
    }

    private static QueryOutcome outcome(String name, EngineRun basalt, EngineRun duckdb, long rows) {
        if (!basalt.succeeded()) {
            return new QueryOutcome(name, basalt, duckdb, rows, rows, QueryOutcome.BASALT_ERROR, basalt.error());
        }
        if (!duckdb.succeeded()) {
            return new QueryOutcome(name, basalt, duckdb, rows, rows, QueryOutcome.DUCKDB_ERROR, duckdb.error());
        }
        return new QueryOutcome(name, basalt, duckdb, rows, rows, QueryOutcome.OK, "");
    }
}
