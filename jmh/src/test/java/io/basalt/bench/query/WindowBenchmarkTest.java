package io.basalt.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs every window benchmark statement once on a small table, so that a benchmark never measures an error. */
class WindowBenchmarkTest {
    @Test
    void everyStatementRunsAndReturnsTheExpectedRowCount() {
        WindowBenchmark benchmark = new WindowBenchmark();
        benchmark.rows = 20_000;
        try {
            benchmark.load();
            assertThat(benchmark.runningSum()).isEqualTo(1);
            assertThat(benchmark.movingSum()).isEqualTo(1);
            assertThat(benchmark.movingMax()).isEqualTo(1);
            assertThat(benchmark.topTwoPerPartition()).isEqualTo(34);
        } finally {
            benchmark.close();
        }
    }
}
