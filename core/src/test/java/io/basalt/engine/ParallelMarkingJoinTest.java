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
 * Joins that mark build rows (a LEFT join built on its left input, FULL joins, and semi and anti joins built on
 * their smaller left input: RIGHT_SEMI, RIGHT_ANTI) probed by several workers at once, sharing the build's matched
 * flags, give exactly the rows of a single-threaded run; each query's rows are also checked against an answer
 * computed here from the data's formula.
 */
class ParallelMarkingJoinTest {
    /** {@code few}: 60 keys (some NULL, some without items); {@code items}: 6000 rows over keys 0..79 and NULLs. */
    private static final String[] QUERIES = {
            "SELECT count(*), sum(k) FROM few f WHERE EXISTS (SELECT 1 FROM items i WHERE i.k = f.k)",
            "SELECT count(*), sum(k) FROM few f WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.k = f.k)",
            "SELECT count(*), sum(k) FROM few WHERE k IN (SELECT k FROM items WHERE v % 3 = 0)",
            "SELECT count(*) FROM few f WHERE EXISTS (SELECT 1 FROM items i WHERE i.k = f.k AND i.v > f.k * 100)",
            "SELECT count(*) FROM few f WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.k = f.k AND i.v > f.k * 100)",
            "SELECT f.name, count(i.v) FROM few f LEFT JOIN items i ON i.k = f.k GROUP BY f.name ORDER BY f.name",
            "SELECT count(*), count(f.k), count(i.k) FROM few f FULL JOIN items i ON i.k = f.k",
    };

    private static List<String> run(BasaltConfig config) {
        List<String> out = new ArrayList<>();
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            session.execute("CREATE TABLE few (k integer, name text)").close();
            session.execute("INSERT INTO few SELECT CASE WHEN g % 11 = 0 THEN NULL ELSE g * 2 END, 'n' || g"
                    + " FROM generate_series(1, 60) g").close();
            session.execute("CREATE TABLE items (k integer, v integer)").close();
            session.execute("INSERT INTO items SELECT CASE WHEN g % 97 = 0 THEN NULL ELSE g % 80 END, g"
                    + " FROM generate_series(1, 6000) g").close();
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
            try (QueryResult plan = session.query("EXPLAIN (COSTS OFF) " + QUERIES[0])) {
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
        // keys 2, 4, .., 120 without multiples of 22 (NULL): those under 80 have items
        long matched = 0;
        long matchedSum = 0;
        long unmatched = 0;
        long unmatchedSum = 0;
        for (int g = 1; g <= 60; g++) {
            if (g % 11 == 0) {
                unmatched++;
                continue;
            }
            int k = 2 * g;
            if (k < 80) {
                matched++;
                matchedSum += k;
            } else {
                unmatched++;
                unmatchedSum += k;
            }
        }
        assertThat(sequential.get(0)).isEqualTo(matched + "|" + matchedSum + "|\n");
        assertThat(sequential.get(1)).isEqualTo(unmatched + "|" + unmatchedSum + "|\n");
        assertThat(sequential.get(7)).contains("Hash Right Semi Join");
    }
}
