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
 * Window functions over the micro table ({@link MicroTable}, 10 million rows by default) in 17 partitions
 * ({@code k17}): a running sum (the default frame), a moving sum and a moving max over ROWS frames (prefix
 * sums and the segment tree), and the top two rows per partition by row_number (the shape of h2o's q8). Each
 * window result is folded into one row by an outer aggregate, so that the window, not result
 * materialization, is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g", "--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class WindowBenchmark extends MicroSessionBenchmark {
    /** The statements, by benchmark; a test runs each once so that they stay valid SQL for Basalt. */
    static final String RUNNING_SUM = "SELECT max(r) FROM (SELECT sum(v) OVER (PARTITION BY k17 ORDER BY s) AS r "
            + "FROM micro) q";
    static final String MOVING_SUM = "SELECT max(r) FROM (SELECT sum(s) OVER (PARTITION BY k17 ORDER BY v "
            + "ROWS BETWEEN 1000 PRECEDING AND 10 FOLLOWING) AS r FROM micro) q";
    static final String MOVING_MAX = "SELECT min(r) FROM (SELECT max(v) OVER (PARTITION BY k17 ORDER BY s "
            + "ROWS BETWEEN 1000 PRECEDING AND CURRENT ROW) AS r FROM micro) q";
    static final String TOP_TWO = "SELECT k17, v FROM (SELECT k17, v, row_number() OVER (PARTITION BY k17 "
            + "ORDER BY v DESC) AS n FROM micro) q WHERE n <= 2";
    static final List<String> ALL = List.of(RUNNING_SUM, MOVING_SUM, MOVING_MAX, TOP_TWO);

    @Param({"10000000"})
    public long rows;

    @Setup(Level.Trial)
    public void load() {
        open(BasaltConfig.defaults(), rows);
    }

    @Benchmark
    public long runningSum() {
        return run(RUNNING_SUM);
    }

    @Benchmark
    public long movingSum() {
        return run(MOVING_SUM);
    }

    @Benchmark
    public long movingMax() {
        return run(MOVING_MAX);
    }

    @Benchmark
    public long topTwoPerPartition() {
        return run(TOP_TWO);
    }
}
