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
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * Joins on two integer keys, whose pairs are packed into one code when their ranges fit, against the reference join:
 * every join type, NULLs in either key, negative values, probe values outside the build's ranges, and ranges too wide
 * to pack (the generic table then answers).
 */
class PackedPairJoinHashTableTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.TEXT);

    /** Rows (a, b, label): a drawn from {@code aValues}, b from [bLow, bLow + bCount), NULLs now and then. */
    private static Relation relation(String label, int rows, long[] aValues, long bLow, int bCount, Random random) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long a = i % 11 == 10 ? null : aValues[random.nextInt(aValues.length)];
            Long b = i % 13 == 12 ? null : bLow + random.nextInt(bCount);
            list.add(Arrays.asList(a, b, label + i));
        }
        return new Relation(TYPES, list);
    }

    @Test
    void pairsMatchLikeTheReferenceForEveryJoinType() {
        Random random = new Random(3);
        long[] narrow = {-3, -1, 0, 2, 5, 7};
        long[] wide = {Long.MIN_VALUE + 1, -5, 0, 9, Long.MAX_VALUE};
        for (long[] aValues : new long[][] {narrow, wide}) {
            for (int buildRows : new int[] {0, 1, 30, 400}) {
                Relation probe = relation("p", 500, new long[] {-4, -3, -1, 0, 2, 5, 7, 8, Long.MIN_VALUE + 1, 9},
                        -2, 9, random);
                Relation build = relation("b", buildRows, aValues, 0, 5, random);
                for (JoinType type : JoinType.values()) {
                    HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), type,
                            List.of(new ColumnExpression(0, LogicalType.BIGINT), new ColumnExpression(1, LogicalType.INTEGER)),
                            List.of(new ColumnExpression(0, LogicalType.BIGINT), new ColumnExpression(1, LogicalType.INTEGER)),
                            null);
                    List<List<Object>> expected = referenceJoin(type, probe, build, new int[] {0, 1}, new int[] {0, 1},
                            (p, b) -> true);
                    assertThat(sorted(run(join, 7))).as("%s join, %s build rows, build a in %s", type, buildRows,
                            Arrays.toString(aValues)).isEqualTo(sorted(expected));
                }
            }
        }
    }

    @Test
    void packsWhenTheRangesFitAndDeclinesOtherwise() {
        try (BufferAllocator allocator = io.basalt.exec.memory.MemoryRoots.newRoot("pack", 1L << 20);
             BigIntVector a = new BigIntVector("a", allocator);
             IntVector b = new IntVector("b", allocator)) {
            a.allocateNew(2);
            b.allocateNew(2);
            a.set(0, 10);
            a.set(1, 1L << 40);
            b.set(0, -7);
            b.set(1, 1 << 20);
            a.setValueCount(2);
            b.setValueCount(2);
            // 41 + 21 bits fit 62
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, 2)).isInstanceOf(PackedPairJoinHashTable.class);
            a.set(1, 1L << 45);
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, 2)).isInstanceOf(GenericJoinHashTable.class);
        }
    }
}
