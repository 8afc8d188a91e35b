package io.basalt.storage.column.kernel;

import io.basalt.error.BasaltException;
import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.PlainKernels;

/**
 * Chooses the {@link DecodeKernels} once, when this class is initialized, by the same decision as the executor's
 * kernels ({@link KernelProvider}, which the system property {@value KernelProvider#PROPERTY} can force): the vector
 * decoders when the executor runs its vector kernels and the preferred species holds at least 4 longs (AVX2), else
 * the plain ones. {@link VectorDecodeKernels} is loaded reflectively so that a JVM without the incubator module
 * never resolves it.
 */
public final class DecodeKernelProvider {
    private static final String VECTOR_CLASS = "io.basalt.storage.column.kernel.VectorDecodeKernels";
    private static final int MINIMUM_LONG_LANES = 4;
    private static final DecodeKernels KERNELS = choose();

    private DecodeKernelProvider() {
    }

    /** The decode kernels this JVM runs. */
    public static DecodeKernels kernels() {
        return KERNELS;
    }

    private static DecodeKernels choose() {
        if (KernelProvider.kernels() instanceof PlainKernels) {
            return new PlainDecodeKernels();
        }
        try {
            Class<?> vector = Class.forName(VECTOR_CLASS);
            int lanes = (Integer) vector.getDeclaredMethod("preferredLongLanes").invoke(null);
            return lanes >= MINIMUM_LONG_LANES ? (DecodeKernels) vector.getDeclaredConstructor().newInstance()
                : new PlainDecodeKernels();
        } catch (ReflectiveOperationException | LinkageError e) {
            throw BasaltException.internal("cannot load the vector decode kernels", e);
        }
    }
}
