package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.column.kernel.DecodeKernels;
import io.basalt.storage.column.kernel.PlainDecodeKernels;
import io.basalt.storage.column.kernel.VectorDecodeKernels;
import io.basalt.type.LogicalType;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Encode -> decode round trips of every storable type in every {@link ChunkShape}, through both decode kernel
 * implementations: the decoded vector must hold the same values, NULLs and field, the statistics must count the rows
 * and NULLs and bound every value in the engine's order, and the statistics must survive serialization. Every test
 * closes its allocator, which fails on leaked Arrow memory.
 */
class AdaptiveChunkCodecRoundTripTest {
    private static final AdaptiveChunkCodec[] CODECS = {
        new AdaptiveChunkCodec(new PlainDecodeKernels()), new AdaptiveChunkCodec(new VectorDecodeKernels())};
    /** Rows before the encoded range, so that chunks start inside a vector. */
    private static final int OFFSET = 3;

    static Stream<Arguments> typesAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (LogicalType type : ColumnValues.TYPES) {
            for (ChunkShape shape : ChunkShape.values()) {
                cases.add(Arguments.of(type, shape));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndShapes")
    void roundTrips(LogicalType type, ChunkShape shape) {
        Random random = new Random(type.toString().hashCode() * 31L + shape.ordinal());
        for (int count : new int[] {1, 65, 2500}) {
            List<Object> values = ColumnValues.generate(type, shape, count, random);
            roundTrip(type, values);
        }
    }

    @Test
    void roundTripsVeryLongStrings() {
        String megabyte = "日本語 text ".repeat(80_000);
        List<Object> values = new ArrayList<>();
        values.add(megabyte);
        values.add(null);
        values.add(megabyte + "!");
        values.add("short");
        roundTrip(LogicalType.TEXT, values);
        List<Object> constant = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            constant.add(megabyte);
        }
        roundTrip(LogicalType.TEXT, constant);
    }

    @Test
    void roundTripsManyDistinctStrings() {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            values.add("customer#" + Integer.toHexString(i * 7919) + (i % 3 == 0 ? "ß" : ""));
        }
        roundTrip(LogicalType.VARCHAR, values);
    }

    static void roundTrip(LogicalType type, List<Object> values) {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector source = ValueAccess.allocate(type, "c", allocator, values.size() + OFFSET + 2)) {
            Random random = new Random(values.size());
            for (int i = 0; i < OFFSET; i++) {
                ValueAccess.set(source, i, ColumnValues.random(type, random));
            }
            for (int i = 0; i < values.size(); i++) {
                ValueAccess.set(source, OFFSET + i, values.get(i));
            }
            ValueAccess.set(source, OFFSET + values.size(), ColumnValues.random(type, random));
            source.setValueCount(OFFSET + values.size() + 1);
            for (AdaptiveChunkCodec codec : CODECS) {
                EncodedChunk chunk = codec.encode(source, OFFSET, values.size());
                // The vector-kernel codec reads from native memory one byte off alignment, as a mapped file may be.
                try (Arena arena = Arena.ofConfined();
                     FieldVector decoded = codec.decode(segmentFor(codec, chunk.bytes(), arena), source.getField(), allocator)) {
                    assertThat(decoded.getField()).isEqualTo(source.getField());
                    assertThat(decoded.getValueCount()).isEqualTo(values.size());
                    for (int i = 0; i < values.size(); i++) {
                        assertThat(ValueAccess.get(decoded, i)).as("%s row %d", type, i).isEqualTo(values.get(i));
                    }
                    assertThat(decoded.getNullCount()).isEqualTo((int) values.stream().filter(v -> v == null).count());
                }
                checkStatistics(type, values, chunk.statistics());
            }
        }
    }

    private static MemorySegment segmentFor(AdaptiveChunkCodec codec, byte[] bytes, Arena arena) {
        if (codec == CODECS[0]) {
            return MemorySegment.ofArray(bytes);
        }
        MemorySegment offHeap = arena.allocate(bytes.length + 1L).asSlice(1);
        MemorySegment.copy(MemorySegment.ofArray(bytes), 0, offHeap, 0, bytes.length);
        return offHeap;
    }

    private static void checkStatistics(LogicalType type, List<Object> values, ChunkStatistics statistics) {
        List<Object> present = values.stream().filter(v -> v != null).toList();
        assertThat(statistics.rowCount()).isEqualTo(values.size());
        assertThat(statistics.nullCount()).isEqualTo(values.size() - present.size());
        assertThat(ChunkStatistics.deserialize(statistics.serialize(), type)).isEqualTo(statistics);
        if (statistics.distinctCount() != ChunkStatistics.UNKNOWN_DISTINCT) {
            long distinct = present.stream().map(io.basalt.exec.vector.ValueComparison::equalityKey).distinct().count();
            assertThat((double) statistics.distinctCount()).as("distinct estimate of %s", type)
                .isBetween(distinct * 0.85 - 2, distinct * 1.15 + 2);
        }
        Comparator<Object> order = ColumnValues.order(type);
        if (!statistics.hasBounds()) {
            boolean boundsExpected = order != null && !present.isEmpty()
                && type.id() != io.basalt.type.TypeId.CHAR && type.id() != io.basalt.type.TypeId.JSON
                && !present.contains("\uDBFF\uDFFF".repeat(40))
                && present.stream().noneMatch(v -> v instanceof io.basalt.type.ByteString bytes && bytes.length() > 64
                    && bytes.byteAt(63) == 0xff);
            assertThat(boundsExpected).as("bounds missing for %s", type).isFalse();
            return;
        }
        assertThat(present).isNotEmpty();
        Object min = statistics.min();
        Object max = statistics.max();
        for (Object value : present) {
            assertThat(order.compare(min, value)).as("min %s <= %s", min, value).isLessThanOrEqualTo(0);
            assertThat(order.compare(value, max)).as("%s <= max %s", value, max).isLessThanOrEqualTo(0);
        }
        Object smallest = present.stream().min(order).orElseThrow();
        Object largest = present.stream().max(order).orElseThrow();
        if (!(min instanceof String) && !(min instanceof io.basalt.type.ByteString)) {
            assertThat(order.compare(min, smallest)).isZero();
            assertThat(order.compare(max, largest)).isZero();
        }
    }

    static DecodeKernels[] kernels() {
        return new DecodeKernels[] {new PlainDecodeKernels(), new VectorDecodeKernels()};
    }
}
