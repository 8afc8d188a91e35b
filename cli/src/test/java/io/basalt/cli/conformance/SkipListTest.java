package io.basalt.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reviewed skip list: its rule format, which statements the regression list excludes, and that a
 * skipped statement is neither passed nor failed in a script's counts.
 */
class SkipListTest {
    private static StatementBlock block(String... echo) {
        return new StatementBlock(1, 1, List.of(echo), 1, echo[echo.length - 1]);
    }

    @Test
    void aRuleMatchesTheStartOfTheStatementWithoutItsComments() {
        SkipList skips = SkipList.parse("""
                # a comment
                ## plans differ
                * explain\\b
                ## only in one script
                alpha,beta select 42
                """);
        assertThat(skips.reasonFor("any", block("-- explain this:", "EXPLAIN (COSTS OFF)", "  SELECT 1;")))
                .isEqualTo("plans differ");
        assertThat(skips.reasonFor("any", block("SELECT 1; -- explain", "")))
                .as("a rule matches at the start only").isNull();
        assertThat(skips.reasonFor("beta", block("select   42;"))).isEqualTo("only in one script");
        assertThat(skips.reasonFor("gamma", block("select 42;"))).isNull();
        assertThat(skips.reasonFor("any", new StatementBlock(2, 9, List.of("-- trailer"), 0, "")))
                .as("an unscored trailer is never skipped").isNull();
    }

    @Test
    void aRuleCanNameOneStatementOfAScriptByItsLine() {
        SkipList skips = SkipList.parse("""
                ## index scans
                alpha:12,beta:3 explain\\b
                """);
        assertThat(skips.reasonFor("alpha", new StatementBlock(5, 12, List.of("explain select 1;"), 1, "explain select 1;")))
                .isEqualTo("index scans");
        assertThat(skips.reasonFor("alpha", new StatementBlock(9, 20, List.of("explain select 1;"), 1, "explain select 1;")))
                .as("the same text on another line is scored").isNull();
        assertThat(skips.reasonFor("alpha", new StatementBlock(5, 12, List.of("select 1;"), 1, "select 1;")))
                .as("the statement must still match").isNull();
        assertThat(skips.reasonFor("gamma", new StatementBlock(1, 3, List.of("explain select 1;"), 1, "explain select 1;")))
                .isNull();
    }

    @Test
    void aRuleCanApplyToEveryScriptButSome() {
        SkipList skips = SkipList.parse("""
                ## planner text
                *-alpha,beta explain\\b
                """);
        assertThat(skips.reasonFor("gamma", block("explain select 1;"))).isEqualTo("planner text");
        assertThat(skips.reasonFor("alpha", block("explain select 1;"))).isNull();
        assertThat(skips.reasonFor("beta", block("explain select 1;"))).isNull();
    }

    @Test
    void aRuleOutsideAReasonIsRejected() {
        assertThatThrownBy(() -> SkipList.parse("* explain\\b\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
    }

    @Test
    void theRegressionListSkipsPlannerTextCFunctionsAndTablespaces() {
        SkipList skips = SkipList.pgRegress();
        assertThat(skips.reasonFor("union", block("explain (costs off)", "select 1 union select 2;")))
                .as("the dialect issue's scripts score their EXPLAINs but for the plans named line by line").isNull();
        assertThat(skips.reasonFor("select", new StatementBlock(1, 195, List.of("explain (costs off)",
                "select * from onek2 where unique2 = 11 and stringu1 = 'ATAAAA';"), 1, "explain"))).contains("btree index");
        assertThat(skips.reasonFor("join", block("explain (costs off)", "select 1;"))).contains("planner");
        assertThat(skips.reasonFor("test_setup", block("CREATE FUNCTION binary_coercible(oid, oid)", "    RETURNS bool",
                "    AS :'regresslib', 'binary_coercible'", "    LANGUAGE C STRICT STABLE PARALLEL SAFE;"))).contains("regress.so");
        assertThat(skips.reasonFor("test_setup", block("CREATE TABLESPACE regress_tblspace LOCATION '';"))).contains("Tablespaces");
        assertThat(skips.reasonFor("case", block("CREATE FUNCTION vol(text) returns text as", "  'begin return $1; end' language plpgsql volatile;")))
                .as("functions in other languages are Basalt's to support or refuse").isNull();
        assertThat(skips.reasonFor("select", block("SELECT * FROM onek;"))).isNull();
    }

    @Test
    void aSkippedStatementIsNeitherPassedNorFailed() {
        String script = "EXPLAIN SELECT 1;\nSELECT 1 AS one;\nSELECT 2 AS two;\n";
        String expected = """
                EXPLAIN SELECT 1;
                                QUERY PLAN
                ------------------------------------------
                 Result  (cost=0.00..0.01 rows=1 width=4)
                (1 row)

                SELECT 1 AS one;
                 one\s
                -----
                   1
                (1 row)

                SELECT 2 AS two;
                 two\s
                -----
                   2
                (1 row)

                """;
        String actual = expected.replace("Result  (cost=0.00..0.01 rows=1 width=4)", "Basalt's plan")
                .replace("   2\n", "   3\n");
        FileResult result = ScriptComparison.compare("skips", script, expected, new PlayedScript(actual, Map.of(), List.of(), 0),
                SkipList.parse("## planner text\n* explain\\b\n"));
        assertThat(result.statements()).isEqualTo(3);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.scored()).isEqualTo(2);
        assertThat(result.passed()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.percentage()).isEqualTo(50.0);
        assertThat(result.failures()).extracting(verdict -> verdict.block().title()).containsExactly("SELECT 2 AS two;");
        assertThat(result.causes()).containsOnlyKeys("result differs: values");
        assertThat(SummaryTable.render("x", List.of(result), 5, 5)).contains("skipped");
        assertThat(MarkdownReport.render("x", List.of(result), 5, 5)).contains("| 1 | planner text |");
    }
}
