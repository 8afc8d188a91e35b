package io.basalt.exec.kernel;

/**
 * The child process of {@link KernelProviderTest}: prints the class of the kernels the provider chose,
 * or the message of the error that stopped it from choosing.
 */
public final class KernelChoicePrinter {
    private KernelChoicePrinter() {
    }

    public static void main(String[] args) {
        try {
            System.out.println(KernelProvider.kernels().getClass().getName());
        } catch (ExceptionInInitializerError e) {
            System.out.println(e.getCause().getMessage());
        }
    }
}
