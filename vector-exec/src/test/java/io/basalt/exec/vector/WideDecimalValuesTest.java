package io.basalt.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.junit.jupiter.api.Test;

/** NaN in a 128-bit NUMERIC column: reads back as NaN, orders above the largest 38-digit value, hashes as itself. */
class WideDecimalValuesTest {
    private static final LogicalType TYPE = LogicalType.numeric(38, 2);
    private static final BigDecimal LARGEST = new BigDecimal("999999999999999999999999999999999999.99");

    @Test
    void nanRoundTripsOrdersLastAndHashesAlike() {
        try (BufferAllocator allocator = new RootAllocator();
             DecimalVector vector = (DecimalVector) ValueAccess.allocate(TYPE, "v", allocator, 1)) {
            // Row 40 lies beyond the first allocation: setting NaN there must grow the vector.
            ValueAccess.set(vector, 0, NumericSpecial.NAN);
            ValueAccess.set(vector, 1, LARGEST);
            ValueAccess.set(vector, 2, LARGEST.negate());
            ValueAccess.set(vector, 3, null);
            ValueAccess.set(vector, 40, NumericSpecial.NAN);
            vector.setValueCount(41);

            assertThat(ValueAccess.get(vector, 0)).isSameAs(NumericSpecial.NAN);
            assertThat(ValueAccess.get(vector, 40)).isSameAs(NumericSpecial.NAN);
            assertThat(ValueAccess.get(vector, 1)).isEqualTo(LARGEST);
            assertThat(ValueAccess.get(vector, 3)).isNull();
            assertThat(WideDecimalValues.isNaN(vector, 1)).isFalse();

            assertThat(ValueComparison.compareWide(vector, 0, vector, 1)).isPositive();
            assertThat(ValueComparison.compareWide(vector, 2, vector, 0)).isNegative();
            assertThat(ValueComparison.compareWide(vector, 0, vector, 40)).isZero();

            long[] hashes = new long[41];
            KeyHashing.hashColumn(vector, 41, hashes, new long[41]);
            assertThat(hashes[0]).isEqualTo(hashes[40]).isNotEqualTo(hashes[1]);
        }
    }
}
