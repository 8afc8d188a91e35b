package io.basalt.format.parquet.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;

/**
 * Dictionary-encoded pages decoded run by run ({@link DictionaryValues}): indices written by parquet-mr's RLE /
 * bit-packing encoder, in repeated and bit-packed runs, read back in pieces of any size as ints, longs, doubles
 * and strings; an index past the dictionary, in either kind of run, fails as corrupt data.
 */
class DictionaryValuesTest {
    private static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();

    @Test
    void everyTypeReadsItsEntriesThroughRunsOfBothKinds() throws IOException {
        Random random = new Random(41);
        // index widths 0, 1, 3, 4, 6, 8, 9, 12, 15 and 17 bits: the word-per-group (up to 8) and word-per-value unpacking
        for (int size : new int[] {1, 2, 7, 11, 50, 256, 300, 2_500, 20_000, 70_000}) {
            int width = 32 - Integer.numberOfLeadingZeros(Math.max(size - 1, 0));
            int count = 5_000;
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                // stretches of one index (repeated runs) between noise (bit-packed runs)
                indices[i] = (i / 64) % 3 == 0 ? (i / 192) % size : random.nextInt(size);
            }
            byte[] page = page(width, indices);

            long[] longEntries = new long[size];
            double[] doubleEntries = new double[size];
            int[] intEntries = new int[size];
            String[] stringEntries = new String[size];
            for (int e = 0; e < size; e++) {
                longEntries[e] = random.nextLong();
                doubleEntries[e] = random.nextDouble();
                intEntries[e] = random.nextInt();
                stringEntries[e] = "entry " + e + "é".repeat(e % 5);
            }
            ColumnDictionary longs = ColumnDictionary.decode(plainLongs(longEntries), size, PrimitiveTypeName.INT64, -1);
            ColumnDictionary doubles = ColumnDictionary.decode(plainDoubles(doubleEntries), size, PrimitiveTypeName.DOUBLE, -1);
            ColumnDictionary ints = ColumnDictionary.decode(plainInts(intEntries), size, PrimitiveTypeName.INT32, -1);
            ColumnDictionary strings = ColumnDictionary.decode(plainStrings(stringEntries), size, PrimitiveTypeName.BINARY, -1);

            DictionaryValues longValues = new DictionaryValues(longs, page, 0, page.length);
            DictionaryValues doubleValues = new DictionaryValues(doubles, page, 0, page.length);
            DictionaryValues intValues = new DictionaryValues(ints, page, 0, page.length);
            DictionaryValues stringValues = new DictionaryValues(strings, page, 0, page.length);
            int done = 0;
            while (done < count) {
                int piece = Math.min(count - done, 1 + random.nextInt(700));
                long[] gotLongs = new long[piece];
                double[] gotDoubles = new double[piece];
                int[] gotInts = new int[piece];
                int[] starts = new int[piece];
                int[] lengths = new int[piece];
                longValues.readLongs(gotLongs, piece);
                doubleValues.readDoubles(gotDoubles, piece);
                intValues.readInts(gotInts, piece);
                byte[] bytes = stringValues.readBinaries(starts, lengths, piece);
                for (int i = 0; i < piece; i++) {
                    int index = indices[done + i];
                    assertThat(gotLongs[i]).as("size %d, value %d", size, done + i).isEqualTo(longEntries[index]);
                    assertThat(gotDoubles[i]).isEqualTo(doubleEntries[index]);
                    assertThat(gotInts[i]).isEqualTo(intEntries[index]);
                    assertThat(new String(bytes, starts[i], lengths[i], StandardCharsets.UTF_8))
                            .isEqualTo(stringEntries[index]);
                }
                done += piece;
            }
        }
    }

    @Test
    void shortStringEntriesAreGatheredWithTheirRowEnds() throws IOException {
        Random random = new Random(43);
        // entries of one word, two words, and up to four words; then one too long for the word form
        String[][] dictionaries = {{"A", "N", "R"}, {"AIR", "FOB", "MAIL", "RAIL", "REG AIR", "SHIP", "TRUCK"},
                {"COLLECT COD", "DELIVER IN PERSON", "NONE", "TAKE BACK RETURN", "", "é€😀 thirty-two bytes.."}};
        for (String[] entries : dictionaries) {
            int size = entries.length;
            int width = 32 - Integer.numberOfLeadingZeros(size - 1);
            int count = 3_000;
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = (i / 40) % 2 == 0 ? (i / 80) % size : random.nextInt(size);
            }
            byte[] page = page(width, indices);
            ColumnDictionary dictionary = ColumnDictionary.decode(plainStrings(entries), size, PrimitiveTypeName.BINARY, -1);
            DictionaryValues values = new DictionaryValues(dictionary, page, 0, page.length);
            int longest = values.shortEntryLength();
            assertThat(longest).isPositive();
            int done = 0;
            int base = 5;
            while (done < count) {
                int piece = Math.min(count - done, 1 + random.nextInt(500));
                byte[] into = new byte[piece * longest + DictionaryValues.gatherSlack()];
                int[] ends = new int[piece];
                int total = values.gatherShortBinaries(into, ends, piece, base);
                int start = 0;
                for (int i = 0; i < piece; i++) {
                    assertThat(new String(into, start, ends[i] - base - start, StandardCharsets.UTF_8))
                            .as("value %d", done + i).isEqualTo(entries[indices[done + i]]);
                    start = ends[i] - base;
                }
                assertThat(total).isEqualTo(start);
                done += piece;
            }
        }
        String[] tooLong = {"short", "a comment longer than thirty-two bytes"};
        ColumnDictionary dictionary = ColumnDictionary.decode(plainStrings(tooLong), 2, PrimitiveTypeName.BINARY, -1);
        byte[] page = page(1, new int[] {0, 1});
        assertThat(new DictionaryValues(dictionary, page, 0, page.length).shortEntryLength()).isEqualTo(-1);

        ColumnDictionary flags = ColumnDictionary.decode(plainStrings(new String[] {"A", "N", "R"}), 3,
                PrimitiveTypeName.BINARY, -1);
        for (int[] bad : new int[][] {{0, 1, 2, 3, 0, 1, 2, 0}, {3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3}}) {
            byte[] badPage = page(2, bad);
            DictionaryValues values = new DictionaryValues(flags, badPage, 0, badPage.length);
            assertThatThrownBy(() -> values.gatherShortBinaries(new byte[64], new int[bad.length], bad.length, 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of range");
        }
    }

    @Test
    void anIndexPastTheDictionaryIsCorruptInEitherKindOfRun() throws IOException {
        ColumnDictionary dictionary = ColumnDictionary.decode(plainLongs(new long[] {10, 20, 30}), 3,
                PrimitiveTypeName.INT64, -1);
        int[] packed = {0, 1, 2, 3, 0, 1, 2, 0};          // 3 is past the dictionary, in a bit-packed run
        int[] repeated = new int[40];
        java.util.Arrays.fill(repeated, 3);               // the same, as one repeated run
        for (int[] indices : new int[][] {packed, repeated}) {
            byte[] page = page(2, indices);
            DictionaryValues values = new DictionaryValues(dictionary, page, 0, page.length);
            assertThatThrownBy(() -> values.readLongs(new long[indices.length], indices.length))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of range (3 entries)");
        }
        byte[] page = page(2, packed);
        DictionaryValues strings = new DictionaryValues(ColumnDictionary.decode(plainStrings(new String[] {"a", "b", "c"}),
                3, PrimitiveTypeName.BINARY, -1), page, 0, page.length);
        assertThatThrownBy(() -> strings.readBinaries(new int[8], new int[8], 8))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of range");
    }

    /** A dictionary-encoded page: the bit width byte, then the indices in the RLE / bit-packing hybrid. */
    private static byte[] page(int width, int[] indices) throws IOException {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(width, 64, 1 << 20, HEAP);
        for (int index : indices) {
            encoder.writeInt(index);
        }
        byte[] runs = encoder.toBytes().toByteArray();
        byte[] page = new byte[runs.length + 1];
        page[0] = (byte) width;
        System.arraycopy(runs, 0, page, 1, runs.length);
        return page;
    }

    private static byte[] plainLongs(long[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            out.putLong(value);
        }
        return out.array();
    }

    private static byte[] plainDoubles(double[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double value : values) {
            out.putDouble(value);
        }
        return out.array();
    }

    private static byte[] plainInts(int[] values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            out.putInt(value);
        }
        return out.array();
    }

    private static byte[] plainStrings(String[] values) {
        int total = 0;
        for (String value : values) {
            total += 4 + value.getBytes(StandardCharsets.UTF_8).length;
        }
        ByteBuffer out = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        for (String value : values) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.putInt(bytes.length).put(bytes);
        }
        return out.array();
    }
}
