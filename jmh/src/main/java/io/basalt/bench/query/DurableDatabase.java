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
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * One durable database for the write benchmarks, in one of three engines: Basalt opened on a directory (its
 * write-ahead log synced before a commit returns), DuckDB on a file (its WAL, synced on commit) or the
 * PostgreSQL server named by the system property {@code basalt.bench.postgres} (a JDBC URL, by default the
 * local server on port 54331 with fsync and synchronous_commit as the server sets them). Each benchmark
 * thread talks through its own {@link Client}: a Basalt session, a duplicate of the DuckDB connection, or its
 * own PostgreSQL connection. PostgreSQL's tables are dropped when the database is closed.
 */
final class DurableDatabase implements AutoCloseable {
    static final String POSTGRES_URL = System.getProperty("basalt.bench.postgres",
            "jdbc:postgresql://localhost:54331/postgres?user=postgres");

    /** Runs statements for one thread. */
    interface Client extends AutoCloseable {
        /** Runs one statement in its own transaction (autocommit) and returns its row count, or 0. */
        long execute(String sql);

        @Override
        void close();
    }

    private final String engine;
    private final Path directory;
    private final Database basalt;
    private final DuckDBConnection duckdb;
    private final Connection postgres;

    private DurableDatabase(String engine, Path directory, Database basalt, DuckDBConnection duckdb,
                            Connection postgres) {
        this.engine = engine;
        this.directory = directory;
        this.basalt = basalt;
        this.duckdb = duckdb;
        this.postgres = postgres;
    }

    /** Opens an empty database of {@code engine} ({@code basalt}, {@code duckdb} or {@code postgres}). */
    static DurableDatabase open(String engine) throws IOException, SQLException {
        Path directory = Files.createTempDirectory("basalt-durable-bench");
        return switch (engine) {
            case "basalt" -> new DurableDatabase(engine, directory, Basalt.open(directory.resolve("bench.basalt")),
                    null, null);
            case "duckdb" -> new DurableDatabase(engine, directory, null, (DuckDBConnection) DriverManager
                    .getConnection("jdbc:duckdb:" + directory.resolve("bench.duckdb")), null);
            case "postgres" -> new DurableDatabase(engine, directory, null, null,
                    DriverManager.getConnection(POSTGRES_URL));
            default -> throw new IllegalArgumentException("unknown engine " + engine);
        };
    }

    String engine() {
        return engine;
    }

    /**
     * The benchmarks' table, {@code t}; in PostgreSQL it lives in the schema {@code basalt_bench}, which closing the
     * database drops.
     */
    String table() {
        return engine.equals("postgres") ? "basalt_bench.t" : "t";
    }

    /** (Re)creates the empty table {@code t (id bigint, payload text)} through {@code client}. */
    void createTable(Client client) {
        if (engine.equals("postgres")) {
            client.execute("CREATE SCHEMA IF NOT EXISTS basalt_bench");
        }
        client.execute("DROP TABLE IF EXISTS " + table());
        client.execute("CREATE TABLE " + table() + " (id bigint, payload " + (engine.equals("duckdb") ? "VARCHAR" : "text")
                + ")");
    }

    /** A client for the calling thread. */
    Client connect() {
        try {
            if (basalt != null) {
                Session session = basalt.connect();
                return new Client() {
                    @Override
                    public long execute(String sql) {
                        try (QueryResult result = session.execute(sql)) {
                            return result.rowCount();
                        }
                    }

                    @Override
                    public void close() {
                        session.close();
                    }
                };
            }
            return jdbcClient(duckdb != null ? duckdb.duplicate() : DriverManager.getConnection(POSTGRES_URL));
        } catch (SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static Client jdbcClient(Connection connection) {
        return new Client() {
            @Override
            public long execute(String sql) {
                try (Statement statement = connection.createStatement()) {
                    return statement.execute(sql) ? 0 : statement.getUpdateCount();
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure);
                }
            }

            @Override
            public void close() {
                try {
                    connection.close();
                } catch (SQLException failure) {
                    throw new IllegalStateException(failure);
                }
            }
        };
    }

    @Override
    public void close() throws IOException, SQLException {
        if (postgres != null) {
            try (Statement statement = postgres.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS basalt_bench CASCADE");
            }
            postgres.close();
        }
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
}
