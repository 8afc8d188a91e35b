package io.basalt.type.json.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** PostgreSQL's numeric varlena sizes (as pg_column_size reports them), which place the containers .keyvalue() ids are offsets of. */
class KeyValueIdsTest {
    private static int size(String value) {
        return KeyValueIds.numericSize(new BigDecimal(value));
    }

    @Test
    void shortNumericsTakeAHeaderAndTwoBytesPerBase10000Digit() {
        assertThat(size("0")).isEqualTo(6);
        assertThat(size("1")).isEqualTo(8);
        assertThat(size("9999")).isEqualTo(8);
        assertThat(size("10000")).isEqualTo(8);
        assertThat(size("10001")).isEqualTo(10);
        assertThat(size("1.5")).isEqualTo(10);
        assertThat(size("0.001")).isEqualTo(8);
        assertThat(size("-123456789.5")).isEqualTo(14);
    }

    @Test
    void largeWeightsOrScalesTakeTheLongHeader() {
        assertThat(size("1e300")).isEqualTo(4 + 4 + 2);
        assertThat(size("1.0000000000000000000000000000000000000000000000000000000000000000")).isEqualTo(4 + 4 + 2);
    }
}
