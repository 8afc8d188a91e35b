package io.basalt.storage.column.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector selection kernel sets exactly the bits the plain one sets, over awkward sizes, boundary values and ranges
 * (empty, single value, whole domain), accumulating into bitmaps that already hold bits.
 */
class SelectionKernelsEquivalenceTest {
    private static final int[] SIZES = {0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 1023, 1024, 1025, 4099};
    private static final long[] EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -1, 0, 1, Long.MAX_VALUE - 1, Long.MAX_VALUE};

    @Test
    void vectorAndPlainSelectTheSameRows() {
        SelectionKernels plain = new PlainSelectionKernels();
        SelectionKernels vector = new VectorSelectionKernels();
        Random random = new Random(42);
        for (int size : SIZES) {
            for (int trial = 0; trial < 30; trial++) {
                long[] values = new long[size];
                for (int i = 0; i < size; i++) {
                    values[i] = random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : random.nextInt(100) - 50;
                }
                long low = trial % 5 == 0 ? Long.MIN_VALUE : random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)]
                        : random.nextInt(100) - 50;
                long high = trial % 7 == 0 ? Long.MAX_VALUE : trial % 3 == 0 ? low : random.nextInt(100) - 50;
                long[] expected = new long[(size + 63) / 64 + 1];
                long[] actual = new long[expected.length];
                for (int word = 0; word < expected.length; word++) {
                    long seed = random.nextInt(4) == 0 ? random.nextLong() : 0;
                    expected[word] = seed;
                    actual[word] = seed;
                }
                if (size > 0) {
                    // only words the rows cover may hold earlier bits; the last word must stay as it was
                    expected[expected.length - 1] = 0;
                    actual[actual.length - 1] = 0;
                }
                plain.selectRange(values, size, low, high, expected);
                vector.selectRange(values, size, low, high, actual);
                assertThat(actual).as("size %d range [%d, %d]", size, low, high).isEqualTo(expected);
                for (int i = 0; i < size; i++) {
                    boolean inside = values[i] >= low && values[i] <= high;
                    if (inside) {
                        assertThat((expected[i >>> 6] >>> i) & 1).isEqualTo(1L);
                    }
                }
            }
        }
    }
}
