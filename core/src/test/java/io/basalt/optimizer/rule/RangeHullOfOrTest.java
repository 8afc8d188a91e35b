package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class RangeHullOfOrTest {
    private final RuleTester tester = new RuleTester()
            .table("t", "x integer", "y integer", "d numeric(15,2)");
    private final RangeHullOfOr rule = new RangeHullOfOr();

    private String before(String sql) {
        return PlanPrinter.print(new PushFiltersIntoJoins().apply(tester.bind(sql)));
    }

    private String after(String sql) {
        return PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(tester.bind(sql))));
    }

    @Test
    void overlappingRangesBecomeOneInterval() {
        assertThat(after("SELECT * FROM t WHERE (x >= 1 AND x <= 11) OR (x >= 10 AND x <= 20) OR (x BETWEEN 20 AND 30)"))
                .isEqualTo("""
                        Project [#0, #1, #2]
                          Filter [(#0 >= 1), (#0 <= 30)]
                            Scan t [0, 1, 2]
                        """);
    }

    @Test
    void rangesWithAGapKeepTheOrAndGainTheHull() {
        assertThat(after("SELECT * FROM t WHERE (x > 1 AND x < 5) OR (x > 5 AND x < 9)"))
                .isEqualTo("""
                        Project [#0, #1, #2]
                          Filter [(((#0 > 1) AND (#0 < 5)) OR ((#0 > 5) AND (#0 < 9))), (#0 > 1), (#0 < 9)]
                            Scan t [0, 1, 2]
                        """);
    }

    @Test
    void otherConditionsInTheBranchesKeepTheOr() {
        assertThat(after("SELECT * FROM t WHERE (x >= 1 AND x <= 5 AND y = 1) OR (x = 7 AND y = 2)"))
                .isEqualTo("""
                        Project [#0, #1, #2]
                          Filter [(((#0 >= 1) AND (#0 <= 5) AND (#1 = 1)) OR ((#0 = 7) AND (#1 = 2))), (#0 >= 1), (#0 <= 7)]
                            Scan t [0, 1, 2]
                        """);
    }

    @Test
    void aBranchOpenBelowLeavesTheHullOpenBelow() {
        assertThat(after("SELECT * FROM t WHERE d <= 11 OR (d >= 10 AND d <= 20)"))
                .isEqualTo("""
                        Project [#0, #1, #2]
                          Filter [(#2 <= 20.00)]
                            Scan t [0, 1, 2]
                        """);
    }

    @Test
    void leavesInListsAlone() {
        String sql = "SELECT * FROM t WHERE x IN (3, 9, 49)";
        assertThat(after(sql)).isEqualTo(before(sql));
    }

    @Test
    void doesNotFireWhenABranchLeavesTheColumnUnbounded() {
        String sql = "SELECT * FROM t WHERE (x >= 1 AND x <= 5) OR y = 3";
        assertThat(after(sql)).isEqualTo(before(sql));
    }
}
