package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN of set operations. UNION and UNION ALL print as PostgreSQL 15's {@code EXPLAIN (COSTS OFF)} does
 * for the same statements; INTERSECT and EXCEPT show Basalt's own plan (a counting aggregation over the
 * append, where PostgreSQL shows a HashSetOp node), checked here only for its append of both inputs.
 */
class SetOperationExplainTest {
    private Database database;
    private Session session;

    @BeforeEach
    void createTables() {
        database = Basalt.inMemory();
        session = database.connect();
        session.execute("CREATE TABLE big (id integer, name text)").close();
        session.execute("CREATE TABLE small (id integer, big_id integer, note text)").close();
        session.execute("CREATE TABLE third (k integer)").close();
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void unionIsAHashAggregateOverAnAppend() {
        assertThat(explain("SELECT id FROM big UNION SELECT id FROM small")).isEqualTo("""
                HashAggregate
                  Group Key: big.id
                  ->  Append
                        ->  Seq Scan on big
                        ->  Seq Scan on small""");
    }

    @Test
    void unionAllIsAnAppend() {
        assertThat(explain("SELECT id FROM big UNION ALL SELECT big_id FROM small ORDER BY 1")).isEqualTo("""
                Sort
                  Sort Key: big.id
                  ->  Append
                        ->  Seq Scan on big
                        ->  Seq Scan on small""");
    }

    @Test
    void aChainOfUnionAllsIsOneAppend() {
        assertThat(explain("SELECT id FROM big UNION ALL (SELECT id FROM small UNION ALL SELECT k FROM third)"))
                .isEqualTo("""
                        Append
                          ->  Seq Scan on big
                          ->  Seq Scan on small
                          ->  Seq Scan on third""");
    }

    @Test
    void intersectAndExceptAppendBothInputs() {
        assertThat(explain("SELECT id FROM big INTERSECT SELECT id FROM small")).contains(
                "  ->  Append\n        ->  Seq Scan on big\n        ->  Seq Scan on small");
        assertThat(explain("SELECT id, name FROM big EXCEPT ALL SELECT id, note FROM small")).startsWith("SetOp")
                .contains("Seq Scan on big", "Seq Scan on small");
    }

    private String explain(String statement) {
        List<String> lines = new ArrayList<>();
        try (QueryResult result = session.execute("EXPLAIN " + withoutCosts(statement))) {
            for (long row = 0; row < result.rowCount(); row++) {
                lines.add(result.getText(row, 0));
            }
        }
        return String.join("\n", lines);
    }

    /** The statement with COSTS OFF added to its options, as the expected plans print without estimates. */
    private static String withoutCosts(String statement) {
        if (statement.startsWith("(")) {
            return "(COSTS OFF, " + statement.substring(1);
        }
        if (statement.startsWith("ANALYZE ")) {
            return "(ANALYZE, COSTS OFF) " + statement.substring("ANALYZE ".length());
        }
        return "(COSTS OFF) " + statement;
    }
}
