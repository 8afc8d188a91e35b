package io.basalt.bench.query;

import io.basalt.api.BasaltConfig;
import io.basalt.bench.harness.MicroTable;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole queries through Basalt's Java API over the micro table ({@code v} BIGINT, {@code s} INTEGER in
 * [0, 10,000), {@code k17}, {@code k1000} group keys; see {@link MicroTable}), one operator in the lead of
 * each: filter, hash aggregate with few and with many groups, top-N and full sort. The result is read
 * whole (the API materializes it), so materialization counts. The side-by-side figures against DuckDB come
 * from {@code CompareMain}; these are for profiling one operator at a time.
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
public class QueryBenchmark extends MicroSessionBenchmark {
    /** The statements, by benchmark; a test runs each once so that they stay valid SQL for Basalt. */
    static final String FILTER_SUM = "SELECT sum(v) FROM micro WHERE s < 100";
    static final String FILTER_COUNT_HALF = "SELECT count(*) FROM micro WHERE s < 5000";
    static final String AGGREGATE_17 = "SELECT k17, sum(v), count(*), min(v), max(v) FROM micro GROUP BY k17";
    static final String AGGREGATE_1000 = "SELECT k1000, sum(v), avg(v) FROM micro GROUP BY k1000";
    static final String TOP_100 = "SELECT v, s FROM micro ORDER BY v DESC, s LIMIT 100";
    static final String SORT_FILTERED = "SELECT v, s FROM micro WHERE s < 1000 ORDER BY v, s";
    static final List<String> ALL = List.of(FILTER_SUM, FILTER_COUNT_HALF, AGGREGATE_17, AGGREGATE_1000, TOP_100,
            SORT_FILTERED);

    @Param({"1000000"})
    public long rows;

    @Param({"1"})
    public int threads;

    @Setup(Level.Trial)
    public void load() {
        BasaltConfig defaults = BasaltConfig.defaults();
        open(new BasaltConfig(defaults.vectorSize(), threads, defaults.memoryLimit()), rows);
    }

    @Benchmark
    public long filterOnePercentThenSum() {
        return run(FILTER_SUM);
    }

    @Benchmark
    public long filterHalfThenCount() {
        return run(FILTER_COUNT_HALF);
    }

    @Benchmark
    public long aggregateSeventeenGroups() {
        return run(AGGREGATE_17);
    }

    @Benchmark
    public long aggregateThousandGroups() {
        return run(AGGREGATE_1000);
    }

    @Benchmark
    public long topHundred() {
        return run(TOP_100);
    }

    @Benchmark
    public long sortTenPercent() {
        return run(SORT_FILTERED);
    }
}
