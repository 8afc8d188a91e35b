package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * The analysis picks the encoding a human would for typical shapes of data, and it compresses: each case states
 * the expected encoding (the start of the chunk's description) and a bound on the chunk's size.
 */
class EncodingChoiceTest {
    private static final int ROWS = 122_880;

    @Test
    void constantColumnIsConstant() {
        Chosen chosen = encode(LogicalType.BIGINT, i -> 42L);
        assertThat(chosen.description()).isEqualTo("constant");
        assertThat(chosen.size()).isLessThan(32);
    }

    @Test
    void sortedDistinctDatesAreDeltaCoded() {
        Chosen chosen = encode(LogicalType.DATE, i -> 8000L + i * 2L + (i % 3 == 0 ? 1 : 0));
        assertThat(chosen.description()).startsWith("delta w2");
        assertThat(chosen.size()).isLessThan(ROWS / 4 + 64);
    }

    @Test
    void sortedKeysWithRepeatsAreRunLengthCodedOverDeltas() {
        Chosen chosen = encode(LogicalType.BIGINT, i -> 1_000_000L + i / 4);
        assertThat(chosen.description()).startsWith("rle");
        assertThat(chosen.description()).contains("delta");
    }

    @Test
    void runsOfOneOrTwoRowsAreBitPackedNotRunLengthCoded() {
        // A NULL every tenth row, stored as its neighbour's value: runs of one or two rows, about 6% smaller as runs
        // than as 20-bit frame of reference, but four to five times slower to decode.
        Chosen chosen = encode(LogicalType.BIGINT, i -> (i + 1) % 10 == 0 ? null : (i + 1L) * 7919 % 1_000_000);
        assertThat(chosen.description()).isEqualTo("for w20");
        assertThat(chosen.size()).isLessThan(ROWS * 20 / 8 + ROWS / 8 + 64);
        assertThat(chosen.validityKind()).as("a NULL every tenth row is a bitmap, not 24,576 runs").isEqualTo(BITMAP);
    }

    @Test
    void runsOfTwoOrThreeRandomValuesAreBitPacked() {
        Random random = new Random(10);
        long[] run = new long[2];
        Chosen chosen = encode(LogicalType.BIGINT, i -> {
            if (i == run[1]) {
                run[0] = random.nextInt(1 << 20);
                run[1] = i + 2 + random.nextInt(2);
            }
            return run[0];
        });
        assertThat(chosen.description()).isEqualTo("for w20");
    }

    @Test
    void runsOfEightRandomValuesStayRunLengthCoded() {
        Random random = new Random(11);
        long[] value = new long[1];
        Chosen chosen = encode(LogicalType.BIGINT, i -> {
            if (i % 8 == 0) {
                value[0] = random.nextInt(1 << 20);
            }
            return value[0];
        });
        assertThat(chosen.description()).startsWith("rle 15360 runs");
        assertThat(chosen.size()).isLessThan(ROWS / 8 * 24 / 8 + 64);
    }

    @Test
    void fewLongNullRunsAreStoredAsRuns() {
        Chosen chosen = encode(LogicalType.INTEGER, i -> i / 4096 % 2 == 1 ? null : (long) (i % 1000));
        assertThat(chosen.validityKind()).as("30 runs of 4,096 rows").isEqualTo(RUNS);
    }

    @Test
    void smallRangeIntegersAreFrameOfReferencePacked() {
        Random random = new Random(1);
        Chosen chosen = encode(LogicalType.INTEGER, i -> 1_000_000L + random.nextInt(50));
        assertThat(chosen.description()).isEqualTo("for w6");
        assertThat(chosen.size()).isLessThan(ROWS * 6 / 8 + 64);
    }

    @Test
    void fewWideValuesAreADictionary() {
        Random random = new Random(2);
        long[] keys = new long[17];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong();
        }
        Chosen chosen = encode(LogicalType.BIGINT, i -> keys[random.nextInt(keys.length)]);
        assertThat(chosen.description()).startsWith("dict 17");
    }

    @Test
    void seventeenDistinctStringsAreADictionary() {
        Random random = new Random(3);
        Chosen chosen = encode(LogicalType.TEXT, i -> "category " + random.nextInt(17));
        assertThat(chosen.description()).startsWith("dict 17");
        assertThat(chosen.size()).isLessThan(ROWS * 5 / 8 + 512);
    }

    @Test
    void uniqueWordyStringsGetASymbolTable() {
        Random random = new Random(8);
        String[] words = {"carefully", "final", "deposits", "sleep", "quickly", "among", "the", "ironic", "packages"};
        Chosen chosen = encode(LogicalType.TEXT, i -> words[random.nextInt(words.length)] + " " + i + " "
            + words[random.nextInt(words.length)]);
        assertThat(chosen.description()).startsWith("fsst");
        long raw = 0;
        for (String word : words) {
            raw += word.length();
        }
        assertThat(chosen.size()).isLessThan((int) (ROWS * (2 * raw / words.length + 8) / 2));
    }

    @Test
    void randomBytesArePlain() {
        Random random = new Random(9);
        Chosen chosen = encode(LogicalType.BYTEA, i -> {
            byte[] bytes = new byte[16 + random.nextInt(16)];
            random.nextBytes(bytes);
            return io.basalt.type.ByteString.wrap(bytes);
        });
        assertThat(chosen.description()).startsWith("plain");
    }

    @Test
    void pricesAreDecimalCodedDoubles() {
        Random random = new Random(4);
        Chosen chosen = encode(LogicalType.DOUBLE, i -> (900 + random.nextInt(100_000)) / 100.0);
        assertThat(chosen.description()).startsWith("alp e2 for w17");
        assertThat(chosen.size()).isLessThan(ROWS * 17 / 8 + 64);
    }

    @Test
    void decimalDoublesWithSpecialValuesKeepThemAsExceptions() {
        Random random = new Random(5);
        Chosen chosen = encode(LogicalType.DOUBLE, i -> i % 1000 == 0 ? Double.NaN : i % 1001 == 0 ? -0.0
            : random.nextInt(1000) / 10.0);
        assertThat(chosen.description()).startsWith("alp e1").contains("exceptions");
    }

    @Test
    void randomDoublesAreRaw() {
        Random random = new Random(6);
        Chosen chosen = encode(LogicalType.DOUBLE, i -> random.nextDouble());
        assertThat(chosen.description()).startsWith("raw");
    }

    @Test
    void booleansPackToABitEach() {
        Random random = new Random(7);
        Chosen chosen = encode(LogicalType.BOOLEAN, i -> random.nextBoolean());
        assertThat(chosen.description()).isEqualTo("for w1");
        assertThat(chosen.size()).isLessThan(ROWS / 8 + 64);
    }

    @Test
    void arraysFallBackToArrowIpc() {
        Chosen chosen = encode(LogicalType.arrayOf(LogicalType.INTEGER), i -> io.basalt.type.ArrayValue.of(List.of((long) i)));
        assertThat(chosen.description()).isEqualTo("arrow-ipc");
    }

    /** Validity kinds ({@code ValidityCodec}): the byte after the chunk's 7-byte header. */
    private static final int BITMAP = 2;
    private static final int RUNS = 3;
    private static final int VALIDITY_AT = 7;

    private record Chosen(String description, int size, int validityKind) {
    }

    private interface RowValue {
        Object at(int row);
    }

    private static Chosen encode(LogicalType type, RowValue values) {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector vector = ValueAccess.allocate(type, "c", allocator, ROWS)) {
            List<Object> all = new ArrayList<>(ROWS);
            for (int i = 0; i < ROWS; i++) {
                Object value = values.at(i);
                all.add(value);
                ValueAccess.set(vector, i, value);
            }
            vector.setValueCount(ROWS);
            AdaptiveChunkCodec.DescribedChunk described = AdaptiveChunkCodec.INSTANCE.encodeDescribed(vector, 0, ROWS);
            try (FieldVector decoded = AdaptiveChunkCodec.INSTANCE.decode(
                    java.lang.foreign.MemorySegment.ofArray(described.chunk().bytes()), vector.getField(), allocator)) {
                for (int i = 0; i < ROWS; i++) {
                    assertThat(ValueAccess.get(decoded, i)).isEqualTo(all.get(i));
                }
            }
            byte[] bytes = described.chunk().bytes();
            return new Chosen(described.description(), bytes.length, bytes[VALIDITY_AT]);
        }
    }
}
