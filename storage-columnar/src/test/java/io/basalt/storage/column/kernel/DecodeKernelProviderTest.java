package io.basalt.storage.column.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.kernel.KernelProvider;
import io.basalt.exec.kernel.PlainKernels;
import org.junit.jupiter.api.Test;

/** The decode kernels follow the executor's choice of kernels, so one switch ({@code basalt.kernels}) sets both. */
class DecodeKernelProviderTest {
    @Test
    void followsTheExecutorsKernels() {
        boolean executorIsPlain = KernelProvider.kernels() instanceof PlainKernels;
        assertThat(DecodeKernelProvider.kernels() instanceof PlainDecodeKernels).isEqualTo(executorIsPlain);
        assertThat(DecodeKernelProvider.kernels()).isSameAs(DecodeKernelProvider.kernels());
    }
}
