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
 * Hash joins whose build side is a scan large enough to be split among workers (threshold lowered) give the rows
 * of the single-threaded run for every join type: the workers' build rows all reach the one hash table, with their
 * NULL keys, duplicates and string columns, also under a memory limit small enough for the build to spill.
 */
class ParallelJoinBuildTest {
    private static final String[] QUERIES = {
            "SELECT count(*), sum(f.v), sum(d.w), count(d.s) FROM small d JOIN facts f ON f.k = d.k",
            "SELECT d.k, count(*), min(f.s), max(f.s) FROM small d JOIN facts f ON f.k = d.k GROUP BY d.k ORDER BY d.k",
            "SELECT count(*), sum(d.w) FROM small d WHERE EXISTS (SELECT 1 FROM facts f WHERE f.k = d.k AND f.v > 50)",
            "SELECT count(*), sum(d.w) FROM small d WHERE NOT EXISTS (SELECT 1 FROM facts f WHERE f.k = d.k AND f.v < 3)",
            "SELECT count(*), count(f.v), count(d.w) FROM small d LEFT JOIN facts f ON f.k = d.k",
            "SELECT count(*), count(f.v), count(d.w) FROM small d FULL JOIN facts f ON f.k = d.k AND f.s = d.s",
            "SELECT count(*), sum(f1.v) FROM facts f1 JOIN facts f2 ON f1.k = f2.k AND f1.s = f2.s WHERE f1.v < 10",
    };

    private static List<String> run(BasaltConfig config, String budget) {
        List<String> out = new ArrayList<>();
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            session.execute("CREATE TABLE facts (k integer, v integer, s text)").close();
            session.execute("INSERT INTO facts SELECT CASE WHEN i % 37 = 0 THEN NULL ELSE i % 1500 END, i % 101,"
                    + " 'text ' || (i % 7) FROM generate_series(1, 30000) AS g(i)").close();
            session.execute("CREATE TABLE small (k integer, w integer, s text)").close();
            session.execute("INSERT INTO small SELECT CASE WHEN i % 11 = 0 THEN NULL ELSE i * 3 END, i,"
                    + " 'text ' || (i % 5) FROM generate_series(1, 700) AS g(i)").close();
            if (budget != null) {
                session.execute(budget).close();
            }
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
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 2048})
    void parallelBuildsJoinLikeSequentialOnes(int vectorSize) {
        BasaltConfig base = BasaltConfig.defaults().withVectorSize(vectorSize);
        List<String> sequential = run(base.withThreads(1), null);
        assertThat(run(base.withThreads(3).withParallelRowThreshold(0), null)).isEqualTo(sequential);
        assertThat(run(base.withThreads(3).withParallelRowThreshold(0), "SET memory_limit = '2MB'"))
                .isEqualTo(sequential);
    }
}
