package io.basalt.exec.pipeline;

import static java.util.Objects.requireNonNull;

import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.Kernels;
import org.apache.arrow.memory.BufferAllocator;

/**
 * What every operator state of one query shares: the query's allocator (a child of the database's root,
 * freed when the query ends), the batch size, and the kernels.
 */
public record ExecutionContext(BufferAllocator allocator, int vectorSize, Kernels kernels) {
    public ExecutionContext {
        requireNonNull(allocator, "allocator is null");
        requireNonNull(kernels, "kernels is null");
        if (vectorSize < 1) {
            throw new IllegalArgumentException("vectorSize must be positive");
        }
    }

    public static ExecutionContext of(BufferAllocator allocator, int vectorSize) {
        return new ExecutionContext(allocator, vectorSize, KernelProvider.kernels());
    }
}
