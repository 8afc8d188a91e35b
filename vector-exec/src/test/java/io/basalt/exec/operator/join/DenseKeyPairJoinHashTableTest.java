package io.basalt.exec.operator.join;

import static io.basalt.exec.operator.join.JoinTestRelations.referenceJoin;
import static io.basalt.exec.operator.join.JoinTestRelations.run;
import static io.basalt.exec.operator.join.JoinTestRelations.sorted;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.expression.ColumnExpression;
import io.basalt.exec.expression.ComparisonExpression;
import io.basalt.exec.expression.ConstantExpression;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.operator.filter.FilterOperator;
import io.basalt.exec.operator.join.JoinTestRelations.Relation;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.Test;

/**
 * Joins on two integer keys of which one is a dense build key with one or a few rows per value (TPC-H Q5's customer
 * and nation, Q9's partsupp), against the reference join: every join type (first matches for SEMI and ANTI), the
 * dense key first or second, NULLs in either key on both sides, probe values outside the build's range, other keys
 * that disagree; and the choice of table (a key with too many rows per value, or a sparse one, leaves the pair to the
 * packed table).
 */
class DenseKeyPairJoinHashTableTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.INTEGER, LogicalType.TEXT);

    /**
     * Build rows whose column {@code uniqueColumn} holds the values {@code low, low + 1, ...}, each {@code copies}
     * times, in shuffled order, and whose other column is drawn from [0, 5); NULLs now and then in either column.
     */
    private static Relation build(int rows, int uniqueColumn, long low, int copies, Random random) {
        List<Long> unique = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            unique.add(low + i / copies);
        }
        Collections.shuffle(unique, random);
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = i % 17 == 16 ? null : unique.get(i);
            Long other = i % 13 == 12 ? null : (long) random.nextInt(5);
            Object[] row = new Object[3];
            row[uniqueColumn] = key;
            row[1 - uniqueColumn] = other;
            row[2] = "b" + i;
            list.add(Arrays.asList(row));
        }
        return new Relation(TYPES, list);
    }

    /** Probe rows whose two keys cover the build's values, values beside them, and NULLs. */
    private static Relation probe(int rows, int uniqueColumn, long low, int buildRows, Random random) {
        List<List<Object>> list = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Long key = i % 11 == 10 ? null : low - 3 + random.nextInt(buildRows + 6);
            Long other = i % 7 == 6 ? null : (long) random.nextInt(7) - 1;
            Object[] row = new Object[3];
            row[uniqueColumn] = key;
            row[1 - uniqueColumn] = other;
            row[2] = "p" + i;
            list.add(Arrays.asList(row));
        }
        return new Relation(TYPES, list);
    }

    @Test
    void pairsMatchLikeTheReferenceForEveryJoinType() {
        Random random = new Random(5);
        for (int uniqueColumn = 0; uniqueColumn < 2; uniqueColumn++) {
            for (long low : new long[] {-40, 0, 1_000_000_000L}) {
                for (int buildRows : new int[] {1, 30, 400}) {
                  for (int copies : new int[] {1, 4}) {
                    Relation probe = probe(600, uniqueColumn, low, buildRows / copies, random);
                    Relation build = build(buildRows, uniqueColumn, low, copies, random);
                    for (JoinType type : JoinType.values()) {
                        HashJoinOperator join = new HashJoinOperator(probe.operator(), build.operator(), type,
                                List.of(new ColumnExpression(0, LogicalType.BIGINT),
                                        new ColumnExpression(1, LogicalType.INTEGER)),
                                List.of(new ColumnExpression(0, LogicalType.BIGINT),
                                        new ColumnExpression(1, LogicalType.INTEGER)),
                                null);
                        List<List<Object>> expected = referenceJoin(type, probe, build, new int[] {0, 1},
                                new int[] {0, 1}, (p, b) -> true);
                        assertThat(sorted(run(join, 7))).as("%s join, %s build rows from %s, %s per value, column %s",
                                type, buildRows, low, copies, uniqueColumn).isEqualTo(sorted(expected));
                    }
                  }
                }
            }
        }
    }

    /** A filtered probe side hands on selective batches, whose keys the probe reads at their positions. */
    @Test
    void selectiveProbeBatchesMatchLikeTheReference() {
        Random random = new Random(8);
        for (int uniqueColumn = 0; uniqueColumn < 2; uniqueColumn++) {
            Relation probe = probe(900, uniqueColumn, 10, 100, random);
            Relation build = build(300, uniqueColumn, 10, 3, random);
            // keeps the rows whose column 1 is below 3 (not NULL)
            FilterOperator filtered = new FilterOperator(probe.operator(), List.of(new ComparisonExpression(
                    CompareOp.LT, new ColumnExpression(1, LogicalType.INTEGER),
                    new ConstantExpression(LogicalType.INTEGER, 3L))));
            List<List<Object>> kept = new ArrayList<>();
            for (List<Object> row : probe.rows()) {
                if (row.get(1) != null && ((Number) row.get(1)).longValue() < 3) {
                    kept.add(row);
                }
            }
            for (JoinType type : JoinType.values()) {
                for (int vectorSize : new int[] {7, 2048}) {
                    HashJoinOperator join = new HashJoinOperator(filtered, build.operator(), type,
                            List.of(new ColumnExpression(0, LogicalType.BIGINT),
                                    new ColumnExpression(1, LogicalType.INTEGER)),
                            List.of(new ColumnExpression(0, LogicalType.BIGINT),
                                    new ColumnExpression(1, LogicalType.INTEGER)),
                            null);
                    List<List<Object>> expected = referenceJoin(type, new Relation(TYPES, kept), build,
                            new int[] {0, 1}, new int[] {0, 1}, (p, b) -> true);
                    assertThat(sorted(run(join, vectorSize))).as("%s join, vector size %s, unique column %s", type,
                            vectorSize, uniqueColumn).isEqualTo(sorted(expected));
                }
            }
        }
    }

    @Test
    void takesADenseKeyWithFewRowsPerValueAndLeavesOthersToThePackedTable() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("dense", 1L << 20);
             BigIntVector a = new BigIntVector("a", allocator);
             IntVector b = new IntVector("b", allocator)) {
            int rows = 100;
            a.allocateNew(rows);
            b.allocateNew(rows);
            for (int i = 0; i < rows; i++) {
                a.set(i, 500 + (i * 37) % rows); // distinct, dense
                b.set(i, i % 3);
            }
            a.setValueCount(rows);
            b.setValueCount(rows);
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, rows)).isInstanceOf(DenseKeyPairJoinHashTable.class);
            assertThat(JoinHashTable.build(new FieldVector[] {b, a}, rows)).isInstanceOf(DenseKeyPairJoinHashTable.class);
            for (int i = 0; i < rows; i++) {
                a.set(i, 500 + i % 25); // four rows per value
            }
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, rows)).isInstanceOf(DenseKeyPairJoinHashTable.class);
            for (int i = 0; i < rows; i++) {
                a.set(i, 500 + i % 10); // ten rows per value, too many; b has 34
            }
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, rows)).isInstanceOf(PackedPairJoinHashTable.class);
            a.set(7, 1L << 30); // a too sparse to index directly, b too many rows per value
            assertThat(JoinHashTable.build(new FieldVector[] {a, b}, rows)).isInstanceOf(PackedPairJoinHashTable.class);
        }
    }
}
