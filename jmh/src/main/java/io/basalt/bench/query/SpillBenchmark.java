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
 * The cost of spilling: a GROUP BY with about a million groups, a full ORDER BY, two window functions over a
 * thousand partitions and an INTERSECT of the whole table with itself over the micro table ({@link MicroTable},
 * 4 million rows by default, about 100 MB in flight), each run with the default memory budget (all in memory)
 * and with {@code SET memory_limit} well below the data (the hash aggregation's partitions, the sort's and the
 * window's runs, the set operation's held operand go to temporary files). Results are folded into one row, so that the
 * operators, not result materialization, are measured.
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
public class SpillBenchmark extends MicroSessionBenchmark {
    /** The statements, by benchmark. */
    static final String MANY_GROUPS = "SELECT count(*), sum(n), max(t) FROM (SELECT v, count(*) AS n, sum(s) AS t "
            + "FROM micro GROUP BY v) q";
    static final String FULL_SORT = "SELECT v, s FROM micro ORDER BY s, v OFFSET 3999999";
    static final String WINDOW = "SELECT count(*), sum(r), sum(t) FROM (SELECT row_number() OVER (PARTITION BY k1000"
            + " ORDER BY s, v) AS r, sum(v) OVER (PARTITION BY k1000 ORDER BY s, v ROWS BETWEEN 10 PRECEDING AND"
            + " CURRENT ROW) AS t FROM micro) q";
    static final String SET_OPERATION = "SELECT count(*) FROM (SELECT v, k1000 FROM micro INTERSECT"
            + " SELECT v, k17 FROM micro) q";
    static final List<String> ALL = List.of(MANY_GROUPS, FULL_SORT, WINDOW, SET_OPERATION);

    @Param({"4000000"})
    public long rows;

    /** {@code default} (the database's budget: nothing spills) or a {@code memory_limit} value. */
    @Param({"default", "32MB"})
    public String memoryLimit;

    @Setup(Level.Trial)
    public void load() {
        open(BasaltConfig.defaults(), rows);
        if (!memoryLimit.equals("default")) {
            session().execute("SET memory_limit = '" + memoryLimit + "'").close();
        }
    }

    @Benchmark
    public long groupByManyGroups() {
        return run(MANY_GROUPS);
    }

    @Benchmark
    public long orderByWholeTable() {
        return run(FULL_SORT);
    }

    @Benchmark
    public long windowOverThousandPartitions() {
        return run(WINDOW);
    }

    @Benchmark
    public long intersectWholeTable() {
        return run(SET_OPERATION);
    }
}
