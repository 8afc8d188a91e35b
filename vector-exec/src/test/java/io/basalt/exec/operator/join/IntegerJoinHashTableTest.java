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

    /** How a test build's keys are drawn. */
    private enum Keys {
        /** Any long (hashed buckets, hashed bitmap). */
        SPARSE,
        /** [0, 60,000) with repeats (direct buckets, chains longer than one). */
        DENSE,
        /** Distinct values of [0, 1.5 x rows) (direct buckets, one row each: the probe takes first candidates). */
        DISTINCT,
        /** [0, 200,000) for a build far smaller (ranked buckets, exact bitmap over the range). */
        NARROW,
        /** [0, 40 x rows), a few repeats (ranked buckets, built on two threads when large). */
        SPREAD;

        /** The keys' range, of which probe misses are drawn around (SPARSE: unused). */
        long range(int buildRows) {
            return switch (this) {
                case SPARSE -> 0;
                case DENSE -> 60_000;
                case DISTINCT -> buildRows * 3L / 2;
                case NARROW -> 200_000;
                case SPREAD -> buildRows * 40L;
            };
        }
    }

    /**
     * A build large enough for the probe-side bitmap (sparse keys, hashed; dense keys, indexed directly, with repeats
     * and all distinct) and builds over a wider range (ranked, with an exact bitmap of the range): every pair
     * of equal keys must still be found, in build order per probe row, and no other, for all and for first matches,
     * over probe batches that mix present, absent and NULL keys.
     */
    @Test
    void largeBuildsFindEveryPairThroughTheirBitmap() {
        java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            // serially, then large enough for the chains to be built on two threads (the pool's and the caller)
            for (Keys keys : Keys.values()) {
                buildAndProbe(keys == Keys.NARROW || keys == Keys.SPREAD ? 3_001 : 70_001, null, keys);
                buildAndProbe(keys == Keys.NARROW ? 20_011 : 140_003, workers, keys);
            }
        } finally {
            workers.shutdown();
        }
    }

    private static void buildAndProbe(int buildRows, java.util.concurrent.ExecutorService workers, Keys shape) {
        Random random = new Random(5);
        boolean dense = shape != Keys.SPARSE;
        long range = shape.range(buildRows);
        long[] distinct = new long[shape == Keys.DISTINCT ? (int) range : 0];
        if (shape == Keys.DISTINCT) {
            for (int i = 0; i < distinct.length; i++) {
                distinct[i] = i;
            }
            for (int i = distinct.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                long swap = distinct[i];
                distinct[i] = distinct[j];
                distinct[j] = swap;
            }
        }
        {
            long[] buildKeys = new long[buildRows];
            java.util.Map<Long, List<Integer>> rowsByKey = new java.util.HashMap<>();
            try (org.apache.arrow.memory.BufferAllocator allocator = io.basalt.exec.memory.MemoryRoots.newRoot("join", 1L << 30);
                 org.apache.arrow.vector.BigIntVector build = new org.apache.arrow.vector.BigIntVector("b", allocator);
                 org.apache.arrow.vector.BigIntVector probe = new org.apache.arrow.vector.BigIntVector("p", allocator)) {
                build.allocateNew(buildRows);
                for (int row = 0; row < buildRows; row++) {
                    long key = switch (shape) {
                        case SPARSE -> random.nextLong() >> random.nextInt(40);
                        case DISTINCT -> distinct[row];
                        default -> random.nextInt((int) range);
                    };
                    buildKeys[row] = key;
                    if (row % 1000 == 999) {
                        build.setNull(row);
                        continue;
                    }
                    build.set(row, key);
                    rowsByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
                }
                build.setValueCount(buildRows);
                JoinHashTable table = JoinHashTable.build(new org.apache.arrow.vector.FieldVector[] {build}, buildRows,
                        workers);
                int probeRows = 20_011; // past the filter trial, so that a probe that stops filtering is covered too
                probe.allocateNew(probeRows);
                for (int row = 0; row < probeRows; row++) {
                    if (row % 13 == 0) {
                        probe.setNull(row);
                    } else {
                        // dense probes mostly find their keys (the probe stops testing the bitmap); sparse ones often miss
                        probe.set(row, row % (dense ? 10 : 2) != 1 ? buildKeys[random.nextInt(buildRows)]
                                : (shape == Keys.NARROW || shape == Keys.SPREAD) && row % 3 == 0
                                        ? random.nextInt((int) range)
                                : dense ? range + random.nextInt(1000) - (range + 10_000) * (row % 3)
                                : random.nextLong());
                    }
                }
                probe.setValueCount(probeRows);
                for (boolean firstOnly : new boolean[] {false, true}) {
                    List<String> expected = new ArrayList<>();
                    for (int row = 0; row < probeRows; row++) {
                        List<Integer> matches = probe.isNull(row) ? List.of() : rowsByKey.getOrDefault(probe.get(row), List.of());
                        for (int m = 0; m < (firstOnly ? Math.min(1, matches.size()) : matches.size()); m++) {
                            expected.add(row + ":" + matches.get(m));
                        }
                    }
                    CandidatePairs pairs = table.newProbe(firstOnly);
                    pairs.start(new org.apache.arrow.vector.FieldVector[] {probe}, probeRows);
                    int[] probeSide = new int[100];
                    int[] buildSide = new int[100];
                    List<String> actual = new ArrayList<>();
                    for (int count = pairs.next(probeSide, buildSide, 100); count > 0;
                         count = pairs.next(probeSide, buildSide, 100)) {
                        for (int k = 0; k < count; k++) {
                            actual.add(probeSide[k] + ":" + buildSide[k]);
                        }
                    }
                    assertThat(actual).as("%s keys, first only %s, %s rows", shape, firstOnly, buildRows)
                            .isEqualTo(expected);
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
