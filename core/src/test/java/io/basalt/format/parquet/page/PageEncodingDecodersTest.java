package io.basalt.format.parquet.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

/**
 * Basalt's decoders of DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY, BYTE_STREAM_SPLIT and RLE
 * booleans against parquet-mr's writers of the same encodings: every value parquet-mr writes must come back, over
 * awkward counts (around block and miniblock boundaries), block shapes, and values (extremes that wrap the deltas,
 * sorted keys, constants, empty and shared-prefix strings). Truncated streams must fail as corrupt data
 * ({@link IllegalStateException}), never with another exception or a huge allocation.
 */
class PageEncodingDecodersTest {
    private static final int[] COUNTS = {0, 1, 2, 3, 31, 32, 33, 127, 128, 129, 255, 256, 257, 1000, 4099};
    private static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();

    @Test
    void deltaBinaryPackedIntsMatchParquetMr() throws IOException {
        Random random = new Random(7);
        int[][] shapes = {{128, 4}, {128, 1}, {256, 8}, {1024, 32}};
        for (int count : COUNTS) {
            for (int shape = 0; shape < 5; shape++) {
                int[] values = ints(random, count, shape);
                for (int[] block : shapes) {
                    ValuesWriter writer = new DeltaBinaryPackingValuesWriterForInteger(block[0], block[1], 64, 1 << 20, HEAP);
                    for (int value : values) {
                        writer.writeInteger(value);
                    }
                    byte[] page = pageWithPadding(writer.getBytes().toByteArray());
                    DeltaBinaryPackedValues decoded = new DeltaBinaryPackedValues(page, 3, page.length - 5);
                    int[] out = new int[count];
                    // read in uneven pieces, as the page decoder does between nulls
                    int done = 0;
                    while (done < count) {
                        int piece = Math.min(count - done, 1 + random.nextInt(300));
                        int[] part = new int[piece];
                        decoded.readInts(part, piece);
                        System.arraycopy(part, 0, out, done, piece);
                        done += piece;
                    }
                    assertThat(out).as("count %d shape %d block %s", count, shape, Arrays.toString(block)).isEqualTo(values);
                }
            }
        }
    }

