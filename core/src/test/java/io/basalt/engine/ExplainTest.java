package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN end to end, as golden text: the plans print in PostgreSQL's shape (node names, "->" arrows,
 * indentation, "Filter:", "Sort Key:", "Hash Cond:" ...) without cost estimates. Shapes and expression
 * spellings were compared with PostgreSQL 15's {@code EXPLAIN (COSTS OFF)} for the same statements; where
 * Basalt plans differently (it casts constants to the column's type, it builds hash joins on the smaller
 * input) the text shows Basalt's plan.
 */
class ExplainTest {
    private Database database;
    private Session session;

    @BeforeEach
    void createTables() {
        database = Basalt.inMemory();
        session = database.connect();
        run("CREATE TABLE big (id integer, name text)");
        run("CREATE TABLE small (id integer, big_id integer, note text)");
        run("INSERT INTO big VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, NULL)");
        run("INSERT INTO small VALUES (1, 1, 'x'), (2, 3, 'y')");
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void isOneTextColumnNamedQueryPlan() {
        try (QueryResult result = session.execute("EXPLAIN SELECT * FROM big WHERE id > 1")) {
            assertThat(result.returnsRows()).isTrue();
            assertThat(result.commandTag()).isEqualTo("EXPLAIN");
            assertThat(result.columns()).containsExactly(new ResultColumn("QUERY PLAN", LogicalType.TEXT));
        }
    }

    @Test
    void filtersBelongToTheScan() {
        assertThat(explain("SELECT * FROM big WHERE id > 1")).isEqualTo("""
                Seq Scan on big
                  Filter: (id > 1)""");
        assertThat(explain("SELECT * FROM big WHERE name = 'it''s' AND (id < 3 OR id IS NULL)")).isEqualTo("""
                Seq Scan on big
                  Filter: ((name = 'it''s'::text) AND ((id < 3) OR (id IS NULL)))""");
        assertThat(explain("SELECT id FROM big WHERE id::bigint > 5 AND -id < 3 AND NOT (id = 2)")).isEqualTo("""
                Seq Scan on big
                  Filter: (((id)::bigint > '5'::bigint) AND ((- id) < 3) AND (NOT (id = 2)))""");
    }

    @Test
    void aggregationSortAndLimitNestUnderArrows() {
        assertThat(explain("""
                SELECT name, count(*) FROM big WHERE id > 0 GROUP BY name HAVING count(*) > 0
                ORDER BY name DESC LIMIT 3""")).isEqualTo("""
                Limit
                  ->  Sort
                        Sort Key: name DESC
                        ->  HashAggregate
                              Group Key: name
                              Filter: (count(*) > '0'::bigint)
                              ->  Seq Scan on big
                                    Filter: (id > 0)""");
        assertThat(explain("SELECT sum(id) FROM big")).isEqualTo("""
                Aggregate
                  ->  Seq Scan on big""");
        assertThat(explain("SELECT count(*) FROM big GROUP BY id + 1")).isEqualTo("""
                HashAggregate
                  Group Key: (id + 1)
                  ->  Seq Scan on big""");
    }

    @Test
    void sortKeysShowComputedColumnsInParenthesesAndNonDefaultDirections() {
        assertThat(explain("SELECT id + 1, lower(name) FROM big ORDER BY id + 1 NULLS FIRST, 2 DESC NULLS LAST"))
                .isEqualTo("""
                        Sort
                          Sort Key: ((id + 1)) NULLS FIRST, (lower(name)) DESC NULLS LAST
                          ->  Seq Scan on big""");
        assertThat(explain("SELECT * FROM big ORDER BY name DESC, id LIMIT 2 OFFSET 1")).isEqualTo("""
                Limit
                  ->  Sort
                        Sort Key: name DESC, id
                        ->  Seq Scan on big""");
    }

    @Test
    void queriesWithoutTablesAreResults() {
        assertThat(explain("SELECT 1")).isEqualTo("Result");
        assertThat(explain("SELECT 1 WHERE false")).isEqualTo("""
                Result
                  One-Time Filter: false""");
        assertThat(explain("VALUES (1), (2)")).isEqualTo("Values Scan on \"*VALUES*\"");
        // a partitioned table without partitions reads nothing
        run("CREATE TABLE no_partitions (a integer) PARTITION BY RANGE (a)");
        assertThat(explain("SELECT * FROM no_partitions")).isEqualTo("""
                Result
                  One-Time Filter: false""");
    }

    @Test
    void inheritanceMembersAreNumberedUnderTheParentsName() {
        // as PostgreSQL 15 prints the same statements
        run("CREATE TABLE parent (a integer, b integer)");
        run("CREATE TABLE child () INHERITS (parent)");
        assertThat(explain("SELECT a, b FROM parent GROUP BY a, b")).isEqualTo("""
                HashAggregate
                  Group Key: parent.a, parent.b
                  ->  Append
                        ->  Seq Scan on parent parent_1
                        ->  Seq Scan on child parent_2""");
        assertThat(explain("SELECT * FROM parent p WHERE a > 1")).isEqualTo("""
                Append
                  ->  Seq Scan on parent p_1
                        Filter: (a > 1)
                  ->  Seq Scan on child p_2
                        Filter: (a > 1)""");
        assertThat(explain("SELECT * FROM ONLY parent")).isEqualTo("Seq Scan on parent");
    }

    @Test
    void anAppendPrintsNoOutputList() {
        assertThat(explain("(VERBOSE) SELECT '42' UNION ALL SELECT '43'")).isEqualTo("""
                Append
                  ->  Result
                        Output: '42'::text
                  ->  Result
                        Output: '43'::text""");
    }

    @Test
    void orderedAggregatesWithoutGroupByReadPresortedRows() {
        // PostgreSQL 16+ presorts for the ordering most aggregates ask for; with a FILTER only by plain columns
        assertThat(explain("SELECT sum(id ORDER BY id) FILTER (WHERE id > 1) FROM big")).isEqualTo("""
                Aggregate
                  ->  Sort
                        Sort Key: id
                        ->  Seq Scan on big""");
        assertThat(explain("SELECT count(DISTINCT name), string_agg(name, ',' ORDER BY name DESC) FROM big"))
                .isEqualTo("""
                        Aggregate
                          ->  Sort
                                Sort Key: name
                                ->  Seq Scan on big""");
        assertThat(explain("SELECT sum(id ORDER BY id + 1) FILTER (WHERE id > 1) FROM big")).isEqualTo("""
                Aggregate
                  ->  Seq Scan on big""");
        run("SET enable_presorted_aggregate = off");
        assertThat(explain("SELECT sum(id ORDER BY id) FROM big")).isEqualTo("""
                Aggregate
                  ->  Seq Scan on big""");
        run("RESET enable_presorted_aggregate");
    }

    @Test
    void insertsShowTheirSource() {
        assertThat(explain("INSERT INTO big VALUES (5, 'e')")).isEqualTo("""
                Insert on big
                  ->  Result""");
        assertThat(explain("INSERT INTO big SELECT id, note FROM small WHERE id > 1")).isEqualTo("""
                Insert on big
                  ->  Seq Scan on small
                        Filter: (id > 1)""");
        assertThat(count("big")).as("EXPLAIN does not run the statement").isEqualTo(4);
    }

    @Test
    void joinsHashTheSmallerInput() {
        assertThat(explain("SELECT * FROM big JOIN small ON big.id = small.big_id WHERE big.name = 'a'"))
                .isEqualTo("""
                        Hash Join
                          Hash Cond: (small.big_id = big.id)
                          ->  Seq Scan on small
                          ->  Hash
                                ->  Seq Scan on big
                                      Filter: (name = 'a'::text)""");
        assertThat(explain("SELECT * FROM small LEFT JOIN big ON big.id = small.big_id AND big.name <> small.note"))
                .isEqualTo("""
                        Hash Right Join
                          Hash Cond: (big.id = small.big_id)
                          Join Filter: (big.name <> small.note)
                          ->  Seq Scan on big
                          ->  Hash
                                ->  Seq Scan on small""");
        assertThat(explain("SELECT * FROM big, small WHERE big.id < small.big_id")).isEqualTo("""
                Nested Loop
                  Join Filter: (big.id < small.big_id)
                  ->  Seq Scan on big
                  ->  Seq Scan on small""");
        assertThat(explain("SELECT big.name, count(*) FROM big JOIN small ON big.id = small.big_id GROUP BY 1"))
                .isEqualTo("""
                        HashAggregate
                          Group Key: big.name
                          ->  Hash Join
                                Hash Cond: (big.id = small.big_id)
                                ->  Seq Scan on big
                                ->  Hash
                                      ->  Seq Scan on small""");
    }

    @Test
    void verboseShowsOutputsAndQualifiedNames() {
        assertThat(explain("(VERBOSE) SELECT id + 1 FROM big WHERE id > 1")).isEqualTo("""
                Seq Scan on public.big
                  Output: (id + 1)
                  Filter: (big.id > 1)""");
        assertThat(explain("(VERBOSE, COSTS OFF) SELECT name, count(*) FROM big GROUP BY name ORDER BY 2 DESC"))
                .isEqualTo("""
                        Sort
                          Output: name, count(*)
                          Sort Key: (count(*)) DESC
                          ->  HashAggregate
                                Output: name, count(*)
                                Group Key: big.name
                                ->  Seq Scan on public.big
                                      Output: name""");
    }

    @Test
    void analyzeRunsTheStatementAndReportsTimes() {
        List<String> lines = explainLines("ANALYZE INSERT INTO big VALUES (5, 'e')");
        assertThat(lines).hasSize(4);
        String times = "\\(actual time=\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} ";
        assertThat(lines.get(0)).matches("Insert on big " + times + "rows=0 loops=1\\)");
        assertThat(lines.get(1)).matches("  ->  Result " + times + "rows=1 loops=1\\)");
        assertThat(lines.get(2)).matches("Planning Time: \\d+\\.\\d{3} ms");
        assertThat(lines.get(3)).matches("Execution Time: \\d+\\.\\d{3} ms");
        assertThat(count("big")).isEqualTo(5);
        assertThat(explainLines("(ANALYZE, SUMMARY OFF, TIMING OFF) SELECT * FROM big"))
                .containsExactly("Seq Scan on big (actual rows=5 loops=1)");
        assertThat(explainLines("(SUMMARY) SELECT 1")).hasSize(2).last().asString().startsWith("Planning Time: ");
    }

    @Test
    void analyzeFollowsEachNodeWithWhatItProduced() {
        // PostgreSQL 15 counts the same rows: 4 and 2 scanned, 2 joined
        assertThat(rawLines("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) "
                + "SELECT * FROM big JOIN small ON big.id = small.big_id")).containsExactly(
                "Hash Join (actual rows=2 loops=1)",
                "  Hash Cond: (big.id = small.big_id)",
                "  ->  Seq Scan on big (actual rows=4 loops=1)",
                "  ->  Hash (actual rows=2 loops=1)",
                "        ->  Seq Scan on small (actual rows=2 loops=1)");
        // with costs the actuals follow the estimate; times are first..last output, from the start of execution
        List<String> timed = rawLines("EXPLAIN (ANALYZE, SUMMARY OFF) SELECT count(*) FROM big WHERE id > 1");
        assertThat(timed.get(0)).matches("Aggregate  \\(cost=[0-9.]+ rows=1 width=8\\) "
                + "\\(actual time=\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} rows=1 loops=1\\)");
        assertThat(timed.get(1)).matches("  ->  Seq Scan on big  \\(cost=.*\\) "
                + "\\(actual time=\\d+\\.\\d{3}\\.\\.\\d+\\.\\d{3} rows=3 loops=1\\)");
    }

    @Test
    void analyzeInJsonHasTheActualMembers() {
        assertThat(rawLines("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, FORMAT JSON) "
                + "SELECT count(*) FROM big WHERE id > 2").getFirst()).isEqualTo("""
                [
                  {
                    "Plan": {
                      "Node Type": "Aggregate",
                      "Strategy": "Plain",
                      "Actual Rows": 1,
                      "Actual Loops": 1,
                      "Plans": [
                        {
                          "Node Type": "Seq Scan",
                          "Parent Relationship": "Outer",
                          "Relation Name": "big",
                          "Alias": "big",
                          "Actual Rows": 2,
                          "Actual Loops": 1,
                          "Filter": "(id > 2)"
                        }
                      ]
                    }
                  }
                ]""");
        String timed = rawLines("EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM big").getFirst();
        assertThat(timed).containsPattern("\"Plan Width\": 36,\\n +\"Actual Startup Time\": \\d+\\.\\d{3},\\n"
                + " +\"Actual Total Time\": \\d+\\.\\d{3},\\n +\"Actual Rows\": 4,\\n +\"Actual Loops\": 1");
    }

    @Test
    void costsShowEstimatesThatAnalyzeSharpens() {
        List<String> before = rawLines("EXPLAIN SELECT * FROM big WHERE id > 1");
        assertThat(before).containsExactly("Seq Scan on big  (cost=0.00..0.05 rows=1 width=36)", "  Filter: (id > 1)");
        run("ANALYZE big");
        // ids 1..4 and a null: three quarters of the rows are above the lowest id
        assertThat(rawLines("EXPLAIN SELECT * FROM big WHERE id > 1").getFirst())
                .isEqualTo("Seq Scan on big  (cost=0.00..0.05 rows=3 width=36)");
        assertThat(rawLines("EXPLAIN SELECT * FROM big JOIN small ON big.id = small.big_id")).containsExactly(
                "Hash Join  (cost=0.06..0.16 rows=2 width=76)",
                "  Hash Cond: (big.id = small.big_id)",
                "  ->  Seq Scan on big  (cost=0.00..0.04 rows=4 width=36)",
                "  ->  Hash  (cost=0.02..0.02 rows=2 width=40)",
                "        ->  Seq Scan on small  (cost=0.00..0.02 rows=2 width=40)");
    }

    @Test
    void jsonFormatNestsTheSameNodes() {
        List<String> lines = rawLines("EXPLAIN (FORMAT JSON, COSTS OFF) SELECT name, count(*) FROM big JOIN small"
                + " ON big.id = small.big_id WHERE big.id > 1 GROUP BY name ORDER BY name");
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).isEqualTo("""
                [
                  {
                    "Plan": {
                      "Node Type": "Sort",
                      "Sort Key": ["big.name"],
                      "Plans": [
                        {
                          "Node Type": "Aggregate",
                          "Parent Relationship": "Outer",
                          "Strategy": "Hashed",
                          "Group Key": ["big.name"],
                          "Plans": [
                            {
                              "Node Type": "Hash Join",
                              "Parent Relationship": "Outer",
                              "Join Type": "Inner",
                              "Hash Cond": "(small.big_id = big.id)",
                              "Plans": [
                                {
                                  "Node Type": "Seq Scan",
                                  "Parent Relationship": "Outer",
                                  "Relation Name": "small",
                                  "Alias": "small"
                                },
                                {
                                  "Node Type": "Hash",
                                  "Parent Relationship": "Inner",
                                  "Plans": [
                                    {
                                      "Node Type": "Seq Scan",
                                      "Parent Relationship": "Outer",
                                      "Relation Name": "big",
                                      "Alias": "big",
                                      "Filter": "(id > 1)"
                                    }
                                  ]
                                }
                              ]
                            }
                          ]
                        }
                      ]
                    }
                  }
                ]""");
        String withCosts = rawLines("EXPLAIN (FORMAT JSON, ANALYZE) SELECT * FROM big").getFirst();
        assertThat(withCosts).contains("\"Node Type\": \"Seq Scan\"", "\"Plan Rows\": 4", "\"Plan Width\": 36",
                "\"Planning Time\": ", "\"Execution Time\": ");
    }

