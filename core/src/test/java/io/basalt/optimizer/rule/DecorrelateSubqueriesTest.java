package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

/** DecorrelateSubqueries: Applies become joins or stay SubPlans that {@code lower} runs; golden plans. */
class DecorrelateSubqueriesTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer", "y integer")
            .table("b", "x integer", "z integer");
    private final DecorrelateSubqueries rule = new DecorrelateSubqueries();

    @Test
    void correlatedExistsInWhereBecomesASemiJoin() {
        String sql = "SELECT a.y FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.x = a.x AND b.z > 3)";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#1]
                  Project [#0, #1]
                    Filter [#2]
                      Apply EXISTS
                        Scan a [0, 1]
                        Project [1]
                          Filter [(#0 = outer(1).a.x()), (#1 > 3)]
                            Scan b [0, 1]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1]
                  Project [#0, #1]
                    Project [#0, #1, t]
                      Join SEMI [(#3 = #0)]
                        Scan a [0, 1]
                        Project [1, #0]
                          Filter [(#1 > 3)]
                            Scan b [0, 1]
                """);
    }

    @Test
    void notExistsBecomesAnAntiJoinAndInASemiJoinOnTheComparison() {
        assertThat(tester.after(rule, "SELECT a.y FROM a WHERE NOT EXISTS (SELECT 1 FROM b WHERE b.x = a.x)"))
                .isEqualTo("""
                        Project [#1]
                          Project [#0, #1]
                            Project [#0, #1, f]
                              Join ANTI [(#3 = #0)]
                                Scan a [0, 1]
                                Project [1, #0]
                                  Scan b [0, 1]
                        """);
        assertThat(tester.after(rule, "SELECT a.y FROM a WHERE a.y IN (SELECT b.z FROM b WHERE b.x = a.x)"))
                .isEqualTo("""
                        Project [#1]
                          Project [#0, #1]
                            Project [#0, #1, t]
                              Join SEMI [(#3 = #0), (#1 = #2)]
                                Scan a [0, 1]
                                Project [#1, #0]
                                  Scan b [0, 1]
                        """);
    }

    @Test
    void uncorrelatedNotInKeepsNullSemanticsThroughAnAntiJoinAndCounts() {
        // kept: every row when the subquery is empty; otherwise a non-NULL value matching none of a NULL-free list
        assertThat(tester.after(rule, "SELECT a.y FROM a WHERE a.y NOT IN (SELECT b.z FROM b)")).isEqualTo("""
                Project [#1]
                  Project [#0, #1]
                    Project [#0, #1, f]
                      Filter [((#2 = 0) OR ((#1 IS NOT NULL) AND (#3 = #2)))]
                        Join INNER []
                          Join ANTI [(#1 = #2)]
                            Scan a [0, 1]
                            Project [#1]
                              Scan b [0, 1]
                          Aggregate keys=[] aggregates=[count(*), count(#0)]
                            Project [#1]
                              Scan b [0, 1]
                """);
    }

    @Test
    void correlatedScalarAggregateIsGroupedByTheCorrelationKey() {
        String sql = "SELECT a.y, (SELECT count(*) FROM b WHERE b.x = a.x) FROM a";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#1, #2]
                  Apply SCALAR
                    Scan a [0, 1]
                    Project [#0]
                      Aggregate keys=[] aggregates=[count(*)]
                        Filter [(#0 = outer(1).a.x())]
                          Scan b [0, 1]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1, #2]
                  Project [#0, #1, CASE WHEN (#4 IS NULL) THEN 0 ELSE #2 END]
                    Join LEFT [(#3 = #0)]
                      Scan a [0, 1]
                      Project [#0, #1, t]
                        Project [#0, #1]
                          Project [#1, #0]
                            Aggregate keys=[#0] aggregates=[count(*)]
                              Scan b [0, 1]
                """);
    }

    @Test
    void scalarSubqueryWithoutAggregateChecksItsRowCount() {
        assertThat(tester.after(rule, "SELECT (SELECT b.z FROM b WHERE b.x = a.x) FROM a")).isEqualTo("""
                Project [#2]
                  Project [#0, #1, #4]
                    Join LEFT [(#0 = #2)]
                      Scan a [0, 1]
                      Filter [single_row_check(#1)]
                        Aggregate keys=[#1] aggregates=[count(*), min(#0)]
                          Project [#1, #0]
                            Scan b [0, 1]
                """);
    }

    @Test
    void aCorrelatedLimitStaysASubPlanThatRunsPerRowAsALateralJoin() {
        String sql = "SELECT (SELECT b.z FROM b WHERE b.x = a.x LIMIT 1) FROM a";
        // the optimizer keeps PostgreSQL's SubPlan (EXPLAIN prints it so) ...
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#2]
                  Apply SCALAR
                    Scan a [0, 1]
                    Limit 1 offset 0
                      Project [#1]
                        Filter [(#0 = outer(1).a.x())]
                          Scan b [0, 1]
                """);
        // ... and the physical planner runs it once per row of a through a LATERAL join
        assertThat(PlanPrinter.print(DecorrelateSubqueries.lower(rule.apply(tester.bind(sql)))))
                .isEqualTo("""
                Project [#2]
                  LateralJoin INNER []
                    Scan a [0, 1]
                    Project [#1]
                      Join INNER []
                        Values 1 row
                        Filter [single_row_check(#0)]
                          Aggregate keys=[] aggregates=[count(*), min(#0)]
                            Limit 1 offset 0
                              Project [#1]
                                Filter [(#0 = outer(1).a.x())]
                                  Scan b [0, 1]
                """);
    }
}
