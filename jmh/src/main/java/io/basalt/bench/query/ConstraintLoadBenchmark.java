package io.basalt.bench.query;

import java.io.IOException;
import java.sql.SQLException;
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
 * What constraint checking costs a bulk load, Basalt against DuckDB and PostgreSQL on disk ({@link DurableDatabase}):
 * one durable {@code INSERT ... SELECT} of {@code rows} rows into a table created fresh for each operation, either
 * {@code keyed} ({@code child (id bigint PRIMARY KEY, parent bigint REFERENCES parent(id), payload text)}, every row
 * referencing one of the {@code parents} rows of {@code parent}) or {@code plain} (the same columns without
 * constraints), so the difference of the two is the price of the primary key and the foreign key. DuckDB checks both
 * keys too (it has no referential actions). Rows per second are {@code rows} divided by the time reported. Run e.g.
 * {@code java -cp 'jmh/target/classes:jmh/target/lib/*' org.openjdk.jmh.Main ConstraintLoadBenchmark}; without a
 * PostgreSQL server add {@code -p engine=basalt,duckdb}.
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
    "-Darrow.enable_unsafe_memory_access=true", "-Darrow.enable_null_check_for_get=false", "-Xmx12g"})
public class ConstraintLoadBenchmark {
    @Param({"basalt", "duckdb", "postgres"})
    public String engine;

    @Param({"10000000"})
    public long rows;

    @Param({"100000"})
    public long parents;

    private DurableDatabase database;
    private DurableDatabase.Client client;
    private String schema;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        database = DurableDatabase.open(engine);
        client = database.connect();
        schema = engine.equals("postgres") ? "basalt_bench." : "";
        if (engine.equals("postgres")) {
            client.execute("CREATE SCHEMA IF NOT EXISTS basalt_bench");
        }
        client.execute("CREATE TABLE " + schema + "parent (id bigint PRIMARY KEY, name " + text() + ")");
        client.execute("INSERT INTO " + schema + "parent SELECT i, 'parent ' || i FROM " + series(parents));
    }

    @Setup(Level.Invocation)
    public void freshTables() {
        client.execute("DROP TABLE IF EXISTS " + schema + "child");
        client.execute("DROP TABLE IF EXISTS " + schema + "plain");
        client.execute("CREATE TABLE " + schema + "child (id bigint PRIMARY KEY, parent bigint REFERENCES " + schema
                + "parent(id), payload " + text() + ")");
        client.execute("CREATE TABLE " + schema + "plain (id bigint, parent bigint, payload " + text() + ")");
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        client.close();
        database.close();
    }

    private String text() {
        return engine.equals("duckdb") ? "VARCHAR" : "text";
    }

    /** {@code count} rows of one column {@code i} numbered from 1, in the engine's spelling. */
    private String series(long count) {
        return engine.equals("duckdb") ? "range(1, " + (count + 1) + ") AS r(i)"
                : "generate_series(1, " + count + ") AS g(i)";
    }

    @Benchmark
    public long keyed() {
        return client.execute("INSERT INTO " + schema + "child SELECT i, i % " + parents + " + 1, 'payload ' || i FROM "
                + series(rows));
    }

    @Benchmark
    public long plain() {
        return client.execute("INSERT INTO " + schema + "plain SELECT i, i % " + parents + " + 1, 'payload ' || i FROM "
                + series(rows));
    }
}
