package io.basalt.exec.expression;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.memory.MemoryRoots;
import io.basalt.exec.vector.VectorSlices;
import io.basalt.type.LogicalType;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.util.TransferPair;
import org.junit.jupiter.api.Test;

/**
 * The context hands a released vector out again, emptied as a new one, to the next batch that asks for its type; a
 * vector whose memory a consumer still shares (a zero-copy slice, a transfer) is never overwritten; every byte is
 * freed by {@code close}.
 */
class EvaluationContextTest {
    @Test
    void releasedVectorIsReusedEmptied() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("reuse", 1L << 24);
             EvaluationContext context = new EvaluationContext(allocator)) {
            BigIntVector first = (BigIntVector) context.newVector(LogicalType.BIGINT, 100);
            for (int i = 0; i < 100; i++) {
                first.set(i, i + 1);
            }
            first.setValueCount(100);
            context.releaseBatch();
            long held = allocator.getAllocatedMemory();

            BigIntVector second = (BigIntVector) context.newVector(LogicalType.BIGINT, 50);
            assertThat(second).isSameAs(first);
            assertThat(second.getValueCount()).isZero();
            assertThat(second.getValueCapacity()).isGreaterThanOrEqualTo(50);
            for (int i = 0; i < second.getValueCapacity(); i++) {
                assertThat(second.isNull(i)).as("validity of row %s", i).isTrue();
                assertThat(second.getDataBuffer().getLong((long) i * 8)).as("value of row %s", i).isZero();
            }
            assertThat(allocator.getAllocatedMemory()).isEqualTo(held);

            FieldVector other = context.newVector(LogicalType.INTEGER, 10);
            assertThat(other).isNotSameAs(first);
        }
    }

    @Test
    void reusedStringVectorStartsEmpty() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("strings", 1L << 24);
             EvaluationContext context = new EvaluationContext(allocator)) {
            VarCharVector first = (VarCharVector) context.newVector(LogicalType.TEXT, 4);
            first.setSafe(0, "alpha".getBytes(StandardCharsets.UTF_8));
            first.setSafe(2, "gamma".getBytes(StandardCharsets.UTF_8));
            first.setValueCount(3);
            context.releaseBatch();

            VarCharVector second = (VarCharVector) context.newVector(LogicalType.TEXT, 4);
            assertThat(second).isSameAs(first);
            second.setSafe(1, "b".getBytes(StandardCharsets.UTF_8));
            second.setValueCount(3);
            assertThat(second.isNull(0)).isTrue();
            assertThat(new String(second.get(1), StandardCharsets.UTF_8)).isEqualTo("b");
            assertThat(second.isNull(2)).isTrue();
        }
    }

    @Test
    void largerRequestGetsRoom() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("grow", 1L << 24);
             EvaluationContext context = new EvaluationContext(allocator)) {
            context.newVector(LogicalType.BIGINT, 8);
            context.releaseBatch();
            FieldVector larger = context.newVector(LogicalType.BIGINT, 5000);
            assertThat(larger.getValueCapacity()).isGreaterThanOrEqualTo(5000);
            assertThat(larger.getValueCount()).isZero();
        }
    }

    @Test
    void slicedVectorIsNotOverwritten() {
        for (boolean sameAllocator : new boolean[] {true, false}) {
            try (BufferAllocator allocator = MemoryRoots.newRoot("slices", 1L << 24);
                 BufferAllocator consumer = allocator.newChildAllocator("consumer", 0, 1L << 24)) {
                FieldVector slice;
                try (EvaluationContext context = new EvaluationContext(allocator)) {
                    BigIntVector first = (BigIntVector) context.newVector(LogicalType.BIGINT, 64);
                    for (int i = 0; i < 64; i++) {
                        first.set(i, 1000 + i);
                    }
                    first.setValueCount(64);
                    slice = VectorSlices.slice(first, 8, 32, sameAllocator ? allocator : consumer);
                    context.releaseBatch();

                    BigIntVector second = (BigIntVector) context.newVector(LogicalType.BIGINT, 64);
                    assertThat(second).as("same allocator: %s", sameAllocator).isNotSameAs(first);
                    for (int i = 0; i < 64; i++) {
                        second.set(i, -i);
                    }
                    second.setValueCount(64);
                    context.releaseBatch();
                }
                BigIntVector kept = (BigIntVector) slice;
                for (int i = 0; i < 32; i++) {
                    assertThat(kept.get(i)).isEqualTo(1008 + i);
                }
                slice.close();
            }
        }
    }

    @Test
    void transferredVectorIsAllocatedAgain() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("transfer", 1L << 24);
             EvaluationContext context = new EvaluationContext(allocator)) {
            BigIntVector first = (BigIntVector) context.newVector(LogicalType.BIGINT, 16);
            first.set(0, 42);
            first.setValueCount(1);
            TransferPair pair = first.getTransferPair(allocator);
            pair.transfer();
            try (BigIntVector taken = (BigIntVector) pair.getTo()) {
                context.releaseBatch();
                BigIntVector second = (BigIntVector) context.newVector(LogicalType.BIGINT, 16);
                second.set(0, 7);
                second.setValueCount(1);
                assertThat(taken.get(0)).isEqualTo(42);
                assertThat(second.get(0)).isEqualTo(7);
            }
        }
    }

    @Test
    void lentVectorAdoptedBackIsReused() {
        try (BufferAllocator allocator = MemoryRoots.newRoot("lend", 1L << 24);
             EvaluationContext context = new EvaluationContext(allocator)) {
            FieldVector lent = context.lend(LogicalType.DOUBLE, 2048);
            context.releaseBatch();
            context.adopt(lent, LogicalType.DOUBLE);
            context.releaseBatch();
            assertThat(context.lend(LogicalType.DOUBLE, 2048)).isSameAs(lent);
            lent.close();
        }
    }
}
