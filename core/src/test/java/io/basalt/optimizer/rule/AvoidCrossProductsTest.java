package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class AvoidCrossProductsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer")
            .table("b", "x integer")
            .table("c", "x integer", "y integer")
            .table("d", "y integer", "z text");
    private final AvoidCrossProducts rule = new AvoidCrossProducts();

    /** The plan once the conditions are in the joins, as the rule finds it in the optimizer. */
    private String pushed(String sql) {
        return PlanPrinter.print(new PushFiltersIntoJoins().apply(tester.bind(sql)));
    }

    private String after(String sql) {
        return PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(tester.bind(sql))));
    }

    @Test
    void joinsEachInputWithOneItSharesAConditionWith() {
        String sql = "SELECT * FROM a, b, c WHERE c.x = b.x AND c.y = a.x";
        assertThat(pushed(sql)).isEqualTo("""
                Project [#0, #1, #2, #3]
                  Join INNER [(#2 = #1), (#3 = #0)]
                    Join INNER []
                      Scan a [0]
                      Scan b [0]
                    Scan c [0, 1]
                """);
        assertThat(after(sql)).isEqualTo("""
                Project [#0, #1, #2, #3]
                  Project [#0, #3, #1, #2]
                    Join INNER [(#1 = #3)]
                      Join INNER [(#2 = #0)]
                        Scan a [0]
                        Scan c [0, 1]
                      Scan b [0]
                """);
    }

    @Test
    void filtersOfTheInputsMoveWithThem() {
        assertThat(after("SELECT d.z FROM a, d, c WHERE c.y = d.y AND a.x = c.x AND d.z = 'q'")).isEqualTo("""
                Project [#2]
                  Project [#0, #3, #4, #1, #2]
                    Join INNER [(#2 = #3)]
                      Join INNER [(#0 = #1)]
                        Scan a [0]
                        Scan c [0, 1]
                      Filter [(#1 = q)]
                        Scan d [0, 1]
                """);
    }

    @Test
    void doesNotFireWhenEveryJoinHasACondition() {
        String sql = "SELECT * FROM a, c, d WHERE a.x = c.x AND c.y = d.y";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }

    @Test
    void doesNotFireWhenTheCrossProductIsUnavoidable() {
        String sql = "SELECT * FROM a, b WHERE a.x > 1";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }

    @Test
    void leavesOuterJoinsWhereTheyAre() {
        String sql = "SELECT * FROM a LEFT JOIN c ON a.x = c.x, b WHERE b.x = 1";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }
}
