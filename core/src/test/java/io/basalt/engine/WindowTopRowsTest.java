package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.exec.memory.MemoryRoots;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Top rows per partition ({@code WHERE rn <= k} over row_number, rank or dense_rank) against the full window
 * computation: each query runs once as written, which the planner turns into a window with a row limit, and once
 * with the ranking compared through {@code + 0}, which it does not recognise, so that every row is sorted and
 * numbered. The results (as sorted lines) must be equal. The table is random (fixed seeds): NULL and duplicate
 * partition and order keys, integer, text and double keys, one or two partition keys, ASC/DESC and NULLS
 * FIRST/LAST, k from 1 to larger than most partitions; odd vector sizes and several threads make the sinks
 * narrow their rows many times and merge parallel workers' survivors.
 */
class WindowTopRowsTest {
    /** Windows, each with its partition and order columns (what a row_number filter's result depends on). */
    private static final String[][] WINDOWS = {
            {"PARTITION BY p ORDER BY o DESC", "p, o"},
            {"PARTITION BY p ORDER BY o NULLS FIRST", "p, o"},
            {"PARTITION BY q, p ORDER BY d DESC NULLS LAST", "q, p, d"},
            {"PARTITION BY s ORDER BY o, d", "s, o, d"},
            {"PARTITION BY s, q ORDER BY s DESC, o DESC NULLS FIRST", "s, q, o"},
            {"ORDER BY o DESC", "o"},
            {"PARTITION BY p", "p"},
            {"PARTITION BY q ORDER BY s NULLS FIRST", "q, s"},
    };

    private static final String[] FUNCTIONS = {"row_number()", "rank()", "dense_rank()"};

    private static final String[] FILTERS = {"n <= 1", "n <= 3", "n < 3", "n = 1", "2 >= n", "n <= 40"};

    private static void load(Session session, long seed) {
        session.execute("CREATE TABLE r (id integer, p integer, q integer, o integer, d double precision, s text)")
                .close();
        Random random = new Random(seed);
        int rows = 20000;
        StringBuilder insert = new StringBuilder();
        for (int id = 0; id < rows; id++) {
            insert.append(insert.isEmpty() ? "INSERT INTO r VALUES " : ",");
            String p = random.nextInt(40) == 0 ? "NULL" : Integer.toString(random.nextInt(700));
            String q = random.nextInt(15) == 0 ? "NULL" : Integer.toString(random.nextInt(5));
            String o = random.nextInt(12) == 0 ? "NULL" : Integer.toString(random.nextInt(60));
            String d = random.nextInt(20) == 0 ? "NULL" : Double.toString(random.nextInt(300) / 4.0);
            String s = random.nextInt(25) == 0 ? "NULL" : "'t" + Integer.toString(random.nextInt(3000), 36) + "'";
            insert.append('(').append(id).append(',').append(p).append(',').append(q).append(',').append(o)
                    .append(',').append(d).append(',').append(s).append(')');
            if (insert.length() > 200_000 || id == rows - 1) {
                session.execute(insert.toString()).close();
                insert.setLength(0);
            }
        }
    }

    private static List<String> lines(Session session, String query) {
        List<String> lines = new ArrayList<>();
        try (QueryResult result = session.query(query)) {
            for (long r = 0; r < result.rowCount(); r++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < result.columns().size(); c++) {
                    line.append(result.getText(r, c)).append('|');
                }
                lines.add(line.toString());
            }
        } catch (RuntimeException failure) {
            throw new AssertionError(query, failure);
        }
        Collections.sort(lines);
        return lines;
    }

    @ParameterizedTest
    @CsvSource({"2048, 1, 21", "7, 2, 22", "333, 3, 23", "64, 2, 24"})
    void topRowsPerPartitionEqualTheFullWindow(int vectorSize, int threads, long seed) {
        BasaltConfig config = BasaltConfig.defaults().withVectorSize(vectorSize).withThreads(threads)
                .withParallelRowThreshold(threads > 1 ? 0 : Long.MAX_VALUE);
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            load(session, seed);
            Random random = new Random(seed);
            int nonEmpty = 0;
            for (String[] window : WINDOWS) {
                for (String function : FUNCTIONS) {
                    String filter = FILTERS[random.nextInt(FILTERS.length)];
                    // the other ranking functions ride along: their values on the kept rows must not change
                    String inner = "SELECT id, p, q, o, d, s, " + function + " OVER w AS n, rank() OVER w AS r,"
                            + " dense_rank() OVER w AS dr, row_number() OVER w AS rn FROM r WINDOW w AS ("
                            + window[0] + ")";
                    // which of several peers gets a row number depends on the order rows arrive (threads): under
                    // a row_number filter compare the keys, not the rows; rank filters keep all peers
                    String columns = (function.equals("row_number()") ? window[1] : "id, " + window[1])
                            + ", n, r, dr";
                    String limited = "SELECT " + columns + " FROM (" + inner + ") z WHERE " + filter;
                    String full = "SELECT " + columns + " FROM (" + inner + ") z WHERE "
                            + filter.replace("n ", "n + 0 ").replace(" n", " n + 0");
                    List<String> expected = lines(session, full);
                    nonEmpty += expected.isEmpty() ? 0 : 1;
                    assertThat(lines(session, limited)).as(limited).containsExactlyElementsOf(expected);
                }
            }
            assertThat(nonEmpty).isEqualTo(WINDOWS.length * FUNCTIONS.length);
        }
        assertThat(MemoryRoots.openRoots()).isEmpty();
    }
}
