package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PushFiltersIntoJoinsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer", "y integer")
            .table("b", "x integer", "z text")
            .table("c", "x bigint", "w text")
            .function("series", "i integer", "v text");
    private final PushFiltersIntoJoins rule = new PushFiltersIntoJoins();

    @Test
    void commaJoinGetsItsConditionAndAFilteredSide() {
        String sql = "SELECT a.y, b.z FROM a, b WHERE a.x = b.x AND a.y > 5";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#1, #3]
                  Filter [(#0 = #2), (#1 > 5)]
                    Join INNER []
                      Scan a [0, 1]
                      Scan b [0, 1]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1, #3]
                  Join INNER [(#0 = #2)]
                    Filter [(#1 > 5)]
                      Scan a [0, 1]
                    Scan b [0, 1]
                """);
    }

    @Test
    void eachConjunctReachesTheLowestJoinThatSeesAllItsColumns() {
        String sql = "SELECT a.y FROM a, b, c WHERE a.x = b.x AND b.x = c.x AND c.w = 'q' AND a.y + b.x > c.x";
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1]
                  Join INNER [(#2::bigint = #4), ((#1 + #2)::bigint > #4)]
                    Join INNER [(#0 = #2)]
                      Scan a [0, 1]
                      Scan b [0, 1]
                    Filter [(#1 = q)]
                      Scan c [0, 1]
                """);
    }

    @Test
    void aboveALeftJoinOnlyThePreservedSideIsFilteredFirst() {
        assertThat(tester.after(rule, "SELECT a.y FROM a LEFT JOIN b ON a.x = b.x WHERE b.z = 'q' AND a.y > 1"))
                .isEqualTo("""
                        Project [#1]
                          Filter [(#3 = q)]
                            Join LEFT [(#0 = #2)]
                              Filter [(#1 > 1)]
                                Scan a [0, 1]
                              Scan b [0, 1]
                        """);
    }

    @Test
    void onConditionsOfTheNullableSideFilterItWhileThoseOfThePreservedSideStay() {
        assertThat(tester.after(rule, "SELECT a.y FROM a LEFT JOIN b ON a.x = b.x AND b.z = 'q' AND a.y > 1"))
                .isEqualTo("""
                        Project [#1]
                          Join LEFT [(#0 = #2), (#1 > 1)]
                            Scan a [0, 1]
                            Filter [(#1 = q)]
                              Scan b [0, 1]
                        """);
        assertThat(tester.after(rule,
                "SELECT a.y FROM a RIGHT JOIN b ON a.x = b.x AND b.z = 'q' AND a.y > 1 WHERE b.x > 2 AND a.y < 9"))
                .isEqualTo("""
                        Project [#1]
                          Filter [(#1 < 9)]
                            Join RIGHT [(#0 = #2), (#3 = q)]
                              Filter [(#1 > 1)]
                                Scan a [0, 1]
                              Filter [(#0 > 2)]
                                Scan b [0, 1]
                        """);
    }

    @Test
    void doesNotFireOnAFullJoin() {
        String sql = "SELECT a.y FROM a FULL JOIN b ON a.x = b.x AND b.z = 'q' WHERE a.y > 1";
        assertThat(tester.after(rule, sql)).isEqualTo(tester.before(sql));
    }

    @Test
    void passesTheProjectionOfAUsingJoin() {
        assertThat(tester.after(rule, "SELECT x FROM a JOIN b USING (x) WHERE x > 3 AND z = 'q'")).isEqualTo("""
                Project [#0]
                  Project [#0, #0, #1, #2, #3]
                    Join INNER [(#0 = #2)]
                      Filter [(#0 > 3)]
                        Scan a [0, 1]
                      Filter [(#1 = q)]
                        Scan b [0, 1]
                """);
    }

    @Test
    void stopsAtAnAggregation() {
        String sql = "SELECT * FROM (SELECT x, count(*) AS n FROM a GROUP BY x) s JOIN b ON s.x = b.x WHERE s.n > 1";
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#0, #1, #2, #3]
                  Join INNER [(#0 = #2)]
                    Project [#0, #1]
                      Filter [(#1 > 1)]
                        Aggregate keys=[#0] aggregates=[count(*)]
                          Scan a [0, 1]
                    Scan b [0, 1]
                """);
    }

    @Test
    void reachesSubqueriesAndTableFunctionsJoined() {
        assertThat(tester.after(rule, "SELECT t.y, s.v FROM (SELECT * FROM a) t JOIN series(3) s ON s.i = t.x "
                + "WHERE s.v = 'q' AND t.y > 0")).isEqualTo("""
                Project [#1, #3]
                  Join INNER [(#2 = #0)]
                    Project [#0, #1]
                      Filter [(#1 > 0)]
                        Scan a [0, 1]
                    Filter [(#1 = q)]
                      Scan series [0, 1]
                """);
    }

    @Test
    void doesNotFireWithoutAJoin() {
        String sql = "SELECT y FROM a WHERE x > 1 ORDER BY y";
        assertThat(tester.after(rule, sql)).isEqualTo(tester.before(sql));
    }
}
