package io.basalt.bench.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Bulk loading into a database on disk, Basalt against DuckDB and PostgreSQL ({@link DurableDatabase}), one durable
 * transaction per operation into a table created fresh for it: {@code insertSelect} is {@code INSERT INTO t SELECT
 * i, 'payload ' || i FROM generate_series(1, rows)} (DuckDB's {@code range}); {@code insertValues} inserts
 * {@code rows / 1000} statements of 1,000-row VALUES lists in one transaction; {@code copyCsv} is {@code COPY t FROM}
 * a CSV file of {@code csvRows} rows {@code i,payload i} written once per trial (readable by the PostgreSQL server,
 * which reads it itself). Rows per second are {@code rows} divided by the time reported. Run e.g. {@code java -cp 'jmh/target/classes:jmh/target/lib/*'
 * org.openjdk.jmh.Main BulkInsertBenchmark}; without a PostgreSQL server add {@code -p engine=basalt,duckdb}.
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

    @Param({"basalt", "duckdb", "postgres"})
    public String engine;

    @Param({"10000000"})
    public long selectRows;

    @Param({"1000000"})
    public long valuesRows;

    @Param({"10000000"})
    public long csvRows;

    private DurableDatabase database;
    private DurableDatabase.Client client;
    private List<String> valueStatements;
    private Path csv;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        database = DurableDatabase.open(engine);
        client = database.connect();
        valueStatements = new ArrayList<>();
        for (long first = 1; first <= valuesRows; first += VALUES_PER_STATEMENT) {
            StringBuilder sql = new StringBuilder("INSERT INTO " + database.table() + " VALUES ");
            for (long id = first; id < first + VALUES_PER_STATEMENT && id <= valuesRows; id++) {
                sql.append(id == first ? "" : ", ").append('(').append(id).append(", 'payload ").append(id)
                        .append("')");
            }
            valueStatements.add(sql.toString());
        }
    }

    /** The CSV file of {@code copyCsv}, written when the benchmark is {@code copyCsv}. */
    @Setup(Level.Trial)
    public void writeCsv(BenchmarkParams params) throws IOException {
        if (!params.getBenchmark().endsWith("copyCsv")) {
            return;
        }
        csv = Files.createTempFile("basalt-bulk-copy", ".csv",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            for (long i = 1; i <= csvRows; i++) {
                out.append(Long.toString(i)).append(",payload ").append(Long.toString(i)).append('\n');
            }
        }
    }

    @Setup(Level.Invocation)
    public void freshTable() {
        database.createTable(client);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        client.close();
        database.close();
        if (csv != null) {
            Files.deleteIfExists(csv);
        }
    }

    @Benchmark
    public long insertSelect() {
        return client.execute(database.engine().equals("duckdb")
                ? "INSERT INTO t SELECT i, 'payload ' || i FROM range(1, " + (selectRows + 1) + ") AS r(i)"
                : "INSERT INTO " + database.table() + " SELECT i, 'payload ' || i FROM generate_series(1, "
                        + selectRows + ") AS g(i)");
    }

    @Benchmark
    public void insertValues() {
        client.execute("BEGIN");
        for (String statement : valueStatements) {
            client.execute(statement);
        }
        client.execute("COMMIT");
    }

    @Benchmark
    public long copyCsv() {
        return client.execute("COPY " + database.table() + " FROM '" + csv + "' (FORMAT csv)");
    }
}
