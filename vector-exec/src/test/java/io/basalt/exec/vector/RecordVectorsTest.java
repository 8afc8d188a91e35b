package io.basalt.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.LogicalType;
import io.basalt.type.RecordType;
import io.basalt.type.RecordValue;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;

class RecordVectorsTest {
    private static final LogicalType INNER = LogicalType.recordOf(RecordType.anonymous(
            List.of(LogicalType.INTEGER, LogicalType.arrayOf(LogicalType.TEXT))));
    private static final LogicalType OUTER = LogicalType.recordOf(new RecordType("outer", List.of("k", "inner"),
            List.of(LogicalType.TEXT, INNER)));
    private static final List<RecordValue> VALUES = Arrays.asList(
            RecordValue.of("b", RecordValue.of(1L, io.basalt.type.ArrayValue.of(List.of("x")))),
            null,
            RecordValue.of("a", null),
            RecordValue.of(null, RecordValue.of(null, null)),
            RecordValue.of("b", RecordValue.of(1L, io.basalt.type.ArrayValue.of(List.of("x")))),
            RecordValue.of("a", RecordValue.of(2L, null)));

    @Test
    void valuesRoundTripThroughNestedStructs() {
        try (BufferAllocator allocator = new RootAllocator(); FieldVector vector = filled(allocator)) {
            assertThat(RecordVectors.isRecord(vector)).isTrue();
            for (int i = 0; i < VALUES.size(); i++) {
                assertThat(ValueAccess.get(vector, i)).isEqualTo(VALUES.get(i));
            }
            assertThat(ValueAccess.text(vector, 0)).isEqualTo("(b,\"(1,{x})\")");
            assertThat(ValueAccess.text(vector, 3)).isEqualTo("(,\"(,)\")");
        }
    }

    @Test
    void ordersFieldByFieldWithNullFieldsLast() {
        try (BufferAllocator allocator = new RootAllocator(); FieldVector vector = filled(allocator)) {
            assertThat(ValueComparison.compare(vector, 0, vector, 4)).isZero();
            assertThat(ValueComparison.compare(vector, 2, vector, 5)).isPositive();
            assertThat(ValueComparison.compare(vector, 5, vector, 0)).isNegative();
            assertThat(ValueComparison.compare(vector, 3, vector, 0)).isPositive();
        }
    }

    @Test
    void equalRecordsHashAlike() {
        try (BufferAllocator allocator = new RootAllocator(); FieldVector vector = filled(allocator)) {
            long[] hashes = new long[VALUES.size()];
            long[] scratch = new long[VALUES.size()];
            KeyHashing.hashColumn(vector, VALUES.size(), hashes, scratch);
            assertThat(hashes[0]).isEqualTo(hashes[4]);
            assertThat(hashes[0]).isNotEqualTo(hashes[5]);
        }
    }

    @Test
    void gathersAndSlicesWithoutLeaking() {
        try (BufferAllocator allocator = new RootAllocator()) {
            try (FieldVector vector = filled(allocator);
                 FieldVector target = ValueAccess.allocate(OUTER, "t", allocator, 3)) {
                VectorGather.gather(vector, new int[] {5, 1, 3}, 3, target);
                target.setValueCount(3);
                assertThat(ValueAccess.get(target, 0)).isEqualTo(VALUES.get(5));
                assertThat(target.isNull(1)).isTrue();
                assertThat(ValueAccess.get(target, 2)).isEqualTo(VALUES.get(3));
                try (FieldVector slice = VectorSlices.slice(vector, 2, 3, allocator);
                     FieldVector copy = VectorCopies.copy(vector, allocator)) {
                    assertThat(ValueAccess.get(slice, 0)).isEqualTo(VALUES.get(2));
                    assertThat(ValueAccess.get(copy, 4)).isEqualTo(VALUES.get(4));
                }
            }
            assertThat(allocator.getAllocatedMemory()).isZero();
        }
    }

    private static FieldVector filled(BufferAllocator allocator) {
        FieldVector vector = ValueAccess.allocate(OUTER, "r", allocator, VALUES.size());
        for (int i = 0; i < VALUES.size(); i++) {
            ValueAccess.set(vector, i, VALUES.get(i));
        }
        vector.setValueCount(VALUES.size());
        return vector;
    }
}