    @Test
    void deltaBinaryPackedLongsMatchParquetMr() throws IOException {
        Random random = new Random(11);
        for (int count : COUNTS) {
            for (int shape = 0; shape < 5; shape++) {
                long[] values = longs(random, count, shape);
                ValuesWriter writer = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20, HEAP);
                for (long value : values) {
                    writer.writeLong(value);
                }
                byte[] page = writer.getBytes().toByteArray();
                long[] out = new long[count];
                new DeltaBinaryPackedValues(page, 0, page.length).readLongs(out, count);
                assertThat(out).as("count %d shape %d", count, shape).isEqualTo(values);
            }
        }
    }

    @Test
    void deltaStringEncodingsMatchParquetMr() throws IOException {
        Random random = new Random(13);
        for (int count : COUNTS) {
            String[] values = strings(random, count);
            ValuesWriter lengths = new DeltaLengthByteArrayValuesWriter(64, 1 << 20, HEAP);
            ValuesWriter prefixes = new DeltaByteArrayWriter(64, 1 << 20, HEAP);
            for (String value : values) {
                lengths.writeBytes(Binary.fromString(value));
                prefixes.writeBytes(Binary.fromString(value));
            }
            byte[] lengthPage = pageWithPadding(lengths.getBytes().toByteArray());
            byte[] prefixPage = pageWithPadding(prefixes.getBytes().toByteArray());
            assertThat(readStrings(new DeltaLengthByteArrayValues(lengthPage, 3, lengthPage.length - 5), count, random))
                    .as("DELTA_LENGTH_BYTE_ARRAY, %d values", count).isEqualTo(values);
            assertThat(readStrings(new DeltaByteArrayValues(prefixPage, 3, prefixPage.length - 5), count, random))
                    .as("DELTA_BYTE_ARRAY, %d values", count).isEqualTo(values);
        }
    }

    @Test
    void byteStreamSplitMatchesParquetMr() throws IOException {
        Random random = new Random(17);
        for (int count : COUNTS) {
            float[] floats = new float[count];
            double[] doubles = new double[count];
            int[] ints = ints(random, count, 1);
            long[] longs = longs(random, count, 1);
            ValuesWriter floatWriter = new ByteStreamSplitValuesWriter.FloatByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
            ValuesWriter doubleWriter = new ByteStreamSplitValuesWriter.DoubleByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
            ValuesWriter intWriter = new ByteStreamSplitValuesWriter.IntegerByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
            ValuesWriter longWriter = new ByteStreamSplitValuesWriter.LongByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
            ValuesWriter fixedWriter = new ByteStreamSplitValuesWriter.FixedLenByteArrayByteStreamSplitValuesWriter(3, 64, 1 << 20, HEAP);
            byte[] fixed = new byte[3 * count];
            random.nextBytes(fixed);
            for (int i = 0; i < count; i++) {
                floats[i] = i % 17 == 0 ? Float.NaN : (float) random.nextGaussian();
                doubles[i] = i % 13 == 0 ? -0.0 : random.nextGaussian() * 1e300;
                floatWriter.writeFloat(floats[i]);
                doubleWriter.writeDouble(doubles[i]);
                intWriter.writeInteger(ints[i]);
                longWriter.writeLong(longs[i]);
                fixedWriter.writeBytes(Binary.fromConstantByteArray(fixed, 3 * i, 3));
            }
            byte[] page = floatWriter.getBytes().toByteArray();
            float[] floatsRead = new float[count];
            new ByteStreamSplitValues(page, 0, page.length, count, -1).readFloats(floatsRead, count);
            assertThat(floatsRead).isEqualTo(floats);
            page = doubleWriter.getBytes().toByteArray();
            double[] doublesRead = new double[count];
            new ByteStreamSplitValues(page, 0, page.length, count, -1).readDoubles(doublesRead, count);
            assertThat(Arrays.stream(doublesRead).mapToLong(Double::doubleToRawLongBits).toArray())
                    .isEqualTo(Arrays.stream(doubles).mapToLong(Double::doubleToRawLongBits).toArray());
            page = intWriter.getBytes().toByteArray();
            int[] intsRead = new int[count];
            new ByteStreamSplitValues(page, 0, page.length, count, -1).readInts(intsRead, count);
            assertThat(intsRead).isEqualTo(ints);
            page = longWriter.getBytes().toByteArray();
            long[] longsRead = new long[count];
            new ByteStreamSplitValues(page, 0, page.length, count, -1).readLongs(longsRead, count);
            assertThat(longsRead).isEqualTo(longs);
            page = fixedWriter.getBytes().toByteArray();
            int[] starts = new int[count];
            int[] lengths = new int[count];
            byte[] source = new ByteStreamSplitValues(page, 0, page.length, count, 3).readBinaries(starts, lengths, count);
            byte[] fixedRead = new byte[3 * count];
            for (int i = 0; i < count; i++) {
                System.arraycopy(source, starts[i], fixedRead, 3 * i, lengths[i]);
            }
            assertThat(fixedRead).isEqualTo(fixed);
        }
    }

    @Test
    void rleBooleansMatchParquetMr() throws IOException {
        Random random = new Random(19);
        for (int count : COUNTS) {
            boolean[] values = new boolean[count];
            ValuesWriter writer = new RunLengthBitPackingHybridValuesWriter(1, 64, 1 << 20, HEAP);
            for (int i = 0; i < count; i++) {
                // long runs (RLE) and noise (bit-packed) in turn
                values[i] = (i / 100) % 2 == 0 ? random.nextBoolean() : (i / 300) % 2 == 0;
                writer.writeBoolean(values[i]);
            }
            byte[] page = writer.getBytes().toByteArray();
            boolean[] out = new boolean[count];
            new RleBooleanValues(page, 0, page.length).readBooleans(out, count);
            assertThat(out).as("%d values", count).isEqualTo(values);
        }
    }

    @Test
    void rleBitPackedHybridMatchesParquetMrForEveryWidth() throws IOException {
        Random random = new Random(29);
        for (int width = 0; width <= 32; width++) {
            for (int count : COUNTS) {
                RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20, HEAP);
                int[] values = new int[count];
                long bound = 1L << width;
                for (int i = 0; i < count; i++) {
                    // runs (RLE) and noise (bit-packed) in turn
                    long value = (i / 50) % 2 == 0 ? random.nextLong(bound) : (i / 100) % (bound == 1 ? 1 : bound - 1);
                    values[i] = (int) value;
                    encoder.writeInt(values[i]);
                }
                byte[] page = encoder.toBytes().toByteArray();
                RleBitPackedDecoder decoder = new RleBitPackedDecoder(page, 0, page.length, width);
                int[] out = new int[count];
                int done = 0;
                while (done < count) {
                    // pieces of any size, so that reads start and stop inside groups of eight
                    int piece = Math.min(count - done, 1 + random.nextInt(40));
                    decoder.read(out, done, piece);
                    done += piece;
                }
                assertThat(out).as("width %d, %d values", width, count).isEqualTo(values);
            }
        }
    }

    @Test
    void truncatedDeltaStreamsAreCorrupt() throws IOException {
        Random random = new Random(23);
        ValuesWriter ints = new DeltaBinaryPackingValuesWriterForLong(128, 4, 64, 1 << 20, HEAP);
        ValuesWriter strings = new DeltaByteArrayWriter(64, 1 << 20, HEAP);
        for (long value : longs(random, 600, 0)) {
            ints.writeLong(value);
        }
        for (String value : strings(random, 300)) {
            strings.writeBytes(Binary.fromString(value));
        }
        byte[] intPage = ints.getBytes().toByteArray();
        byte[] stringPage = strings.getBytes().toByteArray();
        for (int length = 0; length < intPage.length; length += 1 + length / 50) {
            byte[] cut = Arrays.copyOf(intPage, length);
            assertThatThrownBy(() -> new DeltaBinaryPackedValues(cut, 0, cut.length).readLongs(new long[600], 600))
                    .as("cut at %d", length).isInstanceOf(IllegalStateException.class);
        }
        for (int length = 0; length < stringPage.length; length += 1 + length / 50) {
            byte[] cut = Arrays.copyOf(stringPage, length);
            assertThatThrownBy(() -> new DeltaByteArrayValues(cut, 0, cut.length).readBinaries(new int[300], new int[300], 300))
                    .as("cut at %d", length).isInstanceOf(IllegalStateException.class);
        }
        // a header claiming billions of values in a few bytes
        byte[] huge = {(byte) 0x80, 0x01, 0x04, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07, 0x00};
        assertThatThrownBy(() -> new DeltaBinaryPackedValues(huge, 0, huge.length))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds its page");
    }

    private static String[] readStrings(PageValues values, int count, Random random) {
        String[] out = new String[count];
        int done = 0;
        while (done < count) {
            int piece = Math.min(count - done, 1 + random.nextInt(200));
            int[] starts = new int[piece];
            int[] lengths = new int[piece];
            byte[] source = values.readBinaries(starts, lengths, piece);
            for (int i = 0; i < piece; i++) {
                out[done + i] = new String(source, starts[i], lengths[i], StandardCharsets.UTF_8);
            }
            done += piece;
        }
        return out;
    }

    /** The page with three bytes before it and five after, so that offsets and ends are honoured. */
    private static byte[] pageWithPadding(byte[] page) {
        byte[] padded = new byte[page.length + 8];
        Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(page, 0, padded, 3, page.length);
        return padded;
    }

    private static int[] ints(Random random, int count, int shape) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (shape) {
                case 0 -> i * 3 + random.nextInt(3);                                   // sorted keys
                case 1 -> random.nextInt();                                            // full range
                case 2 -> 42;                                                          // constant
                case 3 -> i % 2 == 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;          // deltas that wrap
                default -> random.nextInt(100) - 50;                                   // small, both signs
            };
        }
        return values;
    }

    private static long[] longs(Random random, int count, int shape) {
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = switch (shape) {
                case 0 -> i * 1_000_003L + random.nextInt(1000);
                case 1 -> random.nextLong();
                case 2 -> -7;
                case 3 -> i % 3 == 0 ? Long.MIN_VALUE : i % 3 == 1 ? Long.MAX_VALUE : 0;
                default -> random.nextInt(1 << 20);
            };
        }
        return values;
    }

    private static String[] strings(Random random, int count) {
        String[] values = new String[count];
        String previous = "";
        for (int i = 0; i < count; i++) {
            String value = switch (random.nextInt(5)) {
                case 0 -> "";
                case 1 -> previous + "x";                                                     // longer shared prefix
                case 2 -> previous.substring(0, previous.offsetByCodePoints(0, previous.codePointCount(0, previous.length()) / 2))
                        + "ü" + random.nextInt(1000);
                case 3 -> "customer#" + String.format("%09d", i);
                default -> "é€😀".repeat(random.nextInt(3)) + random.nextInt();
            };
            values[i] = value;
            previous = value;
        }
        return values;
    }
}
