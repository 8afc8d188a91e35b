package io.basalt.sql.parser;

import static io.basalt.sql.parser.ParsedSql.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.sql.ast.QueryStatement;
import io.basalt.sql.ast.With;
import org.junit.jupiter.api.Test;

/** LOCK TABLE, COMMENT ON, join aliases and the SEARCH / CYCLE clauses of WITH, as the parser reads them. */
class DialectStatementsParserTest {
    @Test
    void lockTakesItsTablesModeAndNowait() {
        assertThat(tree("LOCK t")).isEqualTo("(lock t (mode ACCESS EXCLUSIVE))");
        assertThat(tree("LOCK TABLE ONLY a, b *, ONLY (s.c) IN SHARE ROW EXCLUSIVE MODE NOWAIT"))
                .isEqualTo("(lock a b s.c (mode SHARE ROW EXCLUSIVE) nowait)");
        assertThat(tree("LOCK t IN SHARE UPDATE EXCLUSIVE MODE")).isEqualTo("(lock t (mode SHARE UPDATE EXCLUSIVE))");
        assertThat(tree("LOCK t IN ROW SHARE MODE")).isEqualTo("(lock t (mode ROW SHARE))");
    }

    @Test
    void commentNamesItsObjectAndText() {
        assertThat(tree("COMMENT ON TABLE s.t IS 'x'")).isEqualTo("(comment table s.t 'x')");
        assertThat(tree("COMMENT ON COLUMN t.c IS NULL")).isEqualTo("(comment column t.c null)");
        assertThat(tree("COMMENT ON CONSTRAINT k ON t IS 'y'")).isEqualTo("(comment table_constraint k on t 'y')");
        assertThat(tree("COMMENT ON CONSTRAINT k ON DOMAIN d IS 'y'"))
                .isEqualTo("(comment domain_constraint k on d 'y')");
        assertThat(tree("COMMENT ON MATERIALIZED VIEW m IS ''")).isEqualTo("(comment materialized_view m '')");
        assertThat(tree("COMMENT ON AGGREGATE a (int4) IS 'z'")).isEqualTo("(unsupported \"COMMENT ON AGGREGATE\")");
    }

    @Test
    void joinsTakeAliases() {
        assertThat(tree("SELECT * FROM (a JOIN b USING (i)) AS x (p, q)"))
                .isEqualTo("(select (*) (from (join-alias (inner-join a b (using i)) x (p q))))");
        assertThat(tree("SELECT * FROM a JOIN b USING (i) AS j"))
                .isEqualTo("(select (*) (from (using-alias (inner-join a b (using i)) j)))");
    }

    @Test
    void withQueriesTakeSearchAndCycleClauses() {
        QueryStatement statement = (QueryStatement) Parser.parseStatement("WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL"
                + " SELECT n + 1 FROM t) SEARCH BREADTH FIRST BY n SET o CYCLE n SET c TO 'y' DEFAULT 'n' USING p"
                + " SELECT * FROM t");
        With.CommonTableExpression table = statement.query().with().tables().getFirst();
        assertThat(table.search().breadthFirst()).isTrue();
        assertThat(table.search().columns()).containsExactly("n");
        assertThat(table.search().sequenceColumn()).isEqualTo("o");
        assertThat(table.cycle().markColumn()).isEqualTo("c");
        assertThat(table.cycle().pathColumn()).isEqualTo("p");
        assertThat(table.cycle().markValue()).isNotNull();
    }
}
