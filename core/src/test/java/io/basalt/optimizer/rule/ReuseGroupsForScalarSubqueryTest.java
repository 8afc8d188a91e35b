package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class ReuseGroupsForScalarSubqueryTest {
    private final RuleTester tester = new RuleTester()
            .table("ps", "pk integer", "sk integer", "cost bigint", "qty integer")
            .table("s", "sk integer", "nk integer");
    private final ReuseGroupsForScalarSubquery rule = new ReuseGroupsForScalarSubquery();

    /** The plan as the rule finds it: subqueries decorrelated, nothing else moved yet. */
    private LogicalPlan prepared(String sql) {
        return new DecorrelateSubqueries().apply(tester.bind(sql));
    }

    @Test
    void theSubqueryOverTheGroupedRowsIsComputedFromTheGroups() {
        String sql = "SELECT pk, sum(cost * qty) FROM ps, s WHERE ps.sk = s.sk AND s.nk = 7 GROUP BY pk "
                + "HAVING sum(cost * qty) > (SELECT sum(cost * qty) * 0.0001 FROM ps, s WHERE ps.sk = s.sk AND s.nk = 7)";
        assertThat(PlanPrinter.print(rule.apply(prepared(sql)))).isEqualTo("""
                Project [#0, #1]
                  Filter [(#1::numeric > #2)]
                    Project [#0, #1, initplan.col1()]
                      InitPlanOverInput groups
                        Aggregate keys=[#0] aggregates=[sum((#2 * #3::bigint))]
                          Filter [(#1 = #4), (#5 = 7)]
                            Join INNER []
                              Scan ps [0, 1, 2, 3]
                              Scan s [0, 1]
                        Project [(#0::numeric(38,0)::numeric * 0.0001)]
                          Aggregate keys=[] aggregates=[sum(#1)]
                            Scan groups [0, 1]
                """);
    }

    @Test
    void countsAndExtremesFoldTheirGroupsValues() {
        String sql = "SELECT pk FROM ps GROUP BY pk HAVING count(*) > (SELECT count(*) / 10 FROM ps) "
                + "AND max(qty) = (SELECT max(qty) FROM ps)";
        String plan = PlanPrinter.print(rule.apply(prepared(sql)));
        // both subqueries fold the groups' rows (a sum of counts, a max of maxes); the table is scanned once
        assertThat(plan).containsOnlyOnce("Scan ps").contains("aggregates=[sum(#1)]").contains("aggregates=[max(#2)]");
        assertThat(plan.split("InitPlanOverInput groups", -1)).hasSize(3);
    }

    @Test
    void anotherWhereAnotherArgumentOrAnAverageStayAsWritten() {
        for (String sql : new String[] {
            "SELECT pk FROM ps GROUP BY pk HAVING sum(cost) > (SELECT sum(cost) FROM ps WHERE qty > 1)",
            "SELECT pk FROM ps GROUP BY pk HAVING sum(cost) > (SELECT sum(qty) FROM ps)",
            "SELECT pk FROM ps GROUP BY pk HAVING sum(cost) > (SELECT avg(cost) FROM ps)",
            "SELECT pk FROM ps GROUP BY pk HAVING avg(cost) > (SELECT avg(cost) FROM ps)",
            "SELECT pk FROM ps GROUP BY pk HAVING sum(cost) > (SELECT sum(cost) FROM ps, s WHERE ps.sk = s.sk)",
        }) {
            LogicalPlan plan = prepared(sql);
            assertThat(PlanPrinter.print(rule.apply(plan))).as(sql).isEqualTo(PlanPrinter.print(plan));
        }
    }
}
