package io.basalt.optimizer.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DistinctSketchTest {
    @Test
    void countsExactlyBelowItsCapacity() {
        DistinctSketch sketch = new DistinctSketch();
        for (int round = 0; round < 5; round++) {
            for (long value = 0; value < 1000; value++) {
                sketch.add(value);
            }
        }
        assertThat(sketch.estimate()).isEqualTo(1000);
    }

    @Test
    void estimatesLargeCountsWithinAFewPercent() {
        DistinctSketch sketch = new DistinctSketch();
        for (long value = 0; value < 1_000_000; value++) {
            sketch.add(value % 250_000);
        }
        assertThat(sketch.estimate()).isCloseTo(250_000, within(250_000 * 0.1));
    }

    @Test
    void objectsOfEqualValueCountOnce() {
        DistinctSketch sketch = new DistinctSketch();
        for (int i = 0; i < 3000; i++) {
            sketch.addObject("value-" + (i % 7));
            sketch.addObject((double) (i % 3));
        }
        assertThat(sketch.estimate()).isEqualTo(10);
    }
}
