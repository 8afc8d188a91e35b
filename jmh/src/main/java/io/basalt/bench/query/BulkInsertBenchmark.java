package io.basalt.bench.query;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Bulk loading into a database on disk, Basalt against DuckDB, one durable transaction per operation into a table
 * created fresh for it: {@code insertSelect} is {@code INSERT INTO t SELECT i, 'payload ' || i FROM
 * generate_series(1, rows)} (DuckDB's {@code range}); {@code insertValues} inserts {@code rows / 1000} statements of
 * 1,000-row VALUES lists in one transaction. Rows per second are {@code rows} divided by the time reported. Run e.g.
 * {@code java -cp 'jmh/target/classes:jmh/target/lib/*' org.openjdk.jmh.Main BulkInsertBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
    "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false"})
public class BulkInsertBenchmark {
    private static final int VALUES_PER_STATEMENT = 1000;

    @Param({"basalt", "duckdb"})
    public String engine;

    @Param({"10000000"})
    public long selectRows;

    @Param({"1000000"})
    public long valuesRows;

    private Path directory;
    private Database basalt;
    private Session session;
    private DuckDBConnection duckdb;
    private List<String> valueStatements;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        directory = Files.createTempDirectory("basalt-bulk-bench");
        if (engine.equals("duckdb")) {
            duckdb = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("bench.duckdb"));
        } else {
            basalt = Basalt.open(directory.resolve("bench.basalt"));
            session = basalt.connect();
        }
        valueStatements = new ArrayList<>();
        for (long first = 1; first <= valuesRows; first += VALUES_PER_STATEMENT) {
            StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
            for (long id = first; id < first + VALUES_PER_STATEMENT && id <= valuesRows; id++) {
                sql.append(id == first ? "" : ", ").append('(').append(id).append(", 'payload ").append(id)
                        .append("')");
            }
            valueStatements.add(sql.toString());
        }
    }

    @Setup(Level.Invocation)
    public void freshTable() throws SQLException {
        run("DROP TABLE IF EXISTS t");
        run("CREATE TABLE t (id bigint, payload " + (duckdb != null ? "VARCHAR" : "text") + ")");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        if (duckdb != null) {
            duckdb.close();
        }
        if (session != null) {
            session.close();
            basalt.close();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Benchmark
    public void insertSelect() throws SQLException {
        run(duckdb != null
                ? "INSERT INTO t SELECT i, 'payload ' || i FROM range(1, " + (selectRows + 1) + ") AS r(i)"
                : "INSERT INTO t SELECT i, 'payload ' || i FROM generate_series(1, " + selectRows + ") AS i");
    }

    @Benchmark
    public void insertValues() throws SQLException {
        run("BEGIN");
        for (String statement : valueStatements) {
            run(statement);
        }
        run("COMMIT");
    }

    private void run(String sql) throws SQLException {
        if (duckdb != null) {
            try (Statement statement = duckdb.createStatement()) {
                statement.execute(sql);
            }
            return;
        }
        try (QueryResult ignored = session.execute(sql)) {
            // done
        }
    }
}
