package io.basalt.storage.column.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.storage.column.kernel.PlainDecodeKernels;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.junit.jupiter.api.Test;

/**
 * The one-pass analysis of variable-width values against a direct computation: codes number the distinct values in
 * order of first appearance (NULL rows take their predecessor's), the extremes are those of every non-NULL value by
 * unsigned bytes, and the sketch is the one every row's hash would give; and the stream written from it decodes to
 * the input.
 */
class BinaryValueAnalysisTest {
    @Test
    void matchesADirectComputationOverAwkwardShapes() {
        Random random = new Random(7);
        for (int count : new int[] {0, 1, 2, 7, 64, 1000, 5000}) {
            for (int shape = 0; shape < 6; shape++) {
                List<byte[]> values = values(shape, count, random);
                check(values);
            }
        }
    }

    @Test
    void ascendingGeneratedTextLikeABulkLoad() {
        List<byte[]> values = new ArrayList<>();
        for (int i = 1; i <= 122_880; i++) {
            values.add(("payload " + i).getBytes(StandardCharsets.UTF_8));
        }
        BinaryValueAnalysis analysis = check(values);
        assertThat(analysis.distinct()).isEqualTo(122_880);
        assertThat(new String(values.get(analysis.minRow()), StandardCharsets.UTF_8)).isEqualTo("payload 1");
        assertThat(new String(values.get(analysis.maxRow()), StandardCharsets.UTF_8)).isEqualTo("payload 99999");
    }

    /** Shapes: random short bytes (many repeats), distinct ascending, descending, with NULLs, high bytes, all NULL. */
    private static List<byte[]> values(int shape, int count, Random random) {
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] value = switch (shape) {
                case 0 -> new byte[] {(byte) random.nextInt(4), (byte) random.nextInt(3)};
                case 1 -> ("k" + (100_000 + i)).getBytes(StandardCharsets.UTF_8);
                case 2 -> ("k" + (900_000 - i)).getBytes(StandardCharsets.UTF_8);
                case 3 -> random.nextInt(3) == 0 ? null : ("v" + random.nextInt(50)).getBytes(StandardCharsets.UTF_8);
                case 4 -> {
                    byte[] bytes = new byte[random.nextInt(20)];
                    for (int b = 0; b < bytes.length; b++) {
                        bytes[b] = (byte) (random.nextBoolean() ? 0xff - random.nextInt(3) : random.nextInt(3));
                    }
                    yield bytes;
                }
                default -> null;
            };
            values.add(value);
        }
        return values;
    }

    private static BinaryValueAnalysis check(List<byte[]> values) {
        int count = values.size();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int[] offsets = new int[count + 1];
        boolean[] nulls = new boolean[count];
        boolean anyNull = false;
        for (int i = 0; i < count; i++) {
            byte[] value = values.get(i);
            nulls[i] = value == null;
            anyNull |= value == null;
            if (value != null) {
                bytes.writeBytes(value);
            }
            offsets[i + 1] = bytes.size();
        }
        byte[] data = bytes.toByteArray();
        boolean[] isNull = anyNull ? nulls : null;
        BinaryValueAnalysis analysis = BinaryValueAnalysis.of(data, offsets, isNull, count, true);

        Map<String, Integer> codeOf = new HashMap<>();
        DistinctSketch everyRow = new DistinctSketch();
        byte[] min = null;
        byte[] max = null;
        int previous = -1;
        int firstValueCode = -1;
        for (int i = 0; i < count; i++) {
            byte[] value = values.get(i);
            if (value == null) {
                if (previous >= 0) {
                    assertThat(analysis.codes()[i]).as("NULL row %d", i).isEqualTo(previous);
                }
                continue;
            }
            String key = Arrays.toString(value);
            Integer expected = codeOf.get(key);
            if (expected == null) {
                expected = codeOf.size();
                codeOf.put(key, expected);
                assertThat(analysis.firstRows()[expected]).isEqualTo(i);
            }
            assertThat(analysis.codes()[i]).as("row %d", i).isEqualTo(expected);
            firstValueCode = firstValueCode < 0 ? expected : firstValueCode;
            previous = expected;
            everyRow.addHash(BinaryValueAnalysis.hash(data, offsets[i], offsets[i + 1]));
            min = min == null || Arrays.compareUnsigned(value, min) < 0 ? value : min;
            max = max == null || Arrays.compareUnsigned(value, max) > 0 ? value : max;
        }
        for (int i = 0; i < count && values.get(i) == null && firstValueCode >= 0; i++) {
            assertThat(analysis.codes()[i]).as("leading NULL row %d", i).isEqualTo(0);
        }
        assertThat(analysis.distinct()).isEqualTo(codeOf.size());
        assertThat(analysis.sketch().estimate()).isEqualTo(everyRow.estimate());
        if (min == null) {
            assertThat(analysis.minRow()).isEqualTo(-1);
            assertThat(analysis.maxRow()).isEqualTo(-1);
        } else {
            assertThat(values.get(analysis.minRow())).isEqualTo(min);
            assertThat(values.get(analysis.maxRow())).isEqualTo(max);
        }
        roundTrip(data, offsets, isNull, count, analysis, values);
        return analysis;
    }

    /**
     * The stream written from the analysis is the one-call write's and decodes to the input's non-NULL values (a NULL
     * row decodes to anything: the validity mask, stored apart, restores it).
     */
    private static void roundTrip(byte[] data, int[] offsets, boolean[] nulls, int count, BinaryValueAnalysis analysis,
                                  List<byte[]> values) {
        ByteSink analysed = new ByteSink();
        BinaryStreamCodec.write(data, offsets, nulls, count, analysis, analysed);
        ByteSink direct = new ByteSink();
        BinaryStreamCodec.write(data, offsets, nulls, count, direct);
        assertThat(analysed.toByteArray()).isEqualTo(direct.toByteArray());
        try (BufferAllocator allocator = new RootAllocator();
             VarBinaryVector vector = new VarBinaryVector("v", allocator)) {
            byte[] written = analysed.toByteArray();
            ByteSource in = new ByteSource(java.lang.foreign.MemorySegment.ofArray(written), written.length);
            BinaryStreamCodec.read(in, count, vector, new PlainDecodeKernels());
            assertThat(in.remaining()).isZero();
            for (int i = 0; i < count; i++) {
                if (values.get(i) == null) {
                    continue;
                }
                // validity is the caller's to set: the values are read from the offsets and data directly
                int start = vector.getOffsetBuffer().getInt((long) i * Integer.BYTES);
                int end = vector.getOffsetBuffer().getInt((long) (i + 1) * Integer.BYTES);
                byte[] actual = new byte[end - start];
                vector.getDataBuffer().getBytes(start, actual, 0, actual.length);
                assertThat(actual).as("row %d", i).isEqualTo(values.get(i));
            }
        }
    }
}
