package io.basalt.format.parquet.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.format.parquet.page.RleBitPackedDecoder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The RLE / bit-packing hybrid encoder against the reader's decoder: every bit width from 0 to 32, awkward
 * lengths around the group size of eight, and value patterns that mix short stretches with long runs (so that
 * bit-packed stretches are filled up to whole groups before a run), random values, and one constant.
 */
class RleBitPackedEncoderTest {
    private static final int[] SIZES = {0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1023, 1024, 1025, 4099};

    @Test
    void everyWidthAndPatternDecodesToTheSameValues() {
        Random random = new Random(11);
        for (int width = 0; width <= 32; width++) {
            long limit = width == 32 ? 1L << 32 : 1L << width;
            for (int size : SIZES) {
                for (int pattern = 0; pattern < 4; pattern++) {
                    int[] values = new int[size];
                    for (int i = 0; i < size; i++) {
                        values[i] = switch (pattern) {
                            case 0 -> (int) (random.nextLong() & (limit - 1));
                            case 1 -> (int) ((limit - 1) & (i / (1 + random.nextInt(20))));
                            case 2 -> (int) (limit - 1);
                            default -> random.nextInt(10) < 7 && i > 0 ? values[i - 1]
                                    : (int) (random.nextLong() & (limit - 1));
                        };
                    }
                    assertRoundTrip(values, width);
                }
            }
        }
    }

    @Test
    void runsBecomeRleRunsAndShortStretchesArePacked() {
        int[] values = new int[1000];
        Arrays.fill(values, 3, 1000, 1);
        PageOutput out = new PageOutput(16);
        RleBitPackedEncoder.encode(values, 0, values.length, 1, out);
        // one packed group of eight (the three zeros and five ones), then one run of the other 992 ones
        assertThat(out.size()).isEqualTo(1 + 1 + 2 + 1);
        assertRoundTrip(values, 1);
    }

    @Test
    void aPageOfOneRunIsPassedOverWithoutReadingItsLevels() {
        int[] dense = new int[5000];
        Arrays.fill(dense, 1);
        PageOutput out = new PageOutput(16);
        RleBitPackedEncoder.encode(dense, 0, dense.length, 1, out);
        assertThat(new RleBitPackedDecoder(out.array(), 0, out.size(), 1).skipRunOf(1, 5000)).isTrue();
        assertThat(new RleBitPackedDecoder(out.array(), 0, out.size(), 1).skipRunOf(1, 0)).isTrue();
        assertThat(new RleBitPackedDecoder(out.array(), 0, out.size(), 1).skipRunOf(0, 5000)).isFalse();
        // the run is shorter than asked, or the levels start packed: nothing is passed over, the values read as before
        int[] mixed = dense.clone();
        mixed[4000] = 0;
        int[] head = mixed.clone();
        head[2] = 0;
        for (int[] values : new int[][] {mixed, head}) {
            PageOutput page = new PageOutput(16);
            RleBitPackedEncoder.encode(values, 0, values.length, 1, page);
            RleBitPackedDecoder decoder = new RleBitPackedDecoder(page.array(), 0, page.size(), 1);
            assertThat(decoder.skipRunOf(1, values.length)).isFalse();
            int[] decoded = new int[values.length];
            assertThat(decoder.readCounting(decoded, 0, values.length, 1)).isEqualTo(values.length - (values == head ? 2 : 1));
            assertThat(decoded).isEqualTo(values);
        }
    }

    private static void assertRoundTrip(int[] values, int width) {
        PageOutput out = new PageOutput(16);
        out.writeByte(0x5a);
        RleBitPackedEncoder.encode(values, 0, values.length, width, out);
        int[] decoded = new int[values.length];
        new RleBitPackedDecoder(out.array(), 1, out.size(), width).read(decoded, 0, values.length);
        assertThat(decoded).as("width %d, %d values", width, values.length).isEqualTo(values);
    }
}
