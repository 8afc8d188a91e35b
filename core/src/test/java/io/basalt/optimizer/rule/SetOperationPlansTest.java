package io.basalt.optimizer.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The plans set operations bind to (golden text), and how the rules treat their append: filters go into
 * both inputs, pruning keeps every appended column.
 */
class SetOperationPlansTest {
    private final RuleTester tester = new RuleTester()
            .table("a", "x integer", "y integer")
            .table("b", "x bigint", "z integer");

    @Test
    void unionGroupsTheAppendedRowsByEveryColumn() {
        assertThat(tester.before("SELECT x, y FROM a UNION SELECT x, z FROM b")).isEqualTo("""
                Aggregate keys=[#0, #1] aggregates=[]
                  Append
                    Project [#0::bigint, #1]
                      Scan a [0, 1]
                    Project [#0, #1]
                      Scan b [0, 1]
                """);
    }

    @Test
    void intersectAllRepeatsEachRowByTheSmallerCount() {
        assertThat(tester.before("SELECT y FROM a INTERSECT ALL SELECT z FROM b")).isEqualTo("""
                Repeat #1
                  Project [#0, CASE WHEN (#1 < #2) THEN #1 ELSE #2 END]
                    Aggregate keys=[#0] aggregates=[count(#1), count(#2)]
                      Append
                        Project [#0, 1, NULL]
                          Project [#1]
                            Scan a [0, 1]
                        Project [#0, NULL, 1]
                          Project [#1]
                            Scan b [0, 1]
                """);
    }

    @Test
    void exceptKeepsRowsOnlyTheLeftHas() {
        assertThat(tester.before("SELECT y FROM a EXCEPT SELECT z FROM b")).isEqualTo("""
                Project [#0]
                  Filter [(#1 > 0), (#2 = 0)]
                    Aggregate keys=[#0] aggregates=[count(#1), count(#2)]
                      Append
                        Project [#0, 1, NULL]
                          Project [#1]
                            Scan a [0, 1]
                        Project [#0, NULL, 1]
                          Project [#1]
                            Scan b [0, 1]
                """);
    }

    @Test
    void filtersAboveAUnionAllReachBothInputs() {
        String sql = "SELECT * FROM (SELECT x, y FROM a UNION ALL SELECT x, z FROM b) s WHERE y > 3";
        assertThat(tester.after(new PushFiltersIntoJoins(), sql)).isEqualTo("""
                Project [#0, #1]
                  Append
                    Project [#0::bigint, #1]
                      Filter [(#1 > 3)]
                        Scan a [0, 1]
                    Project [#0, #1]
                      Filter [(#1 > 3)]
                        Scan b [0, 1]
                """);
    }

    @Test
    void pruningKeepsEveryAppendedColumn() {
        String sql = "SELECT y FROM (SELECT x, y FROM a UNION ALL SELECT x, z FROM b) s";
        assertThat(tester.after(new PruneColumns(), sql)).isEqualTo("""
                Project [#1]
                  Append
                    Project [#0::bigint, #1]
                      Scan a [0, 1]
                    Project [#0, #1]
                      Scan b [0, 1]
                """);
    }
}
