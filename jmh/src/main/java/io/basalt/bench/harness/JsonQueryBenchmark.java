package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.exec.memory.MemoryRoots;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSONB filters over {@link JsonDocumentTable} (1 million documents by default) in Basalt and in DuckDB's
 * json extension ({@code engine} = basalt or duckdb, same documents, DuckDB's stored as JSON text): the
 * seeds' extraction filter {@code doc->>'brand' = 'brand-7'} and containment filter {@code doc @> ...}
 * (DuckDB: {@code json_contains}). Both count, so that the filter and not result transfer is measured. The
 * whole json suite, with result checks, runs through {@code ./bench json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class JsonQueryBenchmark {
    static final String EXTRACT_EQUALS = "SELECT count(*) FROM docs WHERE doc->>'brand' = 'brand-7'";
    static final String CONTAINS = "SELECT count(*) FROM docs WHERE doc @> '{\"brand\": \"brand-7\"}'";
    static final String DUCKDB_CONTAINS = "SELECT count(*) FROM docs WHERE json_contains(doc, '{\"brand\": \"brand-7\"}')";

    @Param({"1000000"})
    public long rows;

    @Param({"basalt", "duckdb"})
    public String engine;

    @Param({"1"})
    public int threads;

    private QueryEngine queries;

    @Setup(Level.Trial)
    public void load() {
        queries = engine.equals("duckdb") ? new DuckDbEngine(threads) : new BasaltEngine(threads);
        JsonDocumentTable table = new JsonDocumentTable(rows);
        queries.createTable(table);
        try (BufferAllocator allocator = MemoryRoots.newRoot("json benchmark load", Long.MAX_VALUE);
             GeneratedBatches batches = new GeneratedBatches(table, allocator, 65_536)) {
            for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                queries.append(table.name(), batch);
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        if (queries != null) {
            queries.close();
        }
    }

    @Benchmark
    public long extractEquals() {
        return queries.execute(EXTRACT_EQUALS);
    }

    @Benchmark
    public long contains() {
        return queries.execute(engine.equals("duckdb") ? DUCKDB_CONTAINS : CONTAINS);
    }
}
