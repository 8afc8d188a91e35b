package io.basalt.storage.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.lang.foreign.MemorySegment;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class ArrowIpcChunkCodecTest {
    @Test
    void roundTripsARangeOfRowsWithNulls() {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector source = ValueAccess.allocate(LogicalType.TEXT, "t", allocator, 10)) {
            for (int i = 0; i < 10; i++) {
                ValueAccess.set(source, i, i % 3 == 0 ? null : "v" + i);
            }
            source.setValueCount(10);
            EncodedChunk chunk = ArrowIpcChunkCodec.INSTANCE.encode(source, 2, 5);
            assertThat(chunk.statistics().rowCount()).isEqualTo(5);
            assertThat(chunk.statistics().nullCount()).isEqualTo(2);
            try (FieldVector decoded = ArrowIpcChunkCodec.INSTANCE.decode(
                    MemorySegment.ofArray(chunk.bytes()), source.getField(), allocator)) {
                assertThat(decoded.getValueCount()).isEqualTo(5);
                for (int i = 0; i < 5; i++) {
                    assertThat(ValueAccess.get(decoded, i)).isEqualTo(ValueAccess.get(source, i + 2));
                }
                assertThat(decoded.getField()).isEqualTo(source.getField());
            }
        }
    }

    @Test
    void corruptBytesAreDataCorrupted() {
        try (BufferAllocator allocator = new RootAllocator();
             FieldVector source = ValueAccess.allocate(LogicalType.BIGINT, "b", allocator, 1)) {
            assertThatThrownBy(() -> ArrowIpcChunkCodec.INSTANCE.decode(
                    MemorySegment.ofArray(new byte[] {1, 2, 3}), source.getField(), allocator))
                    .isInstanceOf(BasaltException.class).hasMessageContaining("invalid column chunk");
        }
    }

    @Test
    void roundTripsArraysOfFixedSizeElements() {
        for (LogicalType element : java.util.List.of(LogicalType.UUID, LogicalType.INTERVAL)) {
            try (BufferAllocator allocator = new RootAllocator();
                 FieldVector source = ValueAccess.allocate(LogicalType.arrayOf(element), "a", allocator, 3)) {
                Object first = element.id() == io.basalt.type.TypeId.UUID
                        ? io.basalt.type.Uuid.parse("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")
                        : new io.basalt.type.Interval(0, 1, 0);
                ValueAccess.set(source, 0, io.basalt.type.ArrayValue.of(java.util.Arrays.asList(first, null)));
                ValueAccess.set(source, 1, null);
                ValueAccess.set(source, 2, io.basalt.type.ArrayValue.of(java.util.List.of(first)));
                source.setValueCount(3);
                EncodedChunk chunk = ArrowIpcChunkCodec.INSTANCE.encode(source, 0, 3);
                try (FieldVector decoded = ArrowIpcChunkCodec.INSTANCE.decode(
                        MemorySegment.ofArray(chunk.bytes()), source.getField(), allocator)) {
                    for (int i = 0; i < 3; i++) {
                        assertThat(ValueAccess.get(decoded, i)).isEqualTo(ValueAccess.get(source, i));
                    }
                }
            }
        }
    }
}
