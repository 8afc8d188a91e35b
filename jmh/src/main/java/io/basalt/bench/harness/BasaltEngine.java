package io.basalt.bench.harness;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.datasets.CreateTableStatement;
import io.basalt.datasets.GeneratedTable;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Basalt in this JVM, through the Java API, with the harness's thread count: in memory, or in a database directory
 * (the on-disk run, {@link OnDiskTpchRun}).
 */
final class BasaltEngine implements QueryEngine {
    private final Database database;
    private final Session session;

    BasaltEngine(int threads) {
        this(threads, null);
    }

    /** Basalt opened on {@code directory} (null: in memory). */
    BasaltEngine(int threads, java.nio.file.Path directory) {
        BasaltConfig defaults = BasaltConfig.defaults();
        BasaltConfig config = new BasaltConfig(defaults.vectorSize(), threads, defaults.memoryLimit());
        this.database = directory == null ? Basalt.inMemory(config) : Basalt.open(directory, config);
        Session opened;
        try {
            opened = database.connect();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        this.session = opened;
    }

    @Override
    public String name() {
        return "basalt";
    }

    @Override
    public String version() {
        Package own = Basalt.class.getPackage();
        String version = own == null ? null : own.getImplementationVersion();
        return version == null ? "0.1.0-SNAPSHOT" : version;
    }

    @Override
    public void createTable(GeneratedTable table) {
        try (QueryResult ignored = session.execute(CreateTableStatement.of(table))) {
            // Only the command tag comes back.
        }
    }

    @Override
    public void append(String table, VectorSchemaRoot batch) {
        session.append(table, batch);
    }

    @Override
    public void run(String sql) {
        try (QueryResult ignored = session.execute(sql)) {
            // Only the command tag comes back.
        }
    }

    @Override
    public long execute(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.rowCount();
        }
    }

    @Override
    public void fetch(String sql, RowSink sink) {
        try (QueryResult result = session.query(sql)) {
            BasaltResultReader.read(result, sink);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } finally {
            database.close();
        }
    }
}
