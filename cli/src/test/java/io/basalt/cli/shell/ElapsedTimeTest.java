package io.basalt.cli.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElapsedTimeTest {
    @Test
    void formatsAsPsqlTiming() {
        assertThat(ElapsedTime.format(0.3194)).isEqualTo("Time: 0.319 ms");
        assertThat(ElapsedTime.format(999.9994)).isEqualTo("Time: 999.999 ms");
        // psql printed "Time: 1202.068 ms (00:01.202)" for pg_sleep(1.2).
        assertThat(ElapsedTime.format(1202.068)).isEqualTo("Time: 1202.068 ms (00:01.202)");
        assertThat(ElapsedTime.format(61_500.0)).isEqualTo("Time: 61500.000 ms (01:01.500)");
        assertThat(ElapsedTime.format(3_723_004.0)).isEqualTo("Time: 3723004.000 ms (01:02:03.004)");
        assertThat(ElapsedTime.format(90_000_000.0)).isEqualTo("Time: 90000000.000 ms (1 d 01:00:00.000)");
    }
}
