package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class DeriveInputFiltersFromOrTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "k integer", "x integer")
            .table("b", "k integer", "y integer");
    private final DeriveInputFiltersFromOr rule = new DeriveInputFiltersFromOr();

    private String pushed(String sql) {
        return PlanPrinter.print(new PushFiltersIntoJoins().apply(tester.bind(sql)));
    }

    private String after(String sql) {
        return PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(tester.bind(sql))));
    }

    @Test
    void eachInputGetsItsPartOfEveryBranch() {
        assertThat(after("SELECT * FROM a, b WHERE a.k = b.k AND ((a.x = 1 AND b.y = 2) OR (a.x = 2 AND b.y = 1))"))
                .isEqualTo("""
                        Project [#0, #1, #2, #3]
                          Join INNER [(#0 = #2), (((#1 = 1) AND (#3 = 2)) OR ((#1 = 2) AND (#3 = 1)))]
                            Filter [((#1 = 1) OR (#1 = 2))]
                              Scan a [0, 1]
                            Filter [((#1 = 2) OR (#1 = 1))]
                              Scan b [0, 1]
                        """);
    }

    @Test
    void aBranchWithoutAConditionOnOneInputLeavesThatInputAlone() {
        assertThat(after("SELECT * FROM a, b WHERE a.k = b.k AND ((a.x = 1 AND b.y = 2) OR a.x = 3)"))
                .isEqualTo("""
                        Project [#0, #1, #2, #3]
                          Join INNER [(#0 = #2), (((#1 = 1) AND (#3 = 2)) OR (#1 = 3))]
                            Filter [((#1 = 1) OR (#1 = 3))]
                              Scan a [0, 1]
                            Scan b [0, 1]
                        """);
    }

    @Test
    void doesNotFireWithoutAnOrAcrossTheInputs() {
        String sql = "SELECT * FROM a, b WHERE a.k = b.k AND (a.x = 1 OR a.x = 2)";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }

    @Test
    void leavesOuterJoinsAlone() {
        String sql = "SELECT * FROM a LEFT JOIN b ON a.k = b.k AND ((a.x = 1 AND b.y = 2) OR (a.x = 2 AND b.y = 1))";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }
}
