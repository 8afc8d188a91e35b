package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bit runs read from validity bitmaps, including at the very end of a bitmap of exact size. */
class ValidityBitsTest {
    @Test
    void everyRunMatchesBitByBitReading() {
        Random random = new Random(7);
        try (Arena arena = Arena.ofConfined()) {
            for (int bytes = 1; bytes <= 20; bytes++) {
                MemorySegment bitmap = arena.allocate(bytes);
                for (int b = 0; b < bytes; b++) {
                    bitmap.set(ValueLayout.JAVA_BYTE, b, (byte) random.nextInt());
                }
                int bits = bytes * 8;
                for (int from = 0; from < bits; from++) {
                    for (int width = 1; width <= 64 && from + width <= bits && (from & 7) + width <= 64; width++) {
                        long expected = 0;
                        for (int k = 0; k < width; k++) {
                            expected |= (long) ValidityBits.bit(bitmap, from + k) << k;
                        }
                        assertThat(ValidityBits.bits(bitmap, from, width)).as("bits %d+%d of %d bytes", from, width, bytes)
                            .isEqualTo(expected);
                    }
                }
            }
        }
    }

    @Test
    void countIgnoresBitsPastTheCount() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment bitmap = arena.allocate(17);
            bitmap.fill((byte) 0xFF);
            for (int count = 0; count <= 17 * 8; count++) {
                assertThat(ValidityBits.countSet(bitmap, count)).isEqualTo(count);
                assertThat(new PlainKernels().countValid(bitmap, count)).isEqualTo(count);
                assertThat(new VectorKernels().countValid(bitmap, count)).isEqualTo(count);
            }
            assertThat(ValidityBits.countSet(null, 99)).isEqualTo(99);
        }
    }

    @Test
    void kernelsIgnoreValidityBitsPastTheCount() {
        // Rows past count are set and valid in the bitmap; none may be selected or summed.
        try (Arena arena = Arena.ofConfined()) {
            long[] values = new long[100];
            Arrays.fill(values, 5);
            MemorySegment segment = TestColumns.segment(arena, values, false);
            MemorySegment bitmap = arena.allocate(13);
            bitmap.fill((byte) 0xFF);
            for (Kernels kernels : new Kernels[] {new PlainKernels(), new VectorKernels()}) {
                for (int count : new int[] {0, 9, 33, 71}) {
                    int[] selection = new int[count];
                    assertThat(kernels.selectLong(segment, bitmap, count, CompareOp.EQ, 5, selection)).isEqualTo(count);
                    long[] lowHigh = new long[2];
                    kernels.sumLong(segment, bitmap, count, lowHigh);
                    assertThat(lowHigh).containsExactly(5L * count, 0);
                }
            }
        }
    }
}