    @Test
    void explainsPreparedStatementsWithTheirArguments() {
        run("PREPARE by_id (integer) AS SELECT * FROM big WHERE id = $1");
        assertThat(explain("EXECUTE by_id(2)")).isEqualTo("""
                Seq Scan on big
                  Filter: (id = 2)""");
        assertThat(error("EXPLAIN EXECUTE by_id").getMessage())
                .isEqualTo("wrong number of parameters for prepared statement \"by_id\"");
    }

    @Test
    void checksOptionsAsPostgreSqlDoes() {
        assertError("EXPLAIN (FOO) SELECT 1", SqlState.SYNTAX_ERROR, "unrecognized EXPLAIN option \"foo\"", 10);
        assertError("EXPLAIN (FORMAT FOO) SELECT 1", SqlState.INVALID_PARAMETER_VALUE,
                "unrecognized value for EXPLAIN option \"format\": \"foo\"", 10);
        assertError("EXPLAIN (ANALYZE maybe) SELECT 1", SqlState.SYNTAX_ERROR, "analyze requires a Boolean value", 0);
        assertError("EXPLAIN (COSTS 2) SELECT 1", SqlState.SYNTAX_ERROR, "costs requires a Boolean value", 0);
        assertError("EXPLAIN (TIMING '0', ANALYZE) SELECT 1", SqlState.SYNTAX_ERROR,
                "timing requires a Boolean value", 0);
        assertError("EXPLAIN (format) SELECT 1", SqlState.SYNTAX_ERROR, "format requires a parameter", 0);
        assertError("EXPLAIN (TIMING) SELECT 1", SqlState.INVALID_PARAMETER_VALUE,
                "EXPLAIN option TIMING requires ANALYZE", 0);
        assertError("EXPLAIN (WAL) SELECT 1", SqlState.INVALID_PARAMETER_VALUE, "EXPLAIN option WAL requires ANALYZE", 0);
        assertError("EXPLAIN SELECT * FROM nosuch", SqlState.UNDEFINED_TABLE, "relation \"nosuch\" does not exist", 23);
        assertThat(explain("(COSTS OFF, BUFFERS, SETTINGS on, TIMING false, ANALYZE 0, \"verbose\" 'off') SELECT 1"))
                .isEqualTo("Result");
        assertThat(error("EXPLAIN (FORMAT YAML) SELECT 1").sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
    }

    private void assertError(String sql, SqlState state, String message, int position) {
        BasaltException error = error(sql);
        assertThat(error.sqlState()).isEqualTo(state);
        assertThat(error.getMessage()).isEqualTo(message);
        assertThat(error.position()).isEqualTo(position);
    }

    private String explain(String statement) {
        return String.join("\n", explainLines(statement));
    }

    private List<String> explainLines(String statement) {
        List<String> lines = new ArrayList<>();
        try (QueryResult result = session.execute("EXPLAIN " + withoutCosts(statement))) {
            for (long row = 0; row < result.rowCount(); row++) {
                lines.add(result.getText(row, 0));
            }
        }
        return lines;
    }

    private List<String> rawLines(String sql) {
        List<String> lines = new ArrayList<>();
        try (QueryResult result = session.execute(sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                lines.add(result.getText(row, 0));
            }
        }
        return lines;
    }

    private long count(String table) {
        try (QueryResult result = session.query("SELECT count(*) FROM " + table)) {
            return Long.parseLong(result.getText(0, 0));
        }
    }

    private void run(String sql) {
        session.execute(sql).close();
    }

    private BasaltException error(String sql) {
        BasaltException error = catchThrowableOfType(BasaltException.class, () -> session.execute(sql).close());
        assertThat(error).as("error for %s", sql).isNotNull();
        return error;
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
