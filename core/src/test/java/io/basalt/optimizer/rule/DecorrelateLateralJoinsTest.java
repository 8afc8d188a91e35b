package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * DecorrelateLateralJoins: a LATERAL join whose right side reads the left row only in liftable filters becomes a
 * plain join (fires); one that reads it in a SELECT list, under a LIMIT or below an aggregation without GROUP BY
 * stays a LATERAL join (does not fire). Golden plans before and after.
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
    void aLimitASelectListOrAScalarAggregateKeepTheLateralJoin() {
        String limited = "SELECT * FROM a, LATERAL (SELECT z FROM b WHERE b.x = a.x LIMIT 1) s";
        assertThat(tester.after(rule, limited)).isEqualTo(tester.before(limited));
        String selectList = "SELECT * FROM a, LATERAL (SELECT a.y + b.z FROM b) s";
        assertThat(tester.after(rule, selectList)).isEqualTo(tester.before(selectList));
        String counted = "SELECT * FROM a, LATERAL (SELECT count(*) FROM b WHERE b.x = a.x) s";
        assertThat(tester.after(rule, counted)).isEqualTo(tester.before(counted));
    }
}
