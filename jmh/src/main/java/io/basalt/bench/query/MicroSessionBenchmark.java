package io.basalt.bench.query;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.bench.harness.MicroTable;
import io.basalt.datasets.DatasetLoader;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the query benchmarks over the micro table share: an in-memory database with {@link MicroTable} loaded, one
 * session, a query run to its row count (so that the operators, not the client, are measured), and the teardown.
 * Each benchmark keeps its own JMH settings and parameters and calls {@link #open} from its setup.
 */
abstract class MicroSessionBenchmark {
    private Database database;
    private Session session;

    /** Opens a database with {@code config} and loads a micro table of {@code rows} rows. */
    protected void open(BasaltConfig config, long rows) {
        database = Basalt.inMemory(config);
        session = database.connect();
        DatasetLoader.load(session, List.of(new MicroTable(MicroTable.NAME, rows)), DatasetLoader.DEFAULT_BATCH_ROWS);
    }

    protected Session session() {
        return session;
    }

    @TearDown(Level.Trial)
    public void close() {
        if (session != null) {
            session.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Runs {@code sql} and returns its row count. */
    protected long run(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.rowCount();
        }
    }
}
