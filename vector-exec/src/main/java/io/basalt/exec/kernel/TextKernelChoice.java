package io.basalt.exec.kernel;

/**
 * Holds the {@link TextKernels} chosen once for this JVM: the vector implementation exactly when
 * {@link KernelProvider} chose {@link VectorKernels} (so that {@code -Dbasalt.kernels=plain} forces both to plain,
 * and a JVM without the incubator module never loads a class that refers to it).
 */
final class TextKernelChoice {
    static final TextKernels KERNELS = choose();

    private TextKernelChoice() {
    }

    private static TextKernels choose() {
        if (KernelProvider.kernels() instanceof PlainKernels) {
            return new PlainTextKernels();
        }
        try {
            return (TextKernels) Class.forName("io.basalt.exec.kernel.VectorTextKernels").getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException | LinkageError unavailable) {
            return new PlainTextKernels();
        }
    }
}
