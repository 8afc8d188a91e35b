package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DecorrelateLateralJoins: a LATERAL join whose right side reads the left row only in liftable filters becomes a
 * plain join, with a SELECT list that reads it computed above the join (fires); one that reads it under a LIMIT or
 * below an aggregation without GROUP BY stays a LATERAL join (does not fire). Golden plans before and after.
 */
class DecorrelateLateralJoinsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer", "y integer")
            .table("b", "x integer", "z integer");
    private final DecorrelateLateralJoins rule = new DecorrelateLateralJoins();

    @Test
    void aCorrelatedFilterBecomesTheJoinCondition() {
        String sql = "SELECT a.y, s.z FROM a, LATERAL (SELECT z FROM b WHERE b.x = a.x) s";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#1, #2]
                  LateralJoin INNER []
                    Scan a [0, 1]
                    Project [#1]
                      Filter [(#0 = outer(1).a.x())]
                        Scan b [0, 1]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1, #2]
                  Project [#0, #1, #2]
                    Join INNER [(#3 = #0)]
                      Scan a [0, 1]
                      Project [#1, #0]
                        Scan b [0, 1]
                """);
    }

    @Test
    void aLeftLateralJoinKeepsItsConditionsInTheOnClause() {
        assertThat(tester.after(rule,
                "SELECT a.y, s.z FROM a LEFT JOIN LATERAL (SELECT z FROM b WHERE b.x = a.x) s ON s.z > 1"))
                .isEqualTo("""
                        Project [#1, #2]
                          Project [#0, #1, #2]
                            Join LEFT [(#2 > 1), (#3 = #0)]
                              Scan a [0, 1]
                              Project [#1, #0]
                                Scan b [0, 1]
                        """);
    }

    @Test
    void aSelectListReadingTheLeftRowIsComputedAboveTheJoin() {
        assertThat(tester.after(rule, "SELECT * FROM a, LATERAL (SELECT a.y + b.z FROM b WHERE b.x = a.x) s"))
                .isEqualTo("""
                        Project [#0, #1, #2]
                          Project [#0, #1, (#1 + #3)]
                            Join INNER [(#2 = #0)]
                              Scan a [0, 1]
                              Scan b [0, 1]
                        """);
        // LEFT: the value is NULL where the left row has no partner, even if it reads only the left row
        assertThat(tester.after(rule, "SELECT * FROM a LEFT JOIN LATERAL (SELECT a.y AS v, b.z FROM b) s ON s.z = a.x"))
                .isEqualTo("""
                        Project [#0, #1, #2, #3]
                          Project [#0, #1, CASE WHEN (#4 IS NULL) THEN NULL ELSE #1 END, CASE WHEN (#4 IS NULL) THEN NULL ELSE #3 END]
                            Join LEFT [(#3 = #0)]
                              Scan a [0, 1]
                              Project [#0, #1, t]
                                Scan b [0, 1]
                        """);
    }

    @Test
    void anUncorrelatedLateralSubqueryIsAPlainJoin() {
        assertThat(tester.after(rule, "SELECT * FROM a, LATERAL (SELECT z FROM b) s")).isEqualTo("""
                Project [#0, #1, #2]
                  Join INNER []
                    Scan a [0, 1]
                    Project [#1]
                      Scan b [0, 1]
                """);
    }

    @Test
    void aLimitOrAScalarAggregateKeepTheLateralJoin() {
        String limited = "SELECT * FROM a, LATERAL (SELECT z FROM b WHERE b.x = a.x LIMIT 1) s";
        assertThat(tester.after(rule, limited)).isEqualTo(tester.before(limited));
        String counted = "SELECT * FROM a, LATERAL (SELECT count(*) FROM b WHERE b.x = a.x) s";
        assertThat(tester.after(rule, counted)).isEqualTo(tester.before(counted));
    }
}
