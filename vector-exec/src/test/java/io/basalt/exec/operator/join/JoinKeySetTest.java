package io.basalt.exec.operator.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.junit.jupiter.api.Test;

/**
 * The join key set against a {@link HashSet} model: both of its forms (bitmap, hash), keys of 2, 4 and 8 bytes,
 * NULLs, duplicates, empty builds and boundary values, for {@code contains} and for {@code select} over probe
 * vectors of awkward lengths.
 */
class JoinKeySetTest {
    private static final int[] LENGTHS = {0, 1, 7, 8, 15, 16, 17, 1023, 1024, 1025, 4099};

    @Test
    void denseKeysMakeABitmapAndSparseKeysAHashSet() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("key set", 1L << 28);
             BigIntVector dense = longs(allocator, List.of(5L, 6L, 9L, 5L));
             BigIntVector sparse = longs(allocator, List.of(1L, 1L << 40, -7L));
             BigIntVector sparseInNarrowRange = longs(allocator, List.of(3L, 90_000L, 199_999L))) {
            assertThat(JoinKeySet.of(dense, 4).isBitmap()).isTrue();
            assertThat(JoinKeySet.of(sparse, 3).isBitmap()).isFalse();
            // few keys over a range of at most 2^20 values: a bitmap however sparse (TPC-H Q2's part keys)
            assertThat(JoinKeySet.of(sparseInNarrowRange, 3).isBitmap()).isTrue();
        }
    }

    /** An empty build, or one of NULLs only, selects nothing, whether or not the probe has NULLs (join/basic.test). */
    @Test
    void emptyAndAllNullBuildsSelectNothing() {
        Random random = new Random(3);
        List<Long> nulls = new ArrayList<>();
        nulls.add(null);
        nulls.add(null);
        try (BufferAllocator allocator = MemoryRoots.newRoot("key set", 1L << 28)) {
            checkLongs(allocator, List.of(), new long[] {0, 1, -1, 64, Long.MIN_VALUE, Long.MAX_VALUE}, random);
            checkLongs(allocator, nulls, new long[] {0, 1, -1, 64, Long.MIN_VALUE, Long.MAX_VALUE}, random);
        }
    }

    @Test
    void bigintKeysMatchTheModel() {
        Random random = new Random(17);
        long[][] pools = {
            {0, 1, 2, 3, 63, 64, 65, 127, 128},
            {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, 1},
            {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MIN_VALUE + 64},
            {Long.MAX_VALUE - 64, Long.MAX_VALUE - 1, Long.MAX_VALUE},
        };
        try (BufferAllocator allocator = MemoryRoots.newRoot("key set", 1L << 28)) {
            for (long[] pool : pools) {
                List<Long> build = new ArrayList<>();
                for (int i = 0; i < pool.length; i += 2) {
                    build.add(pool[i]);
                }
                build.add(null);
                checkLongs(allocator, build, pool, random);
            }
            for (int round = 0; round < 20; round++) {
                int buildRows = random.nextInt(3000);
                long range = round % 2 == 0 ? 5000 : 1L << 50;
                List<Long> build = new ArrayList<>();
                for (int i = 0; i < buildRows; i++) {
                    build.add(i % 11 == 10 ? null : Math.floorMod(random.nextLong(), range) - range / 3);
                }
                long[] probePool = new long[200];
                for (int i = 0; i < probePool.length; i++) {
                    probePool[i] = i % 2 == 0 && !build.isEmpty() && build.get(i % build.size()) != null
                            ? build.get(i % build.size()) : Math.floorMod(random.nextLong(), range) - range / 3;
                }
                checkLongs(allocator, build, probePool, random);
            }
        }
    }

    @Test
    void intAndSmallintKeysMatchTheModel() {
        Random random = new Random(5);
        try (BufferAllocator allocator = MemoryRoots.newRoot("key set", 1L << 28)) {
            for (int round = 0; round < 10; round++) {
                int buildRows = random.nextInt(500);
                try (IntVector build = new IntVector("b", allocator);
                     SmallIntVector smallBuild = new SmallIntVector("s", allocator)) {
                    build.allocateNew(buildRows);
                    smallBuild.allocateNew(buildRows);
                    Set<Long> model = new HashSet<>();
                    for (int i = 0; i < buildRows; i++) {
                        if (i % 9 == 8) {
                            build.setNull(i);
                            smallBuild.setNull(i);
                            continue;
                        }
                        int value = round % 2 == 0 ? random.nextInt(1000) - 500 : random.nextInt();
                        build.set(i, value);
                        smallBuild.set(i, (short) value);
                        model.add((long) value);
                    }
                    build.setValueCount(buildRows);
                    smallBuild.setValueCount(buildRows);
                    JoinKeySet keys = JoinKeySet.of(build, buildRows);
                    JoinKeySet smallKeys = JoinKeySet.of(smallBuild, buildRows);
                    Set<Long> smallModel = new HashSet<>();
                    for (long value : model) {
                        smallModel.add((long) (short) value);
                    }
                    for (int length : LENGTHS) {
                        try (IntVector probe = new IntVector("p", allocator);
                             SmallIntVector smallProbe = new SmallIntVector("q", allocator)) {
                            probe.allocateNew(length);
                            smallProbe.allocateNew(length);
                            for (int i = 0; i < length; i++) {
                                int value = i % 13 == 12 ? 0 : random.nextInt(1200) - 600;
                                if (i % 13 == 12) {
                                    probe.setNull(i);
                                    smallProbe.setNull(i);
                                } else {
                                    probe.set(i, value);
                                    smallProbe.set(i, (short) value);
                                }
                            }
                            probe.setValueCount(length);
                            smallProbe.setValueCount(length);
                            assertSelects(keys, probe, length, model);
                            assertSelects(smallKeys, smallProbe, length, smallModel);
                            // without NULLs: the bitmap's loop of its own for INTEGER keys
                            for (int i = 0; i < length; i++) {
                                probe.set(i, random.nextInt(1200) - 600);
                            }
                            assertSelects(keys, probe, length, model);
                        }
                    }
                }
            }
        }
    }

    /**
     * selectAt reads only the part of the validity bitmap its positions span: NULLs before or after the span leave
     * the fast loops in use, a NULL inside it (at a selected position or between two) is never taken for a key, at
     * word-aligned and unaligned spans alike. A NULL row here still holds a key in its data buffer.
     */
    @Test
    void selectAtSeesTheNullsOfItsSpanOnly() {
        int length = 4099;
        try (BufferAllocator allocator = MemoryRoots.newRoot("key set", 1L << 28);
             BigIntVector build = longs(allocator, List.of(3L, 5L, 64L, 100L));
             BigIntVector probe = new BigIntVector("k", allocator)) {
            JoinKeySet keys = JoinKeySet.of(build, 4);
            Set<Long> model = Set.of(3L, 5L, 64L, 100L);
            probe.allocateNew(length);
            for (int i = 0; i < length; i++) {
                probe.set(i, i % 101);
            }
            probe.setValueCount(length);
            int[] nullRows = {0, 3, 700, 1030, 4098};
            for (int row : nullRows) {
                probe.setNull(row);
            }
            int[][] spans = {{1, 700}, {4, 699}, {64, 1024}, {701, 1030}, {701, 1031}, {1031, 4098}, {2, 4}, {3, 4},
                {1024, 1088}, {1100, 1101}};
            for (int[] span : spans) {
                for (int step : new int[] {1, 3}) {
                    int[] positions = new int[length];
                    int given = 0;
                    for (int row = span[0]; row < span[1]; row += step) {
                        positions[given++] = row;
                    }
                    List<Integer> expected = new ArrayList<>();
                    for (int k = 0; k < given; k++) {
                        if (!probe.isNull(positions[k]) && model.contains(probe.get(positions[k]))) {
                            expected.add(positions[k]);
                        }
                    }
                    int kept = keys.selectAt(probe, positions, given, positions);
                    List<Integer> actual = new ArrayList<>();
                    for (int k = 0; k < kept; k++) {
                        actual.add(positions[k]);
                    }
                    assertThat(actual).as("selectAt over [%s, %s) by %s", span[0], span[1], step).isEqualTo(expected);
                }
            }
        }
    }

    private static void checkLongs(BufferAllocator allocator, List<Long> build, long[] probePool, Random random) {
        Set<Long> model = new HashSet<>();
        for (Long key : build) {
            if (key != null) {
                model.add(key);
            }
        }
        try (BigIntVector buildVector = longs(allocator, build)) {
            JoinKeySet keys = JoinKeySet.of(buildVector, build.size());
            for (long probe : probePool) {
                assertThat(keys.contains(probe)).as("contains %s", probe).isEqualTo(model.contains(probe));
            }
            for (int length : LENGTHS) {
                List<Long> probe = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    probe.add(i % 10 == 9 ? null : probePool[random.nextInt(probePool.length)]);
                }
                try (BigIntVector probeVector = longs(allocator, probe)) {
                    assertSelects(keys, probeVector, length, model);
                }
                // without NULLs: the bitmap's loops of their own (keys below, inside and above its range)
                List<Long> dense = new ArrayList<>();
                for (int i = 0; i < length; i++) {
                    dense.add(probePool[random.nextInt(probePool.length)]);
                }
                try (BigIntVector probeVector = longs(allocator, dense)) {
                    assertSelects(keys, probeVector, length, model);
                }
            }
        }
    }

    private static void assertSelects(JoinKeySet keys, FieldVector probe, int length, Set<Long> model) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            Object value = probe.getObject(i);
            if (value != null && model.contains(((Number) value).longValue())) {
                expected.add(i);
            }
        }
        int[] selection = new int[length];
        int count = keys.select(probe, length, selection);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actual.add(selection[i]);
        }
        assertThat(actual).as("selection over %s rows", length).isEqualTo(expected);
        // selectAt over every other position, in place, keeps the same rows among those positions
        int[] positions = new int[length];
        int given = 0;
        for (int i = 0; i < length; i += 2) {
            positions[given++] = i;
        }
        int keptCount = keys.selectAt(probe, positions, given, positions);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < keptCount; i++) {
            kept.add(positions[i]);
        }
        assertThat(kept).as("selectAt over %s rows", length)
                .isEqualTo(expected.stream().filter(row -> row % 2 == 0).toList());
    }

    private static BigIntVector longs(BufferAllocator allocator, List<Long> values) {
        BigIntVector vector = new BigIntVector("k", allocator);
        vector.allocateNew(Math.max(1, values.size()));
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                vector.setNull(i);
            } else {
                vector.set(i, values.get(i));
            }
        }
        vector.setValueCount(values.size());
        return vector;
    }
}
