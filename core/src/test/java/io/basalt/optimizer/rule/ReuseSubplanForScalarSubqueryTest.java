package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.plan.logical.LogicalPlan;
import io.basalt.plan.logical.PlanPrinter;
import org.junit.jupiter.api.Test;

class ReuseSubplanForScalarSubqueryTest {
    private final RuleTester tester = new RuleTester()
            .table("l", "sk integer", "price bigint", "day integer")
            .table("s", "sk integer", "name text");
    private final ReuseSubplanForScalarSubquery rule = new ReuseSubplanForScalarSubquery();

    /** The plan as the rule finds it: subqueries decorrelated, nothing else moved yet. */
    private LogicalPlan prepared(String sql) {
        return new DecorrelateSubqueries().apply(tester.bind(sql));
    }

    @Test
    void theMaximumOfACteReadTwiceIsAWindowOverItsOneReading() {
        String sql = "WITH revenue AS (SELECT sk AS no, sum(price) AS total FROM l WHERE day > 3 GROUP BY sk) "
                + "SELECT s.sk, name, total FROM s, revenue WHERE s.sk = no "
                + "AND total = (SELECT max(total) FROM revenue) ORDER BY s.sk";
        assertThat(PlanPrinter.print(rule.apply(prepared(sql)))).isEqualTo("""
                Sort [#0]
                  Project [#0, #1, #3]
                    Project [#0, #1, #2, #3]
                      Filter [(#0 = #2), (#3 = #4)]
                        Join INNER []
                          Scan s [0, 1]
                          Project [#0, #1, #2]
                            Window partition=0 order=0 calls=max
                              Project [#0, #1]
                                Aggregate keys=[#0] aggregates=[sum(#1)]
                                  Filter [(#2 > 3)]
                                    Scan l [0, 1, 2]
                """);
    }

    @Test
    void anotherRelationAFilteredReadingOrAnOuterJoinStayAsWritten() {
        for (String sql : new String[] {
            "WITH r AS (SELECT sk, sum(price) AS t FROM l GROUP BY sk) "
                    + "SELECT * FROM s, r WHERE s.sk = r.sk AND t = (SELECT max(t) FROM r WHERE sk > 1)",
            "WITH r AS (SELECT sk, sum(price) AS t FROM l GROUP BY sk) "
                    + "SELECT * FROM r, s WHERE s.sk = r.sk AND t = (SELECT max(t) FROM r)",
            "WITH r AS (SELECT sk, sum(price) AS t FROM l GROUP BY sk) "
                    + "SELECT * FROM s LEFT JOIN r ON s.sk = r.sk WHERE t = (SELECT max(t) FROM r)",
            "SELECT * FROM s, (SELECT sk, price FROM l WHERE day > random() * 10) x WHERE s.sk = x.sk "
                    + "AND price = (SELECT max(price) FROM (SELECT sk, price FROM l WHERE day > random() * 10) y)",
        }) {
            LogicalPlan plan = prepared(sql);
            assertThat(PlanPrinter.print(rule.apply(plan))).as(sql).isEqualTo(PlanPrinter.print(plan));
        }
    }
}
