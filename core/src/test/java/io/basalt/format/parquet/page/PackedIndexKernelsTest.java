package io.basalt.format.parquet.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link PlainPackedIndexKernels} and {@link VectorPackedIndexKernels} over every bit width and awkward
 * numbers of groups and values, with data arrays exactly as long as the kernels' contract allows (so that a read
 * past it fails), and compares both with a bit-by-bit reading of the same bytes; the gathers are compared with
 * plain array lookups, and an index outside the dictionary must fail in both.
 */
class PackedIndexKernelsTest {
    private static final PackedIndexKernels[] IMPLEMENTATIONS = {new PlainPackedIndexKernels(),
        new VectorPackedIndexKernels()};
    private static final int[] COUNTS = {0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 127, 128, 129, 1023, 1024, 1025,
        4099};
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    static IntStream widths() {
        return IntStream.rangeClosed(1, 32);
    }

    @ParameterizedTest(name = "width {0}")
    @MethodSource("widths")
    void unpackingMatchesABitByBitReading(int width) {
        Random random = new Random(7 + width);
        for (int groups : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17, 63, 64, 65, 128, 513}) {
            for (int from : new int[] {0, 1, 5}) {
                byte[] data = new byte[from + groups * width + Long.BYTES];
                random.nextBytes(data);
                int[] expected = bitByBit(data, from, width, groups * 8);
                for (PackedIndexKernels kernels : IMPLEMENTATIONS) {
                    int[] out = new int[groups * 8 + 3];
                    out[0] = -7;
                    kernels.unpack(data, from, width, out, 1, groups);
                    assertThat(out[0]).isEqualTo(-7);
                    int[] got = java.util.Arrays.copyOfRange(out, 1, 1 + groups * 8);
                    assertThat(got).as("%s width %d groups %d from %d", name(kernels), width, groups, from)
                            .isEqualTo(expected);
                    assertThat(out[1 + groups * 8]).isZero();
                }
            }
        }
    }

    @Test
    void extremeValuesOfEveryWidthSurviveUnpacking() {
        for (int width = 1; width <= 32; width++) {
            long max = width == 32 ? 0xffffffffL : (1L << width) - 1;
            long[] values = new long[64];
            for (int i = 0; i < values.length; i++) {
                values[i] = switch (i % 4) {
                    case 0 -> 0;
                    case 1 -> max;
                    case 2 -> 1;
                    default -> max >>> 1;
                };
            }
            byte[] data = pack(values, width);
            for (PackedIndexKernels kernels : IMPLEMENTATIONS) {
                int[] out = new int[values.length];
                kernels.unpack(data, 0, width, out, 0, values.length / 8);
                for (int i = 0; i < values.length; i++) {
                    assertThat(out[i] & 0xffffffffL).as("%s width %d value %d", name(kernels), width, i)
                            .isEqualTo(values[i]);
                }
            }
        }
    }

    @Test
    void gathersStoreTheDictionaryEntriesTheIndicesName() {
        Random random = new Random(11);
        long[] longs = new long[1000];
        int[] ints = new int[1000];
        for (int i = 0; i < longs.length; i++) {
            longs[i] = i % 3 == 0 ? Long.MIN_VALUE + i : i % 3 == 1 ? Long.MAX_VALUE - i : random.nextLong();
            ints[i] = (int) longs[i];
        }
        try (Arena arena = Arena.ofConfined()) {
            for (int count : COUNTS) {
                int[] indices = new int[count];
                for (int i = 0; i < count; i++) {
                    indices[i] = i % 5 == 0 ? longs.length - 1 : random.nextInt(longs.length);
                }
                for (long offset : new long[] {0, 4, 8}) {
                    for (PackedIndexKernels kernels : IMPLEMENTATIONS) {
                        MemorySegment wide = arena.allocate(offset + 8L * count + 8);
                        MemorySegment narrow = arena.allocate(offset + 4L * count + 4);
                        kernels.gatherLongs(longs, indices, count, wide, offset);
                        kernels.gatherInts(ints, indices, count, narrow, offset);
                        for (int i = 0; i < count; i++) {
                            assertThat(wide.get(LONG, offset + 8L * i)).as("%s long %d of %d", name(kernels), i, count)
                                    .isEqualTo(longs[indices[i]]);
                            assertThat(narrow.get(INT, offset + 4L * i)).as("%s int %d of %d", name(kernels), i, count)
                                    .isEqualTo(ints[indices[i]]);
                        }
                        // nothing is written past the last value
                        assertThat(wide.get(LONG, offset + 8L * count)).isZero();
                        assertThat(narrow.get(INT, offset + 4L * count)).isZero();
                    }
                }
            }
        }
    }

    @Test
    void anIndexOutsideTheDictionaryFailsAtEveryPosition() {
        long[] longs = {1, 2, 3};
        int[] ints = {1, 2, 3};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(8L * 40);
            for (int count : new int[] {1, 8, 17, 40}) {
                for (int bad = 0; bad < count; bad++) {
                    int[] indices = new int[count];
                    indices[bad] = bad % 2 == 0 ? 3 : -1;
                    for (PackedIndexKernels kernels : IMPLEMENTATIONS) {
                        int n = count;
                        assertThatThrownBy(() -> kernels.gatherLongs(longs, indices, n, out, 0))
                                .as("%s bad %d of %d", name(kernels), bad, count)
                                .isInstanceOf(IndexOutOfBoundsException.class);
                        assertThatThrownBy(() -> kernels.gatherInts(ints, indices, n, out, 0))
                                .as("%s bad %d of %d", name(kernels), bad, count)
                                .isInstanceOf(IndexOutOfBoundsException.class);
                    }
                }
            }
        }
    }

    /** The decoder's use of the kernels: a bit-packed run read in pieces that start anywhere in a group. */
    @Test
    void theDecoderReadsARunInPiecesOfAnySize() {
        Random random = new Random(5);
        for (int width = 1; width <= 32; width++) {
            long max = width == 32 ? 0xffffffffL : (1L << width) - 1;
            long[] values = new long[8 * 70];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextLong() & max;
            }
            byte[] packed = pack(values, width);
            // one bit-packed run of 70 groups: header (70 << 1) | 1 as a ULEB128
            byte[] page = new byte[packed.length + 2];
            page[0] = (byte) (((70 << 1) | 1) & 0x7f | 0x80);
            page[1] = (byte) (((70 << 1) | 1) >>> 7);
            System.arraycopy(packed, 0, page, 2, packed.length);
            RleBitPackedDecoder decoder = new RleBitPackedDecoder(page, 0, page.length, width);
            int[] out = new int[values.length];
            int at = 0;
            int piece = 1;
            while (at < values.length) {
                int n = Math.min(piece, values.length - at);
                decoder.read(out, at, n);
                at += n;
                piece = piece * 3 % 67 + 1;
            }
            for (int i = 0; i < values.length; i++) {
                assertThat(out[i] & 0xffffffffL).as("width %d value %d", width, i).isEqualTo(values[i]);
            }
        }
    }

    private static int[] bitByBit(byte[] data, int from, int width, int count) {
        int[] out = new int[count];
        for (int v = 0; v < count; v++) {
            long value = 0;
            for (int b = 0; b < width; b++) {
                long bit = (long) from * 8 + (long) v * width + b;
                int set = (data[(int) (bit >>> 3)] >>> (bit & 7)) & 1;
                value |= (long) set << b;
            }
            out[v] = (int) value;
        }
        return out;
    }

    private static byte[] pack(long[] values, int width) {
        byte[] data = new byte[values.length * width / 8 + Long.BYTES];
        for (int v = 0; v < values.length; v++) {
            for (int b = 0; b < width; b++) {
                if (((values[v] >>> b) & 1) != 0) {
                    long bit = (long) v * width + b;
                    data[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return data;
    }

    private static String name(PackedIndexKernels kernels) {
        return kernels.getClass().getSimpleName();
    }
}
