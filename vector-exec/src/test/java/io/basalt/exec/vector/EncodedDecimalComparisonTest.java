package io.basalt.exec.vector;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.junit.jupiter.api.Test;

/**
 * {@link ValueComparison#compareEncodedDecimals} against {@link BigDecimal#compareTo} on every pair of a set of
 * unconstrained NUMERIC values: equal values at other scales, unscaled parts at the 64-bit bounds, rescalings that
 * overflow a long, values beyond 64 bits, and NaN and the infinities.
 */
class EncodedDecimalComparisonTest {
    @Test
    void agreesWithBigDecimalOnEveryPair() {
        List<BigDecimal> values = new ArrayList<>(List.of(
                new BigDecimal("0"), new BigDecimal("0.00"), new BigDecimal("-0.0000"), new BigDecimal("1"),
                new BigDecimal("1.0"), new BigDecimal("1.000000000000000000"), new BigDecimal("-1.5"),
                new BigDecimal("0.0001000000"), new BigDecimal("12345.67"), new BigDecimal("12345.670000"),
                new BigDecimal("-12345.6700000000000001"), new BigDecimal(Long.MAX_VALUE),
                new BigDecimal(Long.MIN_VALUE), new BigDecimal(Long.MAX_VALUE).movePointLeft(4),
                new BigDecimal(Long.MIN_VALUE).movePointLeft(18), new BigDecimal("922337203685477580.8"),
                new BigDecimal("92233720368547758.07"), new BigDecimal("-92233720368547758.08"),
                new BigDecimal("123456789012345678901234567890.123"), new BigDecimal("-1e-30"),
                new BigDecimal("1e-30"), new BigDecimal("99999999999999999999999999999999999999999"),
                NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY, NumericSpecial.NEGATIVE_INFINITY));
        Random random = new Random(42);
        for (int k = 0; k < 200; k++) {
            values.add(BigDecimal.valueOf(random.nextLong() >> random.nextInt(60), random.nextInt(20)));
        }
        try (BufferAllocator allocator = new RootAllocator();
             VarBinaryVector vector = (VarBinaryVector) ValueAccess.allocate(LogicalType.NUMERIC, "v", allocator,
                     values.size())) {
            for (int i = 0; i < values.size(); i++) {
                ValueAccess.set(vector, i, values.get(i));
            }
            vector.setValueCount(values.size());
            assertThat(ValueComparison.holdsEncodedDecimals(vector)).isTrue();
            for (int i = 0; i < values.size(); i++) {
                for (int j = 0; j < values.size(); j++) {
                    int expected = Integer.signum(values.get(i).compareTo(values.get(j)));
                    assertThat(Integer.signum(ValueComparison.compareEncodedDecimals(vector, i, vector, j)))
                            .as("%s vs %s", values.get(i), values.get(j))
                            .isEqualTo(expected);
                }
            }
        }
    }
}
