package io.basalt.format.parquet.page;

import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.PlainKernels;

/**
 * Holds the {@link PackedIndexKernels} chosen once for this JVM: the vector implementation exactly when
 * {@link KernelProvider} chose the engine's vector kernels (so {@code -Dbasalt.kernels=plain} forces these plain
 * too, and a JVM without the incubator module never loads a class that refers to it).
 */
final class PackedIndexKernelChoice {
    static final PackedIndexKernels KERNELS = choose();

    private PackedIndexKernelChoice() {
    }

    private static PackedIndexKernels choose() {
        if (KernelProvider.kernels() instanceof PlainKernels) {
            return new PlainPackedIndexKernels();
        }
        try {
            return (PackedIndexKernels) Class.forName("io.basalt.format.parquet.page.VectorPackedIndexKernels")
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError unavailable) {
            return new PlainPackedIndexKernels();
        }
    }
}
