package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Nested-loop joins (no equality to hash on) probed by several workers of a parallel pipeline, each over the shared
 * build rows, give exactly the rows of a single-threaded run: inner, LEFT, SEMI and ANTI joins on an inequality, and
 * TPC-H Q16's shape, where {@code NOT IN (subquery)} keeps its NULL semantics through a nested loop over the
 * subquery's counts. Some answers are also checked against values computed here from the data's formula.
 */
class ParallelNestedLoopJoinTest {
    /** {@code big}: 5000 rows, k = g % 100 (NULL every 89th row); {@code small}: 12 rows, k = 0, 9, .., 99 and NULL. */
    private static final String[] QUERIES = {
            "SELECT count(*), sum(b.k) FROM big b JOIN small s ON b.k < s.k",
            "SELECT count(*), count(s.k) FROM big b LEFT JOIN small s ON b.k > s.k + 90",
            "SELECT count(*) FROM big b WHERE EXISTS (SELECT 1 FROM small s WHERE b.k > s.k + 50)",
            "SELECT count(*) FROM big b WHERE NOT EXISTS (SELECT 1 FROM small s WHERE b.k > s.k + 50)",
            "SELECT count(*), sum(k) FROM big WHERE k NOT IN (SELECT k FROM small WHERE k IS NOT NULL)",
            "SELECT count(*) FROM big WHERE k NOT IN (SELECT k FROM small)",
            "SELECT k % 10, count(DISTINCT v) FROM big WHERE v NOT IN (SELECT k FROM small WHERE k > 40)"
                    + " GROUP BY k % 10 ORDER BY 1",
    };

    private static List<String> run(BasaltConfig config) {
        List<String> out = new ArrayList<>();
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            session.execute("CREATE TABLE big (k integer, v integer)").close();
            session.execute("INSERT INTO big SELECT CASE WHEN g % 89 = 0 THEN NULL ELSE g % 100 END, g % 61"
                    + " FROM generate_series(1, 5000) g").close();
            session.execute("CREATE TABLE small (k integer)").close();
            session.execute("INSERT INTO small SELECT g * 9 FROM generate_series(0, 10) g").close();
            session.execute("INSERT INTO small VALUES (NULL)").close();
            for (String query : QUERIES) {
                try (QueryResult result = session.query(query)) {
                    StringBuilder text = new StringBuilder();
                    for (long r = 0; r < result.rowCount(); r++) {
                        for (int c = 0; c < result.columns().size(); c++) {
                            text.append(result.getText(r, c)).append('|');
                        }
                        text.append('\n');
                    }
                    out.add(text.toString());
                }
            }
            try (QueryResult plan = session.query("EXPLAIN (COSTS OFF) " + QUERIES[5])) {
                StringBuilder text = new StringBuilder();
                for (long r = 0; r < plan.rowCount(); r++) {
                    text.append(plan.getText(r, 0)).append('\n');
                }
                out.add(text.toString());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 2048})
    void parallelResultsEqualSequentialResults(int vectorSize) {
        BasaltConfig base = BasaltConfig.defaults().withVectorSize(vectorSize);
        List<String> sequential = run(base.withThreads(1));
        List<String> parallel = run(base.withThreads(3).withParallelRowThreshold(0));
        assertThat(parallel).isEqualTo(sequential);
        long pairs = 0;
        long pairSum = 0;
        long notIn = 0;
        long notInSum = 0;
        for (int g = 1; g <= 5000; g++) {
            if (g % 89 == 0) {
                continue;
            }
            int k = g % 100;
            for (int s = 0; s <= 90; s += 9) {
                if (k < s) {
                    pairs++;
                    pairSum += k;
                }
            }
            if (k % 9 != 0 || k > 90) {
                notIn++;
                notInSum += k;
            }
        }
        assertThat(sequential.get(0)).isEqualTo(pairs + "|" + pairSum + "|\n");
        assertThat(sequential.get(4)).isEqualTo(notIn + "|" + notInSum + "|\n");
        // NOT IN over a list holding a NULL is never true
        assertThat(sequential.get(5)).isEqualTo("0|\n");
        assertThat(sequential.get(QUERIES.length)).contains("Nested Loop");
    }
}
