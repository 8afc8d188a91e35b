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
 * Set operations with several threads configured (threshold lowered so small tables split) give exactly the
 * single-threaded results. Pipelines inside an input (a grouped input's scan and aggregation) run on several
 * workers; the append and the pipelines reading it run on one thread today.
 */
class ParallelSetOperationTest {
    private static final String[] QUERIES = {
            "SELECT count(*), sum(a) FROM (SELECT a FROM data UNION ALL SELECT b FROM data) s",
            "SELECT count(*), sum(a) FROM (SELECT a % 1000 AS a FROM data UNION SELECT b FROM data) s",
            "SELECT g, t FROM data WHERE a % 5 = 0 INTERSECT SELECT g, t FROM data WHERE b > 40 ORDER BY 1, 2",
            "SELECT count(*) FROM (SELECT g, b FROM data INTERSECT ALL SELECT g, b FROM data WHERE a % 2 = 0) s",
            "SELECT b, count(*) FROM (SELECT b FROM data EXCEPT ALL SELECT b FROM data WHERE g < 6) s GROUP BY b"
                    + " ORDER BY b LIMIT 20",
            "SELECT t FROM data EXCEPT SELECT t FROM data WHERE g = 3 ORDER BY t",
            "SELECT g, count(*) FROM data GROUP BY g UNION ALL SELECT g, count(*) FROM data WHERE b < 9 GROUP BY g"
                    + " ORDER BY 1, 2",
    };

    private static List<String> run(BasaltConfig config, int rows) {
        List<String> out = new ArrayList<>();
        try (Database db = Basalt.inMemory(config); Session session = db.connect()) {
            session.execute("CREATE TABLE data (g integer, a bigint, b integer, t text)").close();
            StringBuilder insert = new StringBuilder("INSERT INTO data VALUES ");
            for (int i = 0; i < rows; i++) {
                insert.append(i == 0 ? "" : ", ").append('(').append(i % 13).append(", ").append(i * 7919L % 100_003)
                        .append(", ").append(i % 17 == 0 ? "NULL" : Integer.toString(i % 101)).append(", 'k")
                        .append(i % 29).append("')");
            }
            session.execute(insert.toString()).close();
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
    void parallelResultsEqualSequentialResults(int vectorSize) {
        BasaltConfig base = BasaltConfig.defaults().withVectorSize(vectorSize);
        List<String> sequential = run(base.withThreads(1), 5000);
        List<String> parallel = run(base.withThreads(3).withParallelRowThreshold(0), 5000);
        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.getFirst()).isNotBlank();
    }
}
