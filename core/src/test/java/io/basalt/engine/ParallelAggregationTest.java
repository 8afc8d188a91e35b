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
 * Aggregations run on several workers (threshold lowered so small tables split) give exactly the results
 * of the single-threaded run: the same groups, counts, exact sums and averages, minima and maxima, also
 * when the workers probe a shared join build on the way, and when they read an aggregation's groups together.
 */
class ParallelAggregationTest {
    private static final String[] QUERIES = {
            "SELECT count(*), sum(a), sum(b), avg(a), min(c), max(c), min(t), max(t), sum(n), max(n) FROM data",
            "SELECT g, count(*), sum(a), avg(b), min(t), max(n), count(c) FROM data GROUP BY g ORDER BY g",
            "SELECT t, sum(a) FROM data WHERE a % 3 = 0 GROUP BY t ORDER BY t",
            "SELECT a % 7 AS k, sum(n * 2), count(*) FROM data WHERE b > 10 GROUP BY a % 7 ORDER BY k",
            "SELECT count(*) FROM data WHERE c IS NULL",
            "SELECT g, count(DISTINCT t), count(DISTINCT b), sum(DISTINCT n) FROM data GROUP BY g ORDER BY g",
            "SELECT label, count(*), sum(a) FROM data JOIN dim ON data.g = dim.g GROUP BY label ORDER BY label",
            "SELECT label, count(*), max(n) FROM data LEFT JOIN dim ON data.g = dim.g WHERE b < 50 GROUP BY label"
                    + " ORDER BY label NULLS FIRST",
            "SELECT count(*), sum(d2.b) FROM data d1 JOIN data d2 ON d1.a = d2.a AND d1.g = d2.g",
            // the groups of an aggregation read by every worker: into another aggregation through a HAVING filter,
            // into a join build (TPC-H Q18's shape), into a top-N sort
            "SELECT count(*), sum(s), max(k) FROM (SELECT a % 1000 AS k, sum(b) AS s FROM data GROUP BY a % 1000"
                    + " HAVING sum(b) > 250) x",
            "SELECT count(*), sum(b) FROM data WHERE a % 1000 IN (SELECT a % 1000 FROM data GROUP BY a % 1000"
                    + " HAVING count(*) > 5)",
            "SELECT k, s FROM (SELECT a % 500 AS k, sum(n) AS s FROM data GROUP BY a % 500) x ORDER BY s DESC, k"
                    + " LIMIT 7",
    };

    private static List<String> run(BasaltConfig config, int rows) {
        List<String> out = new ArrayList<>();
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            session.execute("CREATE TABLE data (g integer, a bigint, b integer, c double precision, t text, n numeric(12,2))")
                    .close();
            StringBuilder insert = new StringBuilder("INSERT INTO data VALUES ");
            for (int i = 0; i < rows; i++) {
                insert.append(i == 0 ? "" : ", ").append('(').append(i % 13).append(", ").append(i * 7919L % 100_003)
                        .append(", ").append(i % 101).append(", ").append(i % 17 == 0 ? "NULL" : Double.toString(i % 50))
                        .append(", 'k").append(i % 29).append("', ").append(i % 997).append('.').append(i % 100).append(')');
            }
            session.execute(insert.toString()).close();
            session.execute("CREATE TABLE dim (g integer, label text)").close();
            session.execute("INSERT INTO dim VALUES (0, 'zero'), (1, 'one'), (2, 'two'), (3, 'three'), (4, 'four'),"
                    + " (5, 'five'), (6, 'six'), (7, 'seven'), (8, 'eight'), (9, 'nine')").close();
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
    @ValueSource(ints = {7, 64, 2048})
    void parallelResultsEqualSequentialResults(int vectorSize) {
        BasaltConfig base = BasaltConfig.defaults().withVectorSize(vectorSize);
        List<String> sequential = run(base.withThreads(1), 5000);
        List<String> parallel = run(base.withThreads(3).withParallelRowThreshold(0), 5000);
        assertThat(parallel).isEqualTo(sequential);
    }
}
