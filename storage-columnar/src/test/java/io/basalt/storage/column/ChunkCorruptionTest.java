package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged chunks: every truncation and random byte flips fail with DATA_CORRUPTED (the checksum catches them). With the
 * checksum recomputed over the damage, so that the decoders themselves face it, a decode either succeeds or fails with
 * DATA_CORRUPTED, never with another exception, and leaks no memory either way.
 */
class ChunkCorruptionTest {
    static List<LogicalType> types() {
        return ColumnValues.TYPES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void truncatedAndFlippedChunksAreDataCorrupted(LogicalType type) {
        Random random = new Random(type.toString().hashCode());
        for (ChunkShape shape : new ChunkShape[] {ChunkShape.RANDOM_WITH_NULLS, ChunkShape.FEW_DISTINCT, ChunkShape.SORTED}) {
            List<Object> values = ColumnValues.generate(type, shape, 300, random);
            try (BufferAllocator allocator = new RootAllocator();
                 FieldVector source = vectorOf(type, values, allocator)) {
                byte[] bytes = AdaptiveChunkCodec.INSTANCE.encode(source, 0, values.size()).bytes();
                for (int length = 0; length < bytes.length; length += Math.max(1, bytes.length / 200)) {
                    assertCorrupted(Arrays.copyOf(bytes, length), source, allocator);
                }
                for (int trial = 0; trial < 200; trial++) {
                    byte[] damaged = bytes.clone();
                    damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
                    assertCorrupted(damaged, source, allocator);
                }
            }
        }
    }

    /**
     * The types with an encoding of their own. Arrays go through the Arrow IPC fallback, whose reader trusts the
     * offsets it finds (Arrow reads without bounds checks in Basalt's JVMs): for them the checksum is the defence.
     */
    static List<LogicalType> encodedTypes() {
        return ColumnValues.TYPES.stream().filter(type -> type.id() != io.basalt.type.TypeId.ARRAY).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodedTypes")
    void decodersSurviveDamageBehindAValidChecksum(LogicalType type) {
        Random random = new Random(type.toString().hashCode() + 1);
        for (ChunkShape shape : ChunkShape.values()) {
            List<Object> values = ColumnValues.generate(type, shape, 200, random);
            try (BufferAllocator allocator = new RootAllocator();
                 FieldVector source = vectorOf(type, values, allocator)) {
                byte[] bytes = AdaptiveChunkCodec.INSTANCE.encode(source, 0, values.size()).bytes();
                for (int trial = 0; trial < 100; trial++) {
                    byte[] damaged = bytes.clone();
                    // The header's row count is left alone: a larger count is a valid, merely bigger, request.
                    int position = 7 + random.nextInt(Math.max(1, damaged.length - 11));
                    if (position < damaged.length - 4) {
                        damaged[position] = (byte) random.nextInt(256);
                    }
                    if (random.nextBoolean()) {
                        damaged = Arrays.copyOf(damaged, Math.max(11, random.nextInt(damaged.length) + 1));
                    }
                    resealed(damaged);
                    try (FieldVector decoded = AdaptiveChunkCodec.INSTANCE.decode(
                            MemorySegment.ofArray(damaged), source.getField(), allocator)) {
                        assertThat(decoded.getValueCount()).isEqualTo(values.size());
                    } catch (BasaltException e) {
                        assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
                    }
                }
            }
        }
    }

    private static void resealed(byte[] chunk) {
        CRC32C crc = new CRC32C();
        crc.update(chunk, 0, chunk.length - 4);
        ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).putInt(chunk.length - 4, (int) crc.getValue());
    }

    private static void assertCorrupted(byte[] bytes, FieldVector source, BufferAllocator allocator) {
        assertThatThrownBy(() -> AdaptiveChunkCodec.INSTANCE.decode(MemorySegment.ofArray(bytes), source.getField(), allocator)
            .close())
            .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED))
            .hasMessageStartingWith("invalid column chunk");
    }

    static FieldVector vectorOf(LogicalType type, List<Object> values, BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(type, "c", allocator, values.size());
        for (int i = 0; i < values.size(); i++) {
            ValueAccess.set(vector, i, values.get(i));
        }
        vector.setValueCount(values.size());
        return vector;
    }
}
