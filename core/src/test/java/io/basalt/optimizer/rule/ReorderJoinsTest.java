package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.optimizer.statistics.ColumnStatistics;
import io.basalt.optimizer.statistics.GatheredStatistics;
import io.basalt.optimizer.statistics.TableStatistics;
import io.basalt.plan.logical.PlanPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReorderJoinsTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer")
            .table("b", "x integer")
            .table("c", "x integer", "y integer")
            .table("d", "y integer", "z text")
            .sizedTable("fact", 1_000_000, "k1 integer", "k2 integer", "v integer")
            .sizedTable("small", 10, "k integer", "name text")
            .sizedTable("medium", 5_000, "k integer", "name text");
    private final ReorderJoins rule = new ReorderJoins();

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
    void joinsTheFactTableLastWithTheSmallerDimensionsBuilt() {
        // written dimensions first (a cross product of the two); both are hashed and the fact table probes
        String sql = "SELECT * FROM small, medium, fact WHERE fact.k1 = small.k AND fact.k2 = medium.k";
        assertThat(after(sql)).isEqualTo("""
                Project [#0, #1, #2, #3, #4, #5, #6]
                  Project [#3, #4, #5, #6, #0, #1, #2]
                    Join INNER [(#1 = #5)]
                      Join INNER [(#0 = #3)]
                        Scan fact [0, 1, 2]
                        Scan small [0, 1]
                      Scan medium [0, 1]
                """);
    }

    @Test
    void aSelectiveFilterMakesALargeInputSmall() {
        // medium filtered keeps about 25 rows: joined to small first (a bushy plan), then probed by the fact table
        String sql = "SELECT * FROM fact, medium, small WHERE fact.k1 = small.k AND small.k = medium.k"
                + " AND medium.name = 'x'";
        assertThat(after(sql)).isEqualTo("""
                Project [#0, #1, #2, #3, #4, #5, #6]
                  Join INNER [(#0 = #5)]
                    Scan fact [0, 1, 2]
                    Join INNER [(#2 = #0)]
                      Filter [(#1 = x)]
                        Scan medium [0, 1]
                      Scan small [0, 1]
                """);
    }

    @Test
    void statisticsDecideWhichJoinShrinksTheRowsMost() {
        RuleTester sized = new RuleTester()
                .sizedTable("r", 100_000, "p integer", "q integer")
                .sizedTable("s", 100_000, "p integer")
                .sizedTable("t", 100_000, "q integer");
        // r.p has 10 distinct values and r.q 100,000: joining r with t on q keeps 100,000 rows, with s on p
        // a billion, so r meets t first
        GatheredStatistics.record(sized.store("r"), new TableStatistics(100_000, List.of(
                new ColumnStatistics(10, 0, Double.NaN, Double.NaN),
                new ColumnStatistics(100_000, 0, Double.NaN, Double.NaN))));
        GatheredStatistics.record(sized.store("s"), new TableStatistics(100_000, List.of(
                new ColumnStatistics(10, 0, Double.NaN, Double.NaN))));
        GatheredStatistics.record(sized.store("t"), new TableStatistics(100_000, List.of(
                new ColumnStatistics(100_000, 0, Double.NaN, Double.NaN))));
        String sql = "SELECT * FROM r, s, t WHERE r.p = s.p AND r.q = t.q";
        assertThat(PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(sized.bind(sql))))).isEqualTo("""
                Project [#0, #1, #2, #3]
                  Project [#0, #1, #3, #2]
                    Join INNER [(#0 = #3)]
                      Join INNER [(#1 = #2)]
                        Scan r [0, 1]
                        Scan t [0]
                      Scan s [0]
                """);
    }

    @Test
    void aKeyOfSeveralColumnsIsNotTakenAsSelectiveAsItsColumnsTogether() {
        RuleTester sized = new RuleTester()
                .sizedTable("item", 600_000, "part integer", "supplier integer")
                .sizedTable("offer", 80_000, "part integer", "supplier integer")
                .sizedTable("chosen", 100, "part integer");
        GatheredStatistics.record(sized.store("item"), new TableStatistics(600_000, List.of(
                new ColumnStatistics(20_000, 0, Double.NaN, Double.NaN),
                new ColumnStatistics(1_000, 0, Double.NaN, Double.NaN))));
        GatheredStatistics.record(sized.store("offer"), new TableStatistics(80_000, List.of(
                new ColumnStatistics(20_000, 0, Double.NaN, Double.NaN),
                new ColumnStatistics(1_000, 0, Double.NaN, Double.NaN))));
        // item-offer on both columns keeps a row per item (600,000), not 600,000 * 80,000 / (20,000 * 1,000) =
        // 2,400, so the few chosen parts meet the items first and the offers probe that result
        String sql = "SELECT * FROM item, offer, chosen WHERE item.part = offer.part"
                + " AND item.supplier = offer.supplier AND item.part = chosen.part";
        assertThat(PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(sized.bind(sql))))).isEqualTo("""
                Project [#0, #1, #2, #3, #4]
                  Project [#2, #3, #0, #1, #4]
                    Join INNER [(#2 = #0), (#3 = #1)]
                      Scan offer [0, 1]
                      Join INNER [(#0 = #2)]
                        Scan item [0, 1]
                        Scan chosen [0]
                """);
    }

    @Test
    void theFactTableProbesTheSmallTableFirstWhenBothKeepAsFewRows() {
        // orders-like "big" (a million keys, 5,000 left by its filter) and supplier-like "small" (10,000 keys, 50
        // left) each keep 1/200 of the fact rows; probing the 50-row table first and the 5,000-row one with the
        // survivors costs fewer cache misses than the other way round (TPC-H Q7), so the written order changes
        RuleTester sized = new RuleTester()
                .sizedTable("fact", 1_000_000, "b integer", "s integer")
                .sizedTable("big", 1_000_000, "k integer", "flag integer")
                .sizedTable("small", 10_000, "k integer", "flag integer");
        String sql = "SELECT * FROM fact, big, small WHERE fact.b = big.k AND fact.s = small.k"
                + " AND big.flag = 1 AND small.flag = 1";
        assertThat(PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(sized.bind(sql))))).isEqualTo("""
                Project [#0, #1, #2, #3, #4, #5]
                  Project [#0, #1, #4, #5, #2, #3]
                    Join INNER [(#0 = #4)]
                      Join INNER [(#1 = #2)]
                        Scan fact [0, 1]
                        Filter [(#1 = 1)]
                          Scan small [0, 1]
                      Filter [(#1 = 1)]
                        Scan big [0, 1]
                """);
    }

    @Test
    void aConditionAgainstAOneRowCountThatKeepsEveryRowIsNotTakenAsAFilter() {
        // NOT IN's check (TPC-H Q16): "c = 0 OR v IS NOT NULL" against a one-row count keeps every fact row
        // (the count's own "c = 0" is estimated over its one row); taken as a third, it would go below the join
        // with medium to shrink the rows that probe medium's table
        String sql = "SELECT * FROM fact, medium, (SELECT count(*) AS c FROM small) s"
                + " WHERE fact.k1 = medium.k AND (s.c = 0 OR fact.v IS NOT NULL)";
        assertThat(after(sql)).isEqualTo("""
                Project [#0, #1, #2, #3, #4, #5]
                  Join INNER [((#5 = 0) OR (#2 IS NOT NULL))]
                    Join INNER [(#0 = #3)]
                      Scan fact [0, 1, 2]
                      Scan medium [0, 1]
                    Project [#0]
                      Aggregate keys=[] aggregates=[count(*)]
                        Scan small [0, 1]
                """);
    }

    @Test
    void manyInputsAreOrderedGreedilyWithoutCrossProducts() {
        RuleTester chain = new RuleTester();
        StringBuilder from = new StringBuilder();
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            chain.sizedTable("t" + i, 1000L * (i % 4 + 1), "k integer", "n integer");
            from.append(i == 0 ? "" : ", ").append("t").append((i * 5) % 12);
            if (i > 0) {
                where.append(i == 1 ? "" : " AND ").append("t").append(i - 1).append(".n = t").append(i).append(".k");
            }
        }
        String sql = "SELECT * FROM " + from + " WHERE " + where;
        String before = PlanPrinter.print(new PushFiltersIntoJoins().apply(chain.bind(sql)));
        String after = PlanPrinter.print(rule.apply(new PushFiltersIntoJoins().apply(chain.bind(sql))));
        assertThat(before).contains("Join INNER []");
        assertThat(after).doesNotContain("Join INNER []");
        assertThat(after.split("Join INNER", -1)).hasSize(12);
    }

    @Test
    void doesNotFireBetweenOrdersOfEqualCost() {
        // each dimension meets the fact table on a key: either order keeps a million rows
        String sql = "SELECT * FROM fact, medium, small WHERE fact.k1 = small.k AND fact.k2 = medium.k";
        assertThat(after(sql)).isEqualTo(pushed(sql));
    }

    @Test
    void doesNotFireWhenTheOrderIsAlreadyTheCheapest() {
        String sql = "SELECT * FROM fact, small, medium WHERE fact.k1 = small.k AND fact.k2 = medium.k";
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
