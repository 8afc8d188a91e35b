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
 * for the same statements; INTERSECT and EXCEPT (run as a count of each row's occurrences on both sides) as
 * PostgreSQL 18's HashSetOp over both inputs.
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
    void intersectAndExceptAreHashSetOpsOverBothInputs() {
        // PostgreSQL 18's form (the pg_regress corpus's union.out): the SetOp reads both inputs itself; 15 printed
        // an Append of "Subquery Scan"s under it
        assertThat(explain("SELECT id FROM big INTERSECT SELECT id FROM small")).isEqualTo("""
                HashSetOp Intersect
                  ->  Seq Scan on big
                  ->  Seq Scan on small""");
        assertThat(explain("SELECT id FROM big EXCEPT SELECT id FROM big WHERE id <> 10 ORDER BY 1")).isEqualTo("""
                Sort
                  Sort Key: big.id
                  ->  HashSetOp Except
                        ->  Seq Scan on big
                        ->  Seq Scan on big big_1
                              Filter: (id <> 10)""");
        assertThat(explain("SELECT id, name FROM big EXCEPT ALL SELECT id, note FROM small")).isEqualTo("""
                HashSetOp Except All
                  ->  Seq Scan on big
                  ->  Seq Scan on small""");
        assertThat(explain("SELECT id FROM big INTERSECT ALL (SELECT id FROM small UNION ALL SELECT k FROM third)"))
                .isEqualTo("""
                        HashSetOp Intersect All
                          ->  Seq Scan on big
                          ->  Append
                                ->  Seq Scan on small
                                ->  Seq Scan on third""");
    }

    @Test
    void setOperationsWithoutColumnsAreSetOps() {
        assertThat(explain("SELECT FROM big INTERSECT SELECT FROM small")).isEqualTo("""
                SetOp Intersect
                  ->  Seq Scan on big
                  ->  Seq Scan on small""");
    }

    @Test
    void valuesListsAndSeriesAreNamedAsPostgreSqlNamesThem() {
        assertThat(explain("SELECT x FROM (VALUES (1), (2)) a(x) EXCEPT SELECT x FROM (VALUES (1), (3)) b(x)"))
                .isEqualTo("""
                        HashSetOp Except
                          ->  Values Scan on "*VALUES*"
                          ->  Values Scan on "*VALUES*_1\"""");
        assertThat(explain("SELECT DISTINCT g % 10 FROM generate_series(1, 100) g")).isEqualTo("""
                HashAggregate
                  Group Key: (g % 10)
                  ->  Function Scan on generate_series g""");
        assertThat(explain("SELECT FROM generate_series(1, 5) INTERSECT SELECT FROM generate_series(1, 3)"))
                .isEqualTo("""
                        SetOp Intersect
                          ->  Function Scan on generate_series
                          ->  Function Scan on generate_series generate_series_1""");
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
