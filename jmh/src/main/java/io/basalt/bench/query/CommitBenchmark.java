package io.basalt.bench.query;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;
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
 * group commit, fsync before a commit returns) and in DuckDB (its WAL, synced on commit), from as many
 * concurrent sessions as JMH threads ({@code -t 1}, {@code -t 8}): each operation is one
 * {@code INSERT INTO t VALUES (n, 'payload n')} in its own transaction. Run e.g.
 * {@code java -jar jmh/target/benchmarks.jar CommitBenchmark -t 8}.
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
    @Param({"basalt", "duckdb"})
    public String engine;

    private final AtomicLong next = new AtomicLong();
    private Path directory;
    private Database basalt;
    private DuckDBConnection duckdb;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        directory = Files.createTempDirectory("basalt-commit-bench");
        if (engine.equals("duckdb")) {
            duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("bench.duckdb"));
            try (Statement statement = duckdb.createStatement()) {
                statement.execute("CREATE TABLE t (id BIGINT, payload VARCHAR)");
            }
        } else {
            basalt = Basalt.open(directory.resolve("bench.basalt"));
            try (Session session = basalt.connect(); QueryResult ignored = session.execute(
                    "CREATE TABLE t (id bigint, payload text)")) {
                // created
            }
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        if (duckdb != null) {
            duckdb.close();
        }
        if (basalt != null) {
            basalt.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One session (Basalt) or connection (DuckDB) per benchmark thread. */
    @State(Scope.Thread)
    public static class Client {
        Session session;
        Connection connection;

        @Setup(Level.Trial)
        public void connect(CommitBenchmark benchmark) throws SQLException {
            if (benchmark.duckdb != null) {
                connection = benchmark.duckdb.duplicate();
            } else {
                session = benchmark.basalt.connect();
            }
        }

        @TearDown(Level.Trial)
        public void disconnect() throws SQLException {
            if (connection != null) {
                connection.close();
            }
            if (session != null) {
                session.close();
            }
        }
    }

    @Benchmark
    public long insertAndCommit(Client client) throws SQLException {
        long id = next.incrementAndGet();
        String sql = "INSERT INTO t VALUES (" + id + ", 'payload " + id + "')";
        if (client.connection != null) {
            try (Statement statement = client.connection.createStatement()) {
                return statement.executeUpdate(sql);
            }
        }
        try (QueryResult result = client.session.execute(sql)) {
            return id;
        }
    }
}
