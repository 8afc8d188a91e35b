package io.basalt.bench.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs every benchmark statement once on a small table, so that a benchmark never measures an error.
 * Skipped while the engine answers "feature not supported" to {@code Basalt.inMemory()}.
 */
class QueryBenchmarkTest {
    @Test
    void everyStatementRunsAndReturnsTheExpectedRowCount() {
        QueryBenchmark benchmark = new QueryBenchmark();
        benchmark.rows = 20_000;
        benchmark.threads = 1;
        try {
            benchmark.load();
        } catch (BasaltException e) {
            benchmark.close();
            Assumptions.assumeTrue(e.sqlState() != SqlState.FEATURE_NOT_SUPPORTED, "engine not ready: " + e.getMessage());
            throw e;
        }
        try {
            assertThat(benchmark.filterOnePercentThenSum()).isEqualTo(1);
            assertThat(benchmark.filterHalfThenCount()).isEqualTo(1);
            assertThat(benchmark.aggregateSeventeenGroups()).isEqualTo(17);
            assertThat(benchmark.aggregateThousandGroups()).isEqualTo(1000);
            assertThat(benchmark.topHundred()).isEqualTo(100);
            assertThat(benchmark.sortTenPercent()).isBetween(1800L, 2200L);
        } finally {
            benchmark.close();
        }
    }
}
