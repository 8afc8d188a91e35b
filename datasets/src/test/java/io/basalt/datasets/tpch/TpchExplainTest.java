package io.basalt.datasets.tpch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plans of the 22 TPC-H queries as golden text: TPC-H SF 0.01 is loaded and analyzed, and each query's
 * {@code EXPLAIN (COSTS OFF)} is compared with {@code explain/qNN.txt} beside this class in the test resources,
 * so that a change to the optimizer that changes a join order shows in review. The queries are read from the
 * shared conformance corpus ({@code conformance/tpch_answers/queries}). With the system property
 * {@code basalt.regenerate.golden=true} the test writes the files instead of comparing
 * ({@code ./mvnw -pl datasets -am test -Dtest=TpchExplainTest -Dbasalt.regenerate.golden=true
 * -Dsurefire.failIfNoSpecifiedTests=false}). To see the plans at another scale (the join order can differ:
 * SF 1's Q16 is not SF 0.01's), {@code -Dbasalt.explain.sf=1 -Dbasalt.explain.out=DIR} writes them to DIR
 * instead of comparing.
 */
class TpchExplainTest {
    private static final Path GOLDEN = Path.of("src/test/resources/io/basalt/datasets/tpch/explain");
    private static Database database;
    private static Session session;

    @BeforeAll
    static void load() {
        database = Basalt.inMemory();
        session = database.connect();
        TpchLoader.load(session, Double.parseDouble(System.getProperty("basalt.explain.sf", "0.01")), 4093);
        try (QueryResult ignored = session.execute("ANALYZE")) {
            // gathers the statistics the join order is chosen by
        }
    }

    @AfterAll
    static void close() {
        session.close();
        database.close();
    }

    static List<String> queries() {
        List<String> names = new ArrayList<>();
        for (int number = 1; number <= 22; number++) {
            names.add(String.format("q%02d", number));
        }
        return names;
    }

    @ParameterizedTest
    @MethodSource("queries")
    void planMatchesTheGoldenFile(String name) throws IOException {
        String shared = System.getProperty("basalt.shared.dir");
        assumeTrue(shared != null, "basalt.shared.dir is not set");
        Path query = Path.of(shared, "conformance", "tpch_answers", "queries", name + ".sql");
        assumeTrue(Files.isRegularFile(query), "no TPC-H query at " + query);
        String sql = Files.readString(query, StandardCharsets.UTF_8).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        StringBuilder plan = new StringBuilder();
        try (QueryResult result = session.execute("EXPLAIN (COSTS OFF) " + sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                plan.append(result.getText(row, 0)).append('\n');
            }
        }
        String out = System.getProperty("basalt.explain.out");
        if (out != null) {
            Files.createDirectories(Path.of(out));
            Files.writeString(Path.of(out, name + ".txt"), plan.toString(), StandardCharsets.UTF_8);
            return;
        }
        Path golden = GOLDEN.resolve(name + ".txt");
        if (Boolean.getBoolean("basalt.regenerate.golden")) {
            Files.writeString(golden, plan.toString(), StandardCharsets.UTF_8);
            return;
        }
        assertThat(golden).as("golden plan (regenerate with -Dbasalt.regenerate.golden=true)").exists();
        assertThat(plan.toString()).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
