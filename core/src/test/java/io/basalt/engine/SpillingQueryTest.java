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
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.spill.SpillDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries over several times more data than their memory budget ({@code SET memory_limit = '2MB'}) complete by
 * spilling (external sort, partitioned hash aggregation, grace hash join of every type) and return exactly the
 * rows they return with the default budget; spill files are gone afterwards and no Arrow memory is left. A
 * query whose operator cannot spill (a window over one large partition) fails with 53200, and its session and
 * other sessions keep working.
 */
class SpillingQueryTest {
    private static final String SMALL_BUDGET = "SET memory_limit = '2MB'";

    private static final String[] QUERIES = {
            "SELECT a, b, c FROM t ORDER BY a DESC, b",
            "SELECT b, c FROM t ORDER BY b NULLS FIRST, c DESC LIMIT 50 OFFSET 1000",
            "SELECT b, count(*), sum(c), min(a), max(a), avg(c) FROM t GROUP BY b ORDER BY b",
            "SELECT a, b, count(DISTINCT c), sum(c) FILTER (WHERE c % 2 = 0) FROM t GROUP BY a, b ORDER BY a, b",
            "SELECT count(*), sum(n), sum(s) FROM (SELECT c % 30011 AS k, count(*) AS n, sum(a) AS s FROM t"
                    + " GROUP BY c % 30011) x",
            "SELECT t.c, t.b, u.s FROM t JOIN u ON t.c = u.k ORDER BY t.c, u.s",
            "SELECT count(*), sum(t.c), count(u.s), count(t.b) FROM t LEFT JOIN u ON t.c = u.k",
            "SELECT count(*), sum(u.k), count(u.s), count(t.b) FROM t RIGHT JOIN u ON t.c = u.k",
            "SELECT count(*), sum(u.k), sum(t.c), count(u.s), count(t.b) FROM t FULL JOIN u ON t.c = u.k",
            "SELECT count(*), sum(c) FROM t WHERE c IN (SELECT k FROM u)",
            "SELECT count(*), sum(c) FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.k = t.c)",
            "SELECT count(*), sum(t.c) FROM t JOIN u ON t.c = u.k AND t.a > u.k % 1000",
    };

    private static Session open(Database db) {
        Session session = db.connect();
        session.execute("CREATE TABLE t AS SELECT (i * 7919) % 100003 AS a,"
                + " CASE WHEN i % 97 = 0 THEN NULL ELSE 'row ' || (i % 40000) END AS b, i AS c"
                + " FROM generate_series(1, 80000) i").close();
        session.execute("CREATE TABLE u AS SELECT i * 3::bigint AS k, 'right ' || i AS s FROM generate_series(1, 80000) i")
                .close();
        session.execute("INSERT INTO t VALUES (NULL, NULL, NULL)").close();
        session.execute("INSERT INTO u VALUES (NULL, 'null key')").close();
        return session;
    }

    /** Each query's rows as text; with {@code mustSpill}, also checks that each query wrote spill files. */
    private static List<String> run(Session session, boolean mustSpill) {
        List<String> out = new ArrayList<>();
        for (String query : QUERIES) {
            long filesBefore = SpillDirectory.filesCreated();
            try (QueryResult result = session.query(query)) {
                if (mustSpill) {
                    assertThat(SpillDirectory.filesCreated()).as("spill files of " + query).isGreaterThan(filesBefore);
                }
                StringBuilder text = new StringBuilder(query).append('\n');
                for (long r = 0; r < result.rowCount(); r++) {
                    for (int c = 0; c < result.columns().size(); c++) {
                        text.append(result.getText(r, c)).append('|');
                    }
                    text.append('\n');
                }
                out.add(text.toString());
            }
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"2048, 1", "333, 2"})
    void spilledResultsEqualInMemoryResults(int vectorSize, int threads) {
        BasaltConfig config = BasaltConfig.defaults().withVectorSize(vectorSize).withThreads(threads)
                .withParallelRowThreshold(threads > 1 ? 0 : Long.MAX_VALUE);
        try (Database db = Basalt.inMemory(config); Session session = open(db)) {
            List<String> inMemory = run(session, false);
            session.execute(SMALL_BUDGET).close();
            List<String> spilled = run(session, true);
            for (int q = 0; q < QUERIES.length; q++) {
                assertThat(spilled.get(q)).as(QUERIES[q]).isEqualTo(inMemory.get(q));
            }
            assertThat(SpillDirectory.openDirectories()).isZero();
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }

    @Test
    void operatorThatCannotSpillFailsWithOutOfMemoryAndSessionsSurvive() throws Exception {
        String window = "SELECT sum(d) FROM (SELECT c - lag(c) OVER (ORDER BY a, b, c) AS d FROM t) x";
        try (Database db = Basalt.inMemory(BasaltConfig.defaults()); Session session = open(db);
             Session other = db.connect()) {
            String expected = text(session, window);
            session.execute(SMALL_BUDGET).close();
            ExecutorService background = Executors.newSingleThreadExecutor();
            try {
                Future<String> concurrent = background.submit(() -> {
                    String last = null;
                    for (int i = 0; i < 5; i++) {
                        last = text(other, "SELECT count(*), sum(c) FROM t WHERE a % 3 = 0");
                    }
                    return last;
                });
                assertThatThrownBy(() -> session.query(window))
                        .isInstanceOfSatisfying(BasaltException.class, failure -> {
                            assertThat(failure.sqlState()).isEqualTo(SqlState.OUT_OF_MEMORY);
                            assertThat(failure.getMessage()).isEqualTo("out of memory");
                            assertThat(failure.detail()).contains("memory_limit is 2MB");
                        });
                assertThat(concurrent.get()).isEqualTo(text(other, "SELECT count(*), sum(c) FROM t WHERE a % 3 = 0"));
            } finally {
                background.shutdown();
            }
            // The session goes on; in a transaction block the failure aborts the transaction as any error does.
            assertThat(text(session, "SELECT count(*) FROM t")).isEqualTo("80001|");
            session.execute("BEGIN").close();
            assertThatThrownBy(() -> session.query(window)).isInstanceOf(BasaltException.class);
            assertThatThrownBy(() -> session.query("SELECT 1"))
                    .isInstanceOfSatisfying(BasaltException.class, failure ->
                            assertThat(failure.sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
            session.execute("ROLLBACK").close();
            session.execute("RESET memory_limit").close();
            assertThat(text(session, window)).isEqualTo(expected);
            assertThat(text(other, "SHOW memory_limit")).isNotEqualTo("2MB|");
            assertThat(SpillDirectory.openDirectories()).isZero();
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }

    private static String text(Session session, String query) {
        try (QueryResult result = session.query(query)) {
            StringBuilder text = new StringBuilder();
            for (long r = 0; r < result.rowCount(); r++) {
                for (int c = 0; c < result.columns().size(); c++) {
                    text.append(result.getText(r, c)).append('|');
                }
            }
            return text.toString();
        }
    }
}
