package io.basalt.bench.query;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.SplittableRandom;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue #8's point lookup: {@code SELECT * FROM t WHERE id = $1} on a table of {@code rows} rows whose {@code id} is
 * the primary key, a different existing key each call, through the Java API (parse, bind, plan, index probe, result
 * materialized). The setup checks that EXPLAIN shows an index scan, so the figure is never a table scan's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class PointLookupBenchmark {
    static final String LOOKUP = "SELECT * FROM t WHERE id = $1";

    @Param({"10000000"})
    public long rows;

    private Database database;
    private Session session;
    private final SplittableRandom random = new SplittableRandom(8);

    @Setup(Level.Trial)
    public void load() {
        BasaltConfig defaults = BasaltConfig.defaults();
        database = Basalt.inMemory(new BasaltConfig(defaults.vectorSize(), 1, defaults.memoryLimit()));
        session = database.connect();
        run("CREATE TABLE t (id bigint PRIMARY KEY, quantity integer, label text)");
        // in statements of a million rows: one statement's rows must fit the query memory limit
        for (long first = 1; first <= rows; first += 1_000_000) {
            long last = Math.min(rows, first + 999_999);
            run("INSERT INTO t SELECT g, (g % 1000)::integer, 'row ' || g FROM generate_series(" + first + ", "
                    + last + ") g");
        }
        StringBuilder plan = new StringBuilder();
        try (QueryResult result = session.query("EXPLAIN SELECT * FROM t WHERE id = 42")) {
            for (long row = 0; row < result.rowCount(); row++) {
                plan.append(result.getText(row, 0)).append('\n');
            }
        }
        if (!plan.toString().contains("Index Scan")) {
            throw new IllegalStateException("the point lookup is not served by the index:\n" + plan);
        }
    }

    private void run(String sql) {
        try (QueryResult ignored = session.execute(sql)) {
            // only the command tag comes back
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        session.close();
        database.close();
    }

    @Benchmark
    public long lookUpOneRowByPrimaryKey() {
        try (QueryResult result = session.query(LOOKUP, 1 + random.nextLong(rows))) {
            return result.rowCount();
        }
    }
}
