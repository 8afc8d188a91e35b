package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PruneColumnsTest {
    private final RuleTester tester = new RuleTester().table("t", "a integer", "b bigint", "c text", "d integer");
    private final PruneColumns rule = new PruneColumns();

    @Test
    void scanReadsOnlyTheColumnsUsedAbove() {
        String sql = "SELECT c FROM t WHERE a > 5";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#2]
                  Filter [(#0 > 5)]
                    Scan t [0, 1, 2, 3]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1]
                  Filter [(#0 > 5)]
                    Scan t [0, 2]
                """);
    }

    @Test
    void columnsOnlyAFilterUnderAJoinReadsEndAtTheFilter() {
        RuleTester joined = tester.table("u", "a integer", "e text", "f bigint");
        OptimizerRule pushThenPrune = plan -> rule.apply(new PushFiltersIntoJoins().apply(plan));
        assertThat(joined.after(pushThenPrune, "SELECT u.e, t.b FROM t JOIN u ON t.a = u.a WHERE t.c <> 'x'"))
                .isEqualTo("""
                Project [#3, #1]
                  Join INNER [(#0 = #2)]
                    Project [#0, #1]
                      Filter [(#2 <> x)]
                        Scan t [0, 1, 2]
                    Scan u [0, 1]
                """);
    }

    @Test
    void countStarReadsNoColumn() {
        assertThat(tester.after(rule, "SELECT count(*) FROM t")).isEqualTo("""
                Project [#0]
                  Aggregate keys=[] aggregates=[count(*)]
                    Scan t []
                """);
    }

    @Test
    void groupKeysAndAggregateArgumentsAreKept() {
        assertThat(tester.after(rule, "SELECT d, sum(b) FROM t GROUP BY d ORDER BY d")).isEqualTo("""
                Sort [#0]
                  Project [#0, #1]
                    Aggregate keys=[#1] aggregates=[sum(#0)]
                      Scan t [1, 3]
                """);
    }

    @Test
    void sortKeysOutsideTheSelectListSurviveUntilTheSort() {
        assertThat(tester.after(rule, "SELECT a FROM t ORDER BY b DESC")).isEqualTo("""
                Project [#0]
                  Sort [#1 DESC NULLS FIRST]
                    Project [#0, #1]
                      Scan t [0, 1]
                """);
    }

    @Test
    void joinInputsKeepWhatIsReadAboveAndWhatTheConditionReads() {
        RuleTester joined = tester.table("u", "a integer", "e text", "f bigint");
        assertThat(joined.after(rule, "SELECT u.e FROM t JOIN u ON t.a = u.a AND t.b > u.f")).isEqualTo("""
                Project [#3]
                  Join INNER [(#0 = #2), (#1 > #4)]
                    Scan t [0, 1]
                    Scan u [0, 1, 2]
                """);
        assertThat(joined.after(rule, "SELECT t.c FROM t LEFT JOIN u ON t.a = u.a")).isEqualTo("""
                Project [#1]
                  Join LEFT [(#0 = #2)]
                    Scan t [0, 2]
                    Scan u [0]
                """);
    }

    @Test
    void countOverACrossJoinReadsNoColumn() {
        RuleTester joined = tester.table("u", "a integer", "e text");
        assertThat(joined.after(rule, "SELECT count(*) FROM t, u")).isEqualTo("""
                Project [#0]
                  Aggregate keys=[] aggregates=[count(*)]
                    Join INNER []
                      Scan t []
                      Scan u []
                """);
    }

    @Test
    void doesNotFireWhenEveryColumnIsRead() {
        String sql = "SELECT * FROM t";
        assertThat(tester.after(rule, sql)).isEqualTo(tester.before(sql));
    }
}
