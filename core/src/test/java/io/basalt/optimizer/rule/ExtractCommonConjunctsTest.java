package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExtractCommonConjunctsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer", "y integer")
            .table("b", "x integer", "z text");
    private final ExtractCommonConjuncts rule = new ExtractCommonConjuncts();

    @Test
    void sharedConjunctsOfEveryBranchStandAlone() {
        String sql = "SELECT a.y FROM a, b WHERE (a.x = b.x AND a.y > 5 AND b.z = 'q') OR (b.z = 'q' AND a.x = b.x AND a.y < 2)";
        assertThat(tester.before(sql)).isEqualTo("""
                Project [#1]
                  Filter [(((#0 = #2) AND (#1 > 5) AND (#3 = q)) OR ((#3 = q) AND (#0 = #2) AND (#1 < 2)))]
                    Join INNER []
                      Scan a [0, 1]
                      Scan b [0, 1]
                """);
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Project [#1]
                  Filter [(#0 = #2), (#3 = q), ((#1 > 5) OR (#1 < 2))]
                    Join INNER []
                      Scan a [0, 1]
                      Scan b [0, 1]
                """);
    }

    @Test
    void aBranchOfSharedConjunctsOnlyMakesTheOrTrue() {
        assertThat(tester.after(rule, "SELECT y FROM a WHERE (x = 1) OR (x = 1 AND y = 2)")).isEqualTo("""
                Project [#1]
                  Filter [(#0 = 1)]
                    Scan a [0, 1]
                """);
    }

    @Test
    void joinConditionsAreRewrittenToo() {
        assertThat(tester.after(rule, "SELECT a.y FROM a JOIN b ON (a.x = b.x AND a.y = 1) OR (a.x = b.x AND b.z = 'p')"))
                .isEqualTo("""
                        Project [#1]
                          Join INNER [(#0 = #2), ((#1 = 1) OR (#3 = p))]
                            Scan a [0, 1]
                            Scan b [0, 1]
                        """);
    }

    @Test
    void doesNotFireWithoutSharedConjuncts() {
        String sql = "SELECT y FROM a WHERE (x = 1 AND y = 2) OR (x = 2 AND y = 1)";
        assertThat(tester.after(rule, sql)).isEqualTo(tester.before(sql));
    }

    @Test
    void constantsOfDifferentValuesDoNotMatch() {
        String sql = "SELECT y FROM a WHERE (x = 1 AND y = 2) OR (x = 1 AND y = 3) OR (x = 10 AND y = 2)";
        assertThat(tester.after(rule, sql)).isEqualTo(tester.before(sql));
    }
}
