package io.basalt.storage.column.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The vector selection kernel sets exactly the bits the plain one sets, over awkward sizes, boundary values and ranges
 * (empty, single value, whole domain), accumulating into bitmaps that already hold bits.
 */
class SelectionKernelsEquivalenceTest {
    private static final int[] SIZES = {0, 1, 7, 8, 15, 16, 17, 63, 64, 65, 1023, 1024, 1025, 4099};
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
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

    private static final int[] INT_EDGES = {Integer.MIN_VALUE, Integer.MIN_VALUE + 1, -1, 0, 1, Integer.MAX_VALUE - 1,
        Integer.MAX_VALUE};

    /** The kernels over Arrow buffers (32- and 64-bit little-endian values in memory) agree and match the definition. */
    @Test
    void vectorAndPlainSelectTheSameRowsOfMemorySegments() {
        SelectionKernels plain = new PlainSelectionKernels();
        SelectionKernels vector = new VectorSelectionKernels();
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            for (int size : SIZES) {
                for (int trial = 0; trial < 30; trial++) {
                    // an odd offset into the segment: Arrow buffers are not promised to be aligned for the vectors
                    MemorySegment ints = arena.allocate((long) size * Integer.BYTES + 3).asSlice(3);
                    MemorySegment longs = arena.allocate((long) size * Long.BYTES + 5).asSlice(5);
                    for (int i = 0; i < size; i++) {
                        int small = random.nextInt(3) == 0 ? INT_EDGES[random.nextInt(INT_EDGES.length)]
                                : random.nextInt(100) - 50;
                        long large = random.nextInt(3) == 0 ? EDGES[random.nextInt(EDGES.length)] : small;
                        ints.setAtIndex(INT, i, small);
                        longs.setAtIndex(LONG, i, large);
                    }
                    int low = trial % 5 == 0 ? Integer.MIN_VALUE : random.nextInt(100) - 50;
                    int high = trial % 7 == 0 ? Integer.MAX_VALUE : trial % 3 == 0 ? low : random.nextInt(100) - 50;
                    long[][] bits = new long[4][(size + 63) / 64 + 1];
                    plain.selectRangeInts(ints, size, low, high, bits[0]);
                    vector.selectRangeInts(ints, size, low, high, bits[1]);
                    plain.selectRangeLongs(longs, size, low, high, bits[2]);
                    vector.selectRangeLongs(longs, size, low, high, bits[3]);
                    assertThat(bits[1]).as("ints, size %d range [%d, %d]", size, low, high).isEqualTo(bits[0]);
                    assertThat(bits[3]).as("longs, size %d range [%d, %d]", size, low, high).isEqualTo(bits[2]);
                    for (int i = 0; i < size; i++) {
                        int value = ints.getAtIndex(INT, i);
                        long wide = longs.getAtIndex(LONG, i);
                        assertThat((bits[0][i >>> 6] >>> i) & 1).isEqualTo(value >= low && value <= high ? 1L : 0L);
                        assertThat((bits[2][i >>> 6] >>> i) & 1).isEqualTo(wide >= low && wide <= high ? 1L : 0L);
                    }
                    assertThat(bits[0][bits[0].length - 1]).isZero();
                }
            }
        }
    }

    /**
     * Selecting dictionary codes by a mask of matching entries: the vector kernel sets the plain one's bits, both set
     * exactly the rows whose code is in {@code [0, 64)} with its bit set in the mask (a code outside, as a damaged chunk
     * could hold, matches nothing), and bits already set stay.
     */
    @Test
    void vectorAndPlainSelectTheSameCodes() {
        SelectionKernels plain = new PlainSelectionKernels();
        SelectionKernels vector = new VectorSelectionKernels();
        Random random = new Random(11);
        long[] masks = {0L, -1L, 1L, Long.MIN_VALUE, 0b100100L, 0x5555_5555_5555_5555L};
        long[] strayCodes = {-1, 64, 65, 127, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int size : SIZES) {
            for (int trial = 0; trial < 30; trial++) {
                int distinct = 1 + random.nextInt(trial % 2 == 0 ? 7 : 64);
                long[] codes = new long[size];
                for (int i = 0; i < size; i++) {
                    codes[i] = trial % 5 == 4 && random.nextInt(8) == 0 ? strayCodes[random.nextInt(strayCodes.length)]
                            : random.nextInt(distinct);
                }
                long matching = trial < masks.length ? masks[trial] : random.nextLong();
                long[] expected = new long[(size + 63) / 64 + 1];
                long[] actual = new long[expected.length];
                for (int word = 0; word + 1 < expected.length; word++) {
                    long seed = random.nextInt(4) == 0 ? random.nextLong() : 0;
                    expected[word] = seed;
                    actual[word] = seed;
                }
                long[] seeded = expected.clone();
                plain.selectCodes(codes, size, matching, expected);
                vector.selectCodes(codes, size, matching, actual);
                assertThat(actual).as("size %d mask %x", size, matching).isEqualTo(expected);
                for (int i = 0; i < size; i++) {
                    boolean matches = codes[i] >= 0 && codes[i] < 64 && ((matching >>> codes[i]) & 1) != 0;
                    boolean before = ((seeded[i >>> 6] >>> i) & 1) != 0;
                    assertThat((expected[i >>> 6] >>> i) & 1).as("row %d code %d", i, codes[i])
                            .isEqualTo(matches || before ? 1L : 0L);
                }
                assertThat(expected[expected.length - 1]).isZero();
            }
        }
    }
}
