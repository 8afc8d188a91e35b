package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@link PlainTextKernels} and {@link VectorTextKernels} over native segments exactly as large as their data
 * (so that a read past the end fails), one byte off alignment half the time, for every awkward size: ASCII text,
 * ASCII text with one high byte at every position in turn (the vector body, the word loop and the byte tail must
 * each see it), and mixed UTF-8, compared with what Java's own decoder counts.
 */
class TextKernelsTest {
    private static final TextKernels[] IMPLEMENTATIONS = {new PlainTextKernels(), new VectorTextKernels()};

    static IntStream sizes() {
        return Arrays.stream(TestColumns.SIZES);
    }

    @ParameterizedTest(name = "{0} bytes")
    @MethodSource("sizes")
    void asciiTestFindsEveryHighByte(int size) {
        Random random = new Random(31 + size);
        try (Arena arena = Arena.ofConfined()) {
            byte[] ascii = new byte[size];
            for (int i = 0; i < size; i++) {
                ascii[i] = (byte) random.nextInt(128);
            }
            for (boolean misaligned : new boolean[] {false, true}) {
                MemorySegment segment = segment(arena, ascii, misaligned);
                for (TextKernels kernels : IMPLEMENTATIONS) {
                    assertThat(kernels.isAscii(segment, 0, size)).as(name(kernels)).isTrue();
                }
            }
            int step = size > 300 ? 37 : 1;
            for (int at = 0; at < size; at += step) {
                byte[] text = ascii.clone();
                text[at] = (byte) (0x80 | random.nextInt(128));
                MemorySegment segment = segment(arena, text, at % 2 == 0);
                for (TextKernels kernels : IMPLEMENTATIONS) {
                    assertThat(kernels.isAscii(segment, 0, size)).as(name(kernels) + " high byte at " + at).isFalse();
                    // the same byte outside the range asked about does not count
                    assertThat(kernels.isAscii(segment, at + 1, size)).as(name(kernels) + " after " + at).isTrue();
                    assertThat(kernels.isAscii(segment, 0, at)).as(name(kernels) + " before " + at).isTrue();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} characters")
    @MethodSource("sizes")
    void charactersAreCountedAsJavaDecodesThem(int size) {
        Random random = new Random(47 + size);
        int[] codePoints = {'a', 'Z', '~', 0xE9, 0x3B1, 0x20AC, 0x4E2D, 0x1F600, 0x10FFFF, 0x7F, 0x80, 0x7FF, 0x800};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            text.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment segment = segment(arena, bytes, size % 2 == 1);
            for (TextKernels kernels : IMPLEMENTATIONS) {
                assertThat(kernels.countCharacters(segment, 0, bytes.length)).as(name(kernels)).isEqualTo(size);
                assertThat(kernels.isAscii(segment, 0, bytes.length)).as(name(kernels))
                        .isEqualTo(text.codePoints().allMatch(c -> c < 0x80));
            }
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("sizes")
    void lengthsAreOffsetDifferences(int rows) {
        Random random = new Random(59 + rows);
        int[] offsets = new int[rows + 1];
        int[] expected = new int[rows];
        for (int i = 0; i < rows; i++) {
            expected[i] = random.nextInt(5) == 0 ? 0 : random.nextInt(100);
            offsets[i + 1] = offsets[i] + expected[i];
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment in = TestColumns.segment(arena, offsets, rows % 2 == 0);
            for (TextKernels kernels : IMPLEMENTATIONS) {
                MemorySegment out = arena.allocate((long) rows * Integer.BYTES);
                kernels.lengthsFromOffsets(in, rows, out);
                int[] lengths = new int[rows];
                for (int i = 0; i < rows; i++) {
                    lengths[i] = out.getAtIndex(ArrowSegments.INT, i);
                }
                assertThat(lengths).as(name(kernels)).isEqualTo(expected);
            }
        }
    }

    private static MemorySegment segment(Arena arena, byte[] bytes, boolean misaligned) {
        int shift = misaligned ? 1 : 0;
        MemorySegment segment = arena.allocate(bytes.length + shift, 8).asSlice(shift);
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return segment;
    }

    private static String name(TextKernels kernels) {
        return kernels.getClass().getSimpleName();
    }
}
