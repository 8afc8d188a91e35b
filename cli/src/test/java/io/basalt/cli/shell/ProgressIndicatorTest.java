package io.basalt.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The progress report's line: rows, their rate and the elapsed time, or the time alone when rows are unknown. */
class ProgressIndicatorTest {
    @Test
    void reportsRowsAndRate() {
        assertThat(ProgressIndicator.line("COPY", 1_200_000, 3.0)).isEqualTo("COPY: 1200000 rows, 400000 rows/s, 3.0 s");
        assertThat(ProgressIndicator.line("COPY", 0, 0)).isEqualTo("COPY: 0 rows, 0 rows/s, 0.0 s");
    }

    @Test
    void reportsTimeAloneWhenRowsAreUnknown() {
        assertThat(ProgressIndicator.line("running", -1, 12.34)).isEqualTo("running: 12.3 s");
    }
}
