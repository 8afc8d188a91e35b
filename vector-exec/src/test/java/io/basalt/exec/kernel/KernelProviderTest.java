package io.basalt.exec.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The choice of kernels: by hardware, forced by {@code basalt.kernels}, and the fallback to plain Java in
 * a JVM started without the incubator module (checked in a child JVM, since a module cannot be removed
 * from a running one).
 */
class KernelProviderTest {
    @Test
    void choosesVectorKernelsWhenTheModuleIsPresentAndVectorsAreWide() {
        assertThat(KernelProvider.vectorModulePresent()).as("tests run with --add-modules=jdk.incubator.vector").isTrue();
        Class<?> expected = VectorKernels.preferredLongLanes() >= KernelProvider.MINIMUM_LONG_LANES ? VectorKernels.class : PlainKernels.class;
        assertThat(KernelProvider.choose(null)).isInstanceOf(expected);
        assertThat(KernelProvider.choose("")).isInstanceOf(expected);
    }

    @Test
    void thePropertyForcesAnImplementation() {
        assertThat(KernelProvider.choose("plain")).isInstanceOf(PlainKernels.class);
        assertThat(KernelProvider.choose("vector")).isInstanceOf(VectorKernels.class);
    }

    @Test
    void anUnknownValueIsRejectedInPostgresWording() {
        assertThatThrownBy(() -> KernelProvider.choose("simd"))
            .isInstanceOf(BasaltException.class)
            .hasMessage("invalid value for parameter \"basalt.kernels\": \"simd\"")
            .satisfies(e -> assertThat(((BasaltException) e).sqlState()).isEqualTo(SqlState.INVALID_PARAMETER_VALUE));
    }

    @Test
    void theInstanceIsChosenOnce() {
        assertThat(KernelProvider.kernels()).isSameAs(KernelProvider.kernels());
        assertThat(KernelProvider.kernels()).isInstanceOf(KernelProvider.choose(System.getProperty(KernelProvider.PROPERTY)).getClass());
    }

    @Test
    void aJvmWithoutTheVectorModuleFallsBackToPlainKernels() throws IOException, InterruptedException {
        assertThat(runChild()).isEqualTo(PlainKernels.class.getName());
        assertThat(runChild("-D" + KernelProvider.PROPERTY + "=vector")).contains("vector kernels are not available");
    }

    /** Runs {@link KernelChoicePrinter} in a JVM without --add-modules and returns what it printed. */
    private static String runChild(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(flags));
        command.add(KernelChoicePrinter.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }
}
