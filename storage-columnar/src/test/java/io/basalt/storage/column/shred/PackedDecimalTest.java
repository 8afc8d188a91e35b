package io.basalt.storage.column.shred;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Packed decimals give back the unscaled value and scale they were packed from, print as numeric_out prints the
 * number (scale kept), convert to the double that parsing that text gives, and refuse what does not fit.
 */
class PackedDecimalTest {
    @Test
    void packedValuesGiveBackTheirNumber() {
        long[] unscaled = {0, 1, -1, 5, -5, 1999, -1999, (1L << 58) - 1, -(1L << 58) + 1, 123456789012345L};
        for (long value : unscaled) {
            for (int scale = 0; scale <= PackedDecimal.MAXIMUM_SCALE; scale++) {
                assertThat(PackedDecimal.fits(value, scale)).isTrue();
                long packed = PackedDecimal.pack(value, scale);
                assertThat(PackedDecimal.unscaled(packed)).isEqualTo(value);
                assertThat(PackedDecimal.scale(packed)).isEqualTo(scale);
                assertThat(PackedDecimal.text(packed)).isEqualTo(BigDecimal.valueOf(value, scale).toPlainString());
                assertThat(packed).isNotEqualTo(Long.MIN_VALUE);
            }
        }
    }

    @Test
    void textKeepsTheScale() {
        assertThat(PackedDecimal.text(PackedDecimal.pack(150, 2))).isEqualTo("1.50");
        assertThat(PackedDecimal.text(PackedDecimal.pack(-1, 2))).isEqualTo("-0.01");
        assertThat(PackedDecimal.text(PackedDecimal.pack(0, 3))).isEqualTo("0.000");
        assertThat(PackedDecimal.text(PackedDecimal.pack(12, 0))).isEqualTo("12");
    }

    @Test
    void whatDoesNotFitIsRefused() {
        assertThat(PackedDecimal.fits(1L << 58, 0)).isFalse();
        assertThat(PackedDecimal.fits(-(1L << 58), 0)).isFalse();
        assertThat(PackedDecimal.fits(1, PackedDecimal.MAXIMUM_SCALE + 1)).isFalse();
        assertThat(PackedDecimal.fits(1, -1)).isFalse();
    }

    @Test
    void doublesAreWhatParsingTheTextGives() {
        SplittableRandom random = new SplittableRandom(20261123);
        for (int i = 0; i < 200_000; i++) {
            long unscaled = random.nextInt(4) == 0 ? random.nextLong(-(1L << 53), 1L << 53)
                    : random.nextLong(-10_000_000, 10_000_000);
            int scale = random.nextInt(PackedDecimal.MAXIMUM_SCALE + 1);
            long packed = PackedDecimal.pack(unscaled, scale);
            assertThat(PackedDecimal.toDouble(packed)).as("%d at scale %d", unscaled, scale)
                    .isEqualTo(Double.parseDouble(PackedDecimal.text(packed)));
        }
        assertThat(PackedDecimal.doubleExact(PackedDecimal.pack(-(1L << 53), 2), PackedDecimal.pack(1L << 53, 0)))
                .isTrue();
        assertThat(PackedDecimal.doubleExact(PackedDecimal.pack(0, 2), PackedDecimal.pack((1L << 53) + 1, 0)))
                .isFalse();
    }
}
