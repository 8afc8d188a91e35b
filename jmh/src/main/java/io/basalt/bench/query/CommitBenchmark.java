package io.basalt.bench.query;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Durable single-row autocommit INSERTs per second into a database on disk, in Basalt (write-ahead log with
 * group commit, fsync before a commit returns), DuckDB (its WAL, synced on commit) and PostgreSQL (the server of
 * {@link DurableDatabase#POSTGRES_URL}), from as many concurrent sessions as JMH threads ({@code -t 1},
 * {@code -t 8}): each operation is one {@code INSERT INTO t VALUES (n, 'payload n')} in its own transaction.
 * Run e.g. {@code java -jar jmh/target/benchmarks.jar CommitBenchmark -t 8}; without a PostgreSQL server, add
 * {@code -p engine=basalt,duckdb}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class CommitBenchmark {
    @Param({"basalt", "duckdb", "postgres"})
    public String engine;

    private final AtomicLong next = new AtomicLong();
    private DurableDatabase database;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        database = DurableDatabase.open(engine);
        try (DurableDatabase.Client client = database.connect()) {
            database.createTable(client);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        database.close();
    }

    /** One session (Basalt) or connection (DuckDB, PostgreSQL) per benchmark thread. */
    @State(Scope.Thread)
    public static class Connected {
        DurableDatabase.Client client;

        @Setup(Level.Trial)
        public void connect(CommitBenchmark benchmark) {
            client = benchmark.database.connect();
        }

        @TearDown(Level.Trial)
        public void disconnect() {
            client.close();
        }
    }

    @Benchmark
    public long insertAndCommit(Connected connected) {
        long id = next.incrementAndGet();
        return connected.client.execute("INSERT INTO " + database.table() + " VALUES (" + id + ", 'payload " + id + "')");
    }
}
