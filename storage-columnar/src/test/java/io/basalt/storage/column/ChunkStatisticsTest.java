package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ByteString;
import io.basalt.type.Interval;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.Uuid;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

/**
 * The bounds a chunk reports, case by case where the engine's order is subtle (NaN, signed zeros, NUMERIC specials,
 * long text), where none must be given (CHAR, JSON), and the serialized form (both versions, damage).
 */
class ChunkStatisticsTest {
    @Test
    void doublesPutNaNLastAndWidenZeros() {
        ChunkStatistics statistics = statisticsOf(LogicalType.DOUBLE, Arrays.asList(0.0, Double.NaN, null, -0.0, 0.0));
        assertThat(statistics.min()).isEqualTo(-0.0);
        assertThat(statistics.max()).isEqualTo(Double.NaN);
        assertThat(statistics.nullCount()).isEqualTo(1);
        assertThat(statistics.distinctCount()).isEqualTo(2);
        ChunkStatistics zeros = statisticsOf(LogicalType.DOUBLE, Arrays.asList(-0.0, -0.0));
        assertThat(zeros.min()).isEqualTo(-0.0);
        assertThat(zeros.max()).isEqualTo(0.0);
    }

    @Test
    void arbitraryNumericOrdersSpecialValuesAsPostgres() {
        ChunkStatistics statistics = statisticsOf(LogicalType.NUMERIC, Arrays.asList(new BigDecimal("1.50"),
            NumericSpecial.NEGATIVE_INFINITY, NumericSpecial.NAN, new BigDecimal("1.5"), NumericSpecial.POSITIVE_INFINITY));
        assertThat(statistics.min()).isSameAs(NumericSpecial.NEGATIVE_INFINITY);
        assertThat(statistics.max()).isSameAs(NumericSpecial.NAN);
        assertThat(statistics.distinctCount()).isEqualTo(4);
        ChunkStatistics read = ChunkStatistics.deserialize(statistics.serialize(), LogicalType.NUMERIC);
        assertThat(read.max()).isSameAs(NumericSpecial.NAN);
    }

    @Test
    void scaledAndWideNumericBounds() {
        ChunkStatistics scaled = statisticsOf(LogicalType.numeric(10, 2), Arrays.asList(150L, -3L, null));
        assertThat(scaled.min()).isEqualTo(-3L);
        assertThat(scaled.max()).isEqualTo(150L);
        ChunkStatistics wide = statisticsOf(LogicalType.numeric(30, 2), Arrays.asList(new BigDecimal("-12345678901234567890.12"),
            new BigDecimal("0.01"), new BigDecimal("99999999999999999999.99")));
        assertThat(wide.min()).isEqualTo(new BigDecimal("-12345678901234567890.12"));
        assertThat(wide.max()).isEqualTo(new BigDecimal("99999999999999999999.99"));
    }

    @Test
    void textIsOrderedByUtf8BytesAndLongBoundsAreShortened() {
        ChunkStatistics statistics = statisticsOf(LogicalType.TEXT, Arrays.asList("b", "é", "a", "Z", null));
        assertThat(statistics.min()).isEqualTo("Z");
        assertThat(statistics.max()).isEqualTo("é");
        String longLow = "a".repeat(100);
        String longHigh = "z".repeat(63) + "é" + "x".repeat(50);
        ChunkStatistics shortened = statisticsOf(LogicalType.TEXT, List.of(longLow, longHigh, "m"));
        assertThat(shortened.min()).isEqualTo("a".repeat(64));
        // The 64-byte cut falls inside "é" (bytes 63 and 64), so the prefix stops before it and its last 'z' goes up.
        assertThat(shortened.max()).isEqualTo("z".repeat(62) + "{");
        assertThat(((String) shortened.max()).compareTo(longHigh)).isPositive();
    }

    @Test
    void byteaBoundsAreUnsignedAndShortened() {
        byte[] high = new byte[80];
        Arrays.fill(high, (byte) 0x80);
        ChunkStatistics statistics = statisticsOf(LogicalType.BYTEA, List.of(ByteString.wrap(new byte[] {0x7f}),
            ByteString.wrap(high), ByteString.wrap(new byte[] {(byte) 0x80})));
        assertThat(statistics.min()).isEqualTo(ByteString.wrap(new byte[] {0x7f}));
        byte[] expectedHigh = Arrays.copyOf(high, 64);
        expectedHigh[63] = (byte) 0x81;
        assertThat(statistics.max()).isEqualTo(ByteString.wrap(expectedHigh));
    }

    @Test
    void uuidsAndIntervalsUseTheEngineOrder() {
        Uuid low = new Uuid(0x0fffffffffffffffL, 0);
        Uuid high = new Uuid(0x8000000000000000L, 0);
        ChunkStatistics uuids = statisticsOf(LogicalType.UUID, List.of(high, low));
        assertThat(uuids.min()).isEqualTo(low);
        assertThat(uuids.max()).isEqualTo(high);
        ChunkStatistics intervals = statisticsOf(LogicalType.INTERVAL, List.of(new Interval(1, 0, 0),
            new Interval(0, 31, 0), new Interval(0, 0, -1)));
        assertThat(intervals.min()).isEqualTo(new Interval(0, 0, -1));
        assertThat(intervals.max()).isEqualTo(new Interval(0, 31, 0));
    }

    @Test
    void noBoundsWhereTheOrderIsNotBytewise() {
        assertThat(statisticsOf(LogicalType.character(3), List.of("a  ", "b  ")).hasBounds()).isFalse();
        assertThat(statisticsOf(LogicalType.JSON, List.of("{}", "[]")).hasBounds()).isFalse();
        assertThat(statisticsOf(LogicalType.BIGINT, Arrays.asList(null, null)).hasBounds()).isFalse();
    }

    @Test
    void readsTheFirstFormatAndRejectsDamage() {
        byte[] first = ByteBuffer.allocate(9).put((byte) 0).putInt(10).putInt(3).array();
        assertThat(ChunkStatistics.deserialize(first, LogicalType.BIGINT)).isEqualTo(ChunkStatistics.counts(10, 3));
        byte[] bytes = statisticsOf(LogicalType.TEXT, List.of("abc", "abd")).serialize();
        for (int length = 0; length < bytes.length; length++) {
            byte[] truncated = Arrays.copyOf(bytes, length);
            assertThatThrownBy(() -> ChunkStatistics.deserialize(truncated, LogicalType.TEXT))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED));
        }
        byte[] newer = bytes.clone();
        newer[0] = 9;
        assertThatThrownBy(() -> ChunkStatistics.deserialize(newer, LogicalType.TEXT)).isInstanceOf(BasaltException.class);
    }

    private static ChunkStatistics statisticsOf(LogicalType type, List<Object> values) {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector vector = ValueAccess.allocate(type, "c", allocator, values.size())) {
            for (int i = 0; i < values.size(); i++) {
                ValueAccess.set(vector, i, values.get(i));
            }
            vector.setValueCount(values.size());
            return AdaptiveChunkCodec.INSTANCE.encode(vector, 0, values.size()).statistics();
        }
    }
}
