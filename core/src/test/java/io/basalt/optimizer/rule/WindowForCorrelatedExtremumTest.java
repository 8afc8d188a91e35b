package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class WindowForCorrelatedExtremumTest {
    private final RuleTester tester = new RuleTester()
            .table("p", "pk integer", "size integer", "kind text")
            .table("ps", "pk integer", "sk integer", "cost bigint")
            .table("s", "sk integer", "nk integer", "name text");
    private final WindowForCorrelatedExtremum rule = new WindowForCorrelatedExtremum();

    @Test
    void theMinimumOverTheRelationsTheOuterQueryJoinsIsAWindowOverItsRows() {
        String sql = "SELECT name, p.pk FROM p, ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND size = 15 "
                + "AND kind LIKE '%BRASS' AND nk = 3 AND cost = (SELECT min(cost) FROM ps, s "
                + "WHERE p.pk = ps.pk AND ps.sk = s.sk AND nk = 3) ORDER BY name";
        assertThat(tester.before(sql)).contains("Apply SCALAR");
        assertThat(tester.after(rule, sql)).isEqualTo("""
                Sort [#0]
                  Project [#8, #0]
                    Project [#0, #1, #2, #3, #4, #5, #6, #7, #8]
                      Filter [(#5 = #9)]
                        Project [#0, #1, #2, #3, #4, #5, #6, #7, #8, #9]
                          Window partition=1 order=0 calls=min
                            Filter [(#0 = #3), (#4 = #6), (#1 = 15), LIKE(#2), (#7 = 3)]
                              Join INNER []
                                Join INNER []
                                  Scan p [0, 1, 2]
                                  Scan ps [0, 1, 2]
                                Scan s [0, 1, 2]
                """);
    }

    @Test
    void otherConditionsAggregatesOrCorrelationsStayAsWritten() {
        String outer = "SELECT name, p.pk FROM p, ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND nk = 3 AND ";
        for (String sql : new String[] {
            // the subquery reads another nation
            outer + "cost = (SELECT min(cost) FROM ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND nk = 4)",
            // the outer query filters the subquery's relations further
            outer + "cost > 5 AND cost = (SELECT min(cost) FROM ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND nk = 3)",
            // a sum counts each row once per outer row of its key
            outer + "cost = (SELECT sum(cost) FROM ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk AND nk = 3)",
            // correlated on a column the outer query does not equate with the subquery's
            outer + "cost = (SELECT min(cost) FROM ps, s WHERE p.size = ps.pk AND ps.sk = s.sk AND nk = 3)",
            // a condition across the extra relation and the shared ones
            outer + "size < cost AND cost = (SELECT min(cost) FROM ps, s WHERE p.pk = ps.pk AND ps.sk = s.sk "
                    + "AND nk = 3)",
            // a relation the outer query does not join
            "SELECT p.pk FROM p, ps WHERE p.pk = ps.pk AND cost = (SELECT min(cost) FROM ps, s "
                    + "WHERE p.pk = ps.pk AND ps.sk = s.sk)",
            // not correlated
            outer + "cost = (SELECT min(cost) FROM ps, s WHERE ps.sk = s.sk AND nk = 3)",
        }) {
            LogicalPlan plan = tester.bind(sql);
            assertThat(PlanPrinter.print(rule.apply(plan))).as(sql).isEqualTo(PlanPrinter.print(plan));
        }
    }
}
