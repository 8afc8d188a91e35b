package io.basalt.bench.storage;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Selective filter scans over a persisted TPC-H lineitem (loaded, checkpointed and reopened, so every row group is
 * in the data file), with the scan's predicates evaluated on the encoded chunks ({@code encoded = on}) and without
 * ({@code off}: every row group decoded and filtered row by row), through a warm buffer cache ({@code cache =
 * default}) and with none ({@code 0}: every chunk a scan reads is decoded again). The queries: a one-month range of
 * {@code l_shipdate} (frame of reference), {@code l_returnflag = 'R'} (dictionary of 3), a ship mode on a single
 * ship date (dictionary + frame of reference; almost no row group keeps a row), and {@code l_comment LIKE 'x%'}
 * (FSST-style chunks, not evaluated encoded: the control). One thread, so that the scan, not the scheduler, is
 * measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class EncodedFilterBenchmark {
    static final String SHIPDATE_MONTH = "SELECT count(*), sum(l_quantity) FROM lineitem "
            + "WHERE l_shipdate >= DATE '1995-03-01' AND l_shipdate < DATE '1995-04-01'";
    static final String RETURNFLAG = "SELECT count(*), sum(l_extendedprice) FROM lineitem WHERE l_returnflag = 'R'";
    static final String RARE = "SELECT count(*) FROM lineitem WHERE l_shipmode = 'AIR' AND l_shipdate = DATE '1998-12-01'";
    static final String COMMENT_PREFIX = "SELECT count(*) FROM lineitem WHERE l_comment LIKE 'x%'";

    @Param({"0.5"})
    public String scale;

    @Param({"on", "off"})
    public String encoded;

    /** The buffer cache budget in bytes, or {@code default}. */
    @Param({"default", "0"})
    public String cache;

    private Path directory;
    private Database database;
    private Session session;

    @Setup(Level.Trial)
    public void load() throws IOException {
        directory = Files.createTempDirectory("basalt-encoded-filter-");
        BasaltConfig config = new BasaltConfig(BasaltConfig.defaults().vectorSize(), 1,
                BasaltConfig.defaults().memoryLimit());
        try (Database loading = Basalt.open(directory, config); Session loader = loading.connect()) {
            loader.execute("CREATE TABLE lineitem AS SELECT * FROM tpch_lineitem(" + scale + ")").close();
            loader.execute("CHECKPOINT").close();
        }
        System.setProperty("basalt.encoded_predicates", encoded);
        if (!cache.equals("default")) {
            System.setProperty("basalt.buffer_cache_size", cache);
        }
        database = Basalt.open(directory, config);
        session = database.connect();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        session.close();
        database.close();
        System.clearProperty("basalt.encoded_predicates");
        System.clearProperty("basalt.buffer_cache_size");
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private long run(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.rowCount();
        }
    }

    @Benchmark
    public long shipdateMonth() {
        return run(SHIPDATE_MONTH);
    }

    @Benchmark
    public long returnflagR() {
        return run(RETURNFLAG);
    }

    @Benchmark
    public long rareShipmodeAndDate() {
        return run(RARE);
    }

    @Benchmark
    public long commentPrefix() {
        return run(COMMENT_PREFIX);
    }
}
