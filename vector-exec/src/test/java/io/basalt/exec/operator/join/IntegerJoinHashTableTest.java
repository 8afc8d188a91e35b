package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.referenceJoin;
import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The integer join table in both of its forms, against the reference join: dense keys (buckets indexed by
 * {@code key - min}), sparse keys (hashed), and key sets at the edges of the long range where {@code max - min}
 * overflows, with NULLs, duplicates, and probe keys below, inside and above the build's range.
 */
class IntegerJoinHashTableTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT);

    @Test
    void denseSparseAndExtremeKeysJoinLikeTheReference() {
        Random random = new Random(11);
        long[][] pools = {
            {-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8},
            {10, 20, 30, 1L << 40, -(1L << 40), 7},
            {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1},
            {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 2},
            {Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MAX_VALUE - 3},
        };
        for (long[] pool : pools) {
            for (int buildRows : new int[]{0, 1, 5, 40, 700}) {
                Relation build = relation("b", buildRows, pool, random, 9);
                Relation probe = relation("p", 600, pool, random, 7);
                for (JoinType type : JoinType.values()) {
                    HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), type,
                            List.of(new ColumnExpression(0, LogicalType.BIGINT)),
                            List.of(new ColumnExpression(0, LogicalType.BIGINT)), null);
                    List<List<Object>> expected = referenceJoin(type, probe, build, new int[]{0}, new int[]{0},
                            (p, b) -> true);
                    assertThat(sorted(run(join, 7))).as("%s join over %s, %s build rows", type,
                            Arrays.toString(pool), buildRows).isEqualTo(sorted(expected));
                }
            }
        }
    }

    /** {@code rows} rows whose keys are drawn from {@code pool} plus a few neighbours; every n-th is NULL. */
    private static Relation relation(String label, int rows, long[] pool, Random random, int nullEvery) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = i % nullEvery == nullEvery - 1 ? null : pool[random.nextInt(pool.length)] + random.nextInt(3) - 1;
            list.add(Arrays.asList(key, label + i));
        }
        return new Relation(TYPES, list);
    }
}
