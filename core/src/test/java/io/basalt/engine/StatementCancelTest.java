package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.spill.SpillDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a running statement ({@link Session#cancel} from another thread) and statement_timeout, as PostgreSQL
 * does: the statement fails with 57014 and PostgreSQL's message, every thread that worked for it has stopped when it
 * fails, its memory is freed (closing the database checks the allocators), the session runs the next statement, and
 * in a transaction block the block is aborted until ROLLBACK, and its spill files are gone. A cancel while nothing runs
 * does nothing.
 */
class StatementCancelTest {
    /** Never ends in a test's time: a cross join of 200,000 rows with itself, summed. */
    private static final String ENDLESS_JOIN = "SELECT sum(a.k + b.k) FROM big a CROSS JOIN big b";
    /** A generate_series source far beyond a test's time, on one thread. */
    private static final String ENDLESS_SERIES = "SELECT sum(g) FROM generate_series(1, 100000000000) g";

    private Database database;
    private Session session;
    private final ExecutorService client = Executors.newSingleThreadExecutor();

    @BeforeEach
    void open() {
        database = Basalt.inMemory(BasaltConfig.defaults().withThreads(2).withParallelRowThreshold(0));
        session = database.connect();
        session.execute("CREATE TABLE big (k bigint)").close();
        session.execute("INSERT INTO big SELECT g FROM generate_series(1, 200000) g").close();
    }

    @AfterEach
    void close() throws InterruptedException {
        client.shutdownNow();
        assertThat(client.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        session.close();
        database.close(); // fails when a query's Arrow memory is still allocated
    }

    @Test
    void cancelStopsEveryThreadOfAParallelJoinAndTheSessionRunsOn() throws Exception {
        Future<?> running = client.submit(() -> session.query(ENDLESS_JOIN).close());
        awaitThreadsExecuting(2, running);

        session.cancel();

        assertCanceled(running, "canceling statement due to user request");
        assertThat(threadsExecuting()).isZero();
        assertThat(single("SELECT count(*) FROM big")).isEqualTo("200000");
    }

    @Test
    void cancelStopsATableFunctionSource() throws Exception {
        Future<?> running = client.submit(() -> session.query(ENDLESS_SERIES).close());
        awaitThreadsExecuting(1, running);

        session.cancel();

        assertCanceled(running, "canceling statement due to user request");
        assertThat(single("SELECT 1")).isEqualTo("1");
    }

    @Test
    void cancelOfASpillingSortRemovesItsSpillFiles(@TempDir Path temporary) throws Exception {
        Path spills = temporary.resolve("spills");
        session.execute("SET memory_limit = '4MB'").close();
        session.execute("SET temp_directory = '" + spills + "'").close();
        long before = SpillDirectory.filesCreated();
        Future<?> running = client.submit(() -> session.query(
                "SELECT g FROM generate_series(1, 100000000000) g ORDER BY g DESC").close());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (SpillDirectory.filesCreated() == before) {
            if (running.isDone()) {
                running.get(); // shows why it ended
                throw new AssertionError("the statement ended before it spilled");
            }
            assertThat(System.nanoTime()).as("the sort never spilled").isLessThan(deadline);
            Thread.sleep(5);
        }

        session.cancel();

        assertCanceled(running, "canceling statement due to user request");
        try (Stream<Path> left = Files.list(spills)) {
            assertThat(left).isEmpty();
        }
        assertThat(single("SELECT count(*) FROM big")).isEqualTo("200000");
    }

    @Test
    void cancelInATransactionBlockAbortsTheBlockUntilRollback() throws Exception {
        session.execute("BEGIN").close();
        session.execute("INSERT INTO big VALUES (0)").close();
        Future<?> running = client.submit(() -> session.query(ENDLESS_JOIN).close());
        awaitThreadsExecuting(2, running);

        session.cancel();

        assertCanceled(running, "canceling statement due to user request");
        assertThatThrownBy(() -> session.query("SELECT 1"))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
        session.execute("ROLLBACK").close();
        assertThat(single("SELECT count(*) FROM big")).isEqualTo("200000");
    }

    @Test
    void cancelWithNoStatementRunningDoesNothing() {
        session.cancel();
        assertThat(single("SELECT count(*) FROM big")).isEqualTo("200000");
        session.execute("BEGIN").close();
        session.cancel();
        assertThat(single("SELECT 2")).isEqualTo("2");
        session.execute("COMMIT").close();
    }

    @Test
    void statementTimeoutCancelsTheStatementAndLaterOnesRunUntilTheirOwnLimit() {
        session.execute("SET statement_timeout = '300ms'").close();
        assertThatThrownBy(() -> session.query(ENDLESS_SERIES).close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
                    assertThat(e.getMessage()).contains("canceling statement due to statement timeout");
                });
        assertThat(single("SELECT count(*) FROM big")).isEqualTo("200000");
        assertThatThrownBy(() -> session.query(ENDLESS_JOIN).close())
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED));
        assertThat(threadsExecuting()).isZero();
        session.execute("SET statement_timeout = 0").close();
        assertThat(single("SELECT sum(g) FROM generate_series(1, 1000000) g")).isEqualTo("500000500000");
    }

    @Test
    void statementTimeoutStopsAnEndlessRecursiveQuery() {
        session.execute("SET statement_timeout = 300").close();
        assertThatThrownBy(() -> session.query("WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t)"
                + " SELECT count(*) FROM t").close())
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.QUERY_CANCELED));
        assertThat(single("SELECT 3")).isEqualTo("3");
    }

    private String single(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static void assertCanceled(Future<?> running, String message) throws InterruptedException {
        try {
            running.get(60, TimeUnit.SECONDS);
            throw new AssertionError("the statement was not cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(BasaltException.class, error -> {
                assertThat(error.sqlState()).isEqualTo(SqlState.QUERY_CANCELED);
                assertThat(error.getMessage()).contains(message);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the statement did not stop within 60 s of its cancel", e);
        }
    }

    /** Waits until {@code count} threads run the statement's pipelines (the client's thread and workers). */
    private static void awaitThreadsExecuting(int count, Future<?> running) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (threadsExecuting() < count) {
            assertThat(running.isDone()).as("the statement ended before it was cancelled").isFalse();
            assertThat(System.nanoTime()).as("the statement never ran on %d threads", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** How many threads have a pipeline of a statement on their stack. */
    private static int threadsExecuting() {
        int count = 0;
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().startsWith("io.basalt.exec.pipeline.")) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
