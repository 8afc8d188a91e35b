package io.basalt.exec.operator.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarCharVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The min/max segment tree against a scan of every range: all ranges of small inputs and random ranges of
 * inputs around powers of two, with NULLs, ties and extreme values, over longs and over text in a vector.
 */
class MinMaxSegmentTreeTest {
    /** The row of the best non-null value of {@code [from, to)} by a plain scan (earliest on ties), or -1. */
    private static int naive(long[] values, boolean[] nulls, int from, int to, boolean max) {
        int best = -1;
        for (int i = from; i < to; i++) {
            if (!nulls[i] && (best < 0 || (max ? values[i] > values[best] : values[i] < values[best]))) {
                best = i;
            }
        }
        return best;
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {0, 1, 2, 7, 8, 15, 16, 17, 37, 1023, 1024, 1025, 4099})
    void longsMatchAScanOfTheRange(int rows) {
        Random random = new Random(rows);
        long[] values = new long[rows];
        boolean[] nulls = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            nulls[i] = random.nextInt(5) == 0;
            values[i] = switch (random.nextInt(6)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                default -> random.nextInt(20) - 10;
            };
        }
        for (boolean max : new boolean[] {false, true}) {
            MinMaxSegmentTree tree = new MinMaxSegmentTree.OfLongs(values, nulls, max);
            if (rows <= 40) {
                for (int from = 0; from <= rows; from++) {
                    for (int to = from; to <= rows; to++) {
                        assertThat(tree.query(from, to)).as("[%d, %d)", from, to)
                                .isEqualTo(naive(values, nulls, from, to, max));
                    }
                }
            } else {
                for (int k = 0; k < 2000; k++) {
                    int from = random.nextInt(rows + 1);
                    int to = from + random.nextInt(rows - from + 1);
                    assertThat(tree.query(from, to)).as("[%d, %d)", from, to)
                            .isEqualTo(naive(values, nulls, from, to, max));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = {1, 9, 33, 100})
    void textInAVectorMatchesAScanOfTheRange(int rows) {
        Random random = new Random(rows * 31L);
        try (BufferAllocator allocator = MemoryRoots.newRoot("segment tree test", 1L << 24);
             VarCharVector vector = new VarCharVector("v", allocator)) {
            vector.allocateNew();
            String[] texts = new String[rows];
            for (int i = 0; i < rows; i++) {
                if (random.nextInt(4) == 0) {
                    vector.setNull(i);
                } else {
                    texts[i] = Integer.toString(random.nextInt(50), 7);
                    vector.setSafe(i, texts[i].getBytes(StandardCharsets.UTF_8));
                }
            }
            vector.setValueCount(rows);
            boolean[] nulls = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                nulls[i] = texts[i] == null;
            }
            for (boolean max : new boolean[] {false, true}) {
                MinMaxSegmentTree tree = new MinMaxSegmentTree.OfVector(vector, rows, nulls, max);
                for (int from = 0; from <= rows; from++) {
                    for (int to = from; to <= rows; to++) {
                        String expected = null;
                        for (int i = from; i < to; i++) {
                            if (texts[i] != null && (expected == null
                                    || (max ? texts[i].compareTo(expected) > 0 : texts[i].compareTo(expected) < 0))) {
                                expected = texts[i];
                            }
                        }
                        int best = tree.query(from, to);
                        assertThat(best < 0 ? null : texts[best]).as("[%d, %d)", from, to).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
