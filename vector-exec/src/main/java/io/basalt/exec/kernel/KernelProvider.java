package io.basalt.exec.kernel;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.lang.reflect.InvocationTargetException;

/**
 * Chooses the {@link Kernels} implementation once, when this class is initialized, and hands out that
 * one instance: {@link VectorKernels} when the {@code jdk.incubator.vector} module is in the boot layer
 * and the preferred vector species holds at least two 64-bit lanes, else {@link PlainKernels}.
 *
 * <p>The system property {@code basalt.kernels} ({@code plain} or {@code vector}) forces one. Forcing
 * {@code vector} on a JVM started without {@code --add-modules=jdk.incubator.vector} is an error rather
 * than a silent fallback, since whoever forces it means to run the vector code.
 *
 * <p>VectorKernels is only ever loaded reflectively, so that a JVM without the incubator module never
 * resolves a class that refers to it.
 */
public final class KernelProvider {
    /** The system property that forces an implementation. */
    public static final String PROPERTY = "basalt.kernels";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "io.basalt.exec.kernel.VectorKernels";
    /**
     * The narrowest SIMD the vector kernels are chosen for: 256 bits (4 long lanes). Measured on x86 with
     * 128-bit vectors only (-XX:UseAVX=0), the vector selections and sumInt ran 10 to 100 times slower than
     * plain Java, so narrower hardware uses the plain kernels.
     */
    static final int MINIMUM_LONG_LANES = 4;

    private static final Kernels KERNELS = choose(System.getProperty(PROPERTY));

    private KernelProvider() {
    }

    /** The kernels this JVM runs, chosen at class initialization. */
    public static Kernels kernels() {
        return KERNELS;
    }

    /**
     * The implementation for a value of {@link #PROPERTY}: null or empty means choose by the hardware.
     *
     * @throws BasaltException for an unknown value, or {@code vector} when the module is missing
     */
    static Kernels choose(String forced) {
        if (forced == null || forced.isEmpty()) {
            Kernels vector = vectorKernelsIfAvailable();
            return vector != null && preferredLongLanes() >= MINIMUM_LONG_LANES ? vector : new PlainKernels();
        }
        return switch (forced) {
            case "plain" -> new PlainKernels();
            case "vector" -> {
                Kernels vector = vectorKernelsIfAvailable();
                if (vector == null) {
                    throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                            "vector kernels are not available in this JVM")
                        .withHint("Start the JVM with --add-modules=" + VECTOR_MODULE + ", or set " + PROPERTY + "=plain.");
                }
                yield vector;
            }
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid value for parameter \"" + PROPERTY + "\": \"" + forced + "\"")
                .withHint("Available values: plain, vector.");
        };
    }

    /** Whether the incubator vector module is resolved in this JVM's boot layer. */
    static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    private static Kernels vectorKernelsIfAvailable() {
        if (!vectorModulePresent()) {
            return null;
        }
        try {
            return (Kernels) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    private static int preferredLongLanes() {
        try {
            return (Integer) Class.forName(VECTOR_CLASS).getDeclaredMethod("preferredLongLanes").invoke(null);
        } catch (InvocationTargetException e) {
            throw BasaltException.internal("cannot read the vector width", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw BasaltException.internal("cannot read the vector width", e);
        }
    }
}
