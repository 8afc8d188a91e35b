package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class PushSemiJoinsIntoInnerJoinsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "k integer")
            .table("b", "k integer", "m integer")
            .table("s", "m integer");
    private final PushSemiJoinsIntoInnerJoins rule = new PushSemiJoinsIntoInnerJoins();

    /** The plan as the rule finds it: subqueries decorrelated, conditions in the joins. */
    private LogicalPlan prepared(String sql) {
        return new PushFiltersIntoJoins().apply(new DecorrelateSubqueries().apply(tester.bind(sql)));
    }

    @Test
    void theSemiJoinGoesToTheInputItTests() {
        String sql = "SELECT * FROM a, b WHERE a.k = b.k AND b.m IN (SELECT m FROM s)";
        String before = PlanPrinter.print(prepared(sql));
        assertThat(before).contains("Join SEMI").contains("  Join INNER");
        assertThat(PlanPrinter.print(rule.apply(prepared(sql)))).isEqualTo("""
                Project [#0, #1, #2]
                  Project [#0, #1, #2]
                    Project [#0, #1, #2, t]
                      Join INNER [(#0 = #1)]
                        Scan a [0]
                        Join SEMI [(#1 = #2)]
                          Scan b [0, 1]
                          Project [#0]
                            Scan s [0]
                """);
    }

    @Test
    void anAntiJoinReadingBothInnerInputsStays() {
        String sql = "SELECT * FROM a, b WHERE a.k = b.k AND NOT EXISTS (SELECT 1 FROM s WHERE s.m = a.k + b.m)";
        LogicalPlan plan = prepared(sql);
        assertThat(PlanPrinter.print(rule.apply(plan))).isEqualTo(PlanPrinter.print(plan));
    }
}
