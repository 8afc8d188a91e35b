package io.basalt.exec.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.junit.jupiter.api.Test;

/**
 * Large buffers of Basalt's roots come from kept native blocks: a released block is kept and given, zeroed, to the
 * next buffer of its size (so its pages are not faulted in again); small buffers stay with netty's pool; allocators'
 * accounting is unchanged (the kept blocks belong to none).
 */
class RecyclingAllocationManagerTest {
    private static final int LARGE = 1 << 20;

    @Test
    void aReleasedLargeBlockIsKeptAndReusedZeroed() {
        try (BufferAllocator root = MemoryRoots.newRoot("recycling test", 1L << 30)) {
            long address;
            long keptBefore;
            try (ArrowBuf first = root.buffer(LARGE)) {
                assertThat(first.capacity()).isEqualTo(LARGE);
                for (long offset = 0; offset < LARGE; offset += Long.BYTES) {
                    first.setLong(offset, -1L);
                }
                address = first.memoryAddress();
                assertThat(root.getAllocatedMemory()).isEqualTo(LARGE);
                keptBefore = RecyclingAllocationManager.retainedBytes();
            }
            assertThat(root.getAllocatedMemory()).isZero();
            assertThat(RecyclingAllocationManager.retainedBytes()).isEqualTo(keptBefore + LARGE);
            try (ArrowBuf second = root.buffer(LARGE)) {
                // the block just released is first in its list
                assertThat(second.memoryAddress()).isEqualTo(address);
                assertThat(RecyclingAllocationManager.retainedBytes()).isEqualTo(keptBefore);
                for (long offset = 0; offset < LARGE; offset += Long.BYTES) {
                    assertThat(second.getLong(offset)).as("offset %d", offset).isZero();
                }
            }
        }
    }

    @Test
    void vectorsAndSmallBuffersWorkAsBefore() {
        try (BufferAllocator root = MemoryRoots.newRoot("recycling test", 1L << 30);
             BufferAllocator child = root.newChildAllocator("child", 0, Long.MAX_VALUE)) {
            try (ArrowBuf small = child.buffer(1000)) {
                small.setLong(0, 42);
                assertThat(small.getLong(0)).isEqualTo(42);
            }
            try (BigIntVector vector = new BigIntVector("v", child)) {
                int rows = 200_000;
                vector.allocateNew(rows);
                for (int i = 0; i < rows; i++) {
                    vector.set(i, i * 3L);
                }
                vector.setValueCount(rows);
                long sum = 0;
                for (int i = 0; i < rows; i++) {
                    sum += vector.get(i);
                }
                assertThat(sum).isEqualTo(3L * rows * (rows - 1) / 2);
                assertThat(child.getAllocatedMemory()).isGreaterThanOrEqualTo(rows * 8L);
            }
            assertThat(child.getAllocatedMemory()).isZero();
        }
    }
}
