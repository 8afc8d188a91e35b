package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.spill.SpillDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Window functions and set operations over more data than their memory budget (6MB for windows: a merge of
 * sorted runs holds a batch of every run, each of up to seven columns; 2MB for set operations): the window
 * operator spills its input as sorted runs and computes it a chunk
 * of whole partitions at a time, the append under UNION / INTERSECT / EXCEPT spills the input it holds, and every
 * result equals the in-memory one. The table is random (fixed seeds, several of them), with partitions of very
 * different sizes (many small ones, a few larger than a chunk), NULL partition and order keys, and duplicate
 * order keys; window orderings that could tie end with the unique {@code id}, so that results do not depend on
 * the order in which parallel workers deliver rows.
 */
class WindowSpillTest {
    /** Window queries, run with a 6MB budget: their results are compared as sorted lines (no ORDER BY to spill too). */
    private static final String[] WINDOW_QUERIES = {
            "SELECT id, row_number() OVER (PARTITION BY p ORDER BY o, id), rank() OVER (PARTITION BY p ORDER BY o),"
                    + " dense_rank() OVER (PARTITION BY p ORDER BY o DESC NULLS LAST) FROM r",
            "SELECT id, sum(v) OVER (PARTITION BY p ORDER BY o), count(v) OVER (PARTITION BY p),"
                    + " avg(v) OVER (PARTITION BY p ORDER BY o, id ROWS BETWEEN 3 PRECEDING AND 2 FOLLOWING)"
                    + " FROM r",
            "SELECT id, lag(s) OVER w, lead(v, 2, -1) OVER w, first_value(s) OVER w, last_value(v) OVER w,"
                    + " nth_value(o, 3) OVER w FROM r WINDOW w AS (PARTITION BY q ORDER BY o NULLS FIRST, id)",
            "SELECT id, min(s) OVER (PARTITION BY q ORDER BY id ROWS BETWEEN 10 PRECEDING AND CURRENT ROW),"
                    + " max(d) OVER (PARTITION BY q ORDER BY o RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING),"
                    + " ntile(7) OVER (PARTITION BY q ORDER BY o, id), percent_rank() OVER (PARTITION BY q ORDER BY o),"
                    + " cume_dist() OVER (PARTITION BY q ORDER BY o) FROM r",
            "SELECT p, o, id, array_agg(v) OVER (PARTITION BY p, o ORDER BY id), stddev_samp(d) OVER (PARTITION BY p)"
                    + " FROM r WHERE p IS NOT NULL",
            "SELECT count(*), sum(x), sum(y) FROM (SELECT row_number() OVER (PARTITION BY p ORDER BY id) AS x,"
                    + " sum(v) OVER (PARTITION BY q, p ORDER BY o, id) AS y FROM r) z",
            "SELECT * FROM (SELECT id, p, row_number() OVER (PARTITION BY p ORDER BY o DESC, id) AS n FROM r) z"
                    + " WHERE n <= 2",
    };

    /** Set operations, run with a 2MB budget. */
    private static final String[] SET_QUERIES = {
            "SELECT count(*), sum(a), count(b) FROM (SELECT p AS a, s AS b FROM r UNION SELECT q, s FROM r) z",
            "SELECT count(*), sum(a) FROM (SELECT o AS a, s FROM r INTERSECT ALL SELECT o + 1, s FROM r) z",
            "SELECT count(*), sum(a) FROM (SELECT o AS a, p FROM r EXCEPT SELECT o, q FROM r) z",
            "SELECT count(*), sum(id) FROM (SELECT id, s FROM r UNION ALL SELECT id + 1, s FROM r) z",
    };

    private static void load(Session session, long seed) {
        session.execute("CREATE TABLE r (id integer, p integer, q integer, o integer, v bigint, d double precision,"
                + " s text)").close();
        Random random = new Random(seed);
        int rows = 60000;
        StringBuilder insert = new StringBuilder();
        for (int id = 0; id < rows; id++) {
            if (insert.isEmpty()) {
                insert.append("INSERT INTO r VALUES ");
            } else {
                insert.append(',');
            }
            // p: many small partitions; q: 24 larger ones (each larger than a spilled chunk) and NULL.
            String p = random.nextInt(50) == 0 ? "NULL" : Integer.toString(random.nextInt(400));
            String q = random.nextInt(20) == 0 ? "NULL" : Integer.toString(random.nextInt(24));
            String o = random.nextInt(30) == 0 ? "NULL" : Integer.toString(random.nextInt(200));
            String v = random.nextInt(10) == 0 ? "NULL" : Long.toString(random.nextInt(1_000_000) - 500_000);
            String d = Double.toString(Math.round(random.nextDouble() * 1e6) / 1e3);
            String s = random.nextInt(25) == 0 ? "NULL" : "'t" + Integer.toString(random.nextInt(5000), 36) + "'";
            insert.append('(').append(id).append(',').append(p).append(',').append(q).append(',').append(o)
                    .append(',').append(v).append(',').append(d).append(',').append(s).append(')');
            if (insert.length() > 200_000 || id == rows - 1) {
                session.execute(insert.toString()).close();
                insert.setLength(0);
            }
        }
    }

    /** Each query's rows as text lines, sorted; with {@code mustSpill}, also checks that each query spilled. */
    private static List<String> run(Session session, String[] queries, boolean mustSpill) {
        List<String> out = new ArrayList<>();
        for (String query : queries) {
            long filesBefore = SpillDirectory.filesCreated();
            List<String> lines = new ArrayList<>();
            try (QueryResult result = query(session, query)) {
                if (mustSpill) {
                    assertThat(SpillDirectory.filesCreated()).as("spill files of " + query).isGreaterThan(filesBefore);
                }
                for (long r = 0; r < result.rowCount(); r++) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < result.columns().size(); c++) {
                        line.append(result.getText(r, c)).append('|');
                    }
                    lines.add(line.toString());
                }
            }
            Collections.sort(lines);
            out.add(query + "\n" + String.join("\n", lines));
        }
        return out;
    }

    private static QueryResult query(Session session, String query) {
        try {
            return session.query(query);
        } catch (RuntimeException failure) {
            throw new AssertionError(query, failure);
        }
    }

    @ParameterizedTest
    @CsvSource({"2048, 1, 11", "333, 2, 12", "1000, 1, 13"})
    void spilledWindowsAndSetOperationsEqualInMemoryResults(int vectorSize, int threads, long seed) {
        BasaltConfig config = BasaltConfig.defaults().withVectorSize(vectorSize).withThreads(threads)
                .withParallelRowThreshold(threads > 1 ? 0 : Long.MAX_VALUE);
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            load(session, seed);
            List<String> windowsInMemory = run(session, WINDOW_QUERIES, false);
            List<String> setsInMemory = run(session, SET_QUERIES, false);
            session.execute("SET memory_limit = '6MB'").close();
            List<String> windowsSpilled = run(session, WINDOW_QUERIES, true);
            session.execute("SET memory_limit = '2MB'").close();
            List<String> setsSpilled = run(session, SET_QUERIES, true);
            assertThat(windowsSpilled).as("seed " + seed).containsExactlyElementsOf(windowsInMemory);
            assertThat(setsSpilled).as("seed " + seed).containsExactlyElementsOf(setsInMemory);
            assertThat(SpillDirectory.openDirectories()).isZero();
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }
}
