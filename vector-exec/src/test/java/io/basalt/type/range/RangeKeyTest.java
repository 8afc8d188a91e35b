package io.basalt.type.range;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Range bound keys decode to the values they were made from and order as the values do (the stored ranges'
 * order and the range operators depend on it), over random and edge values of every kind of subtype.
 */
class RangeKeyTest {
    private static final Random RANDOM = new Random(20261122);

    @Test
    void longKeysRoundTripAndOrder() {
        List<Object> values = new ArrayList<>(List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L));
        for (int i = 0; i < 500; i++) {
            values.add(RANDOM.nextBoolean() ? RANDOM.nextLong() : (long) RANDOM.nextInt(100) - 50);
        }
        check(values, LogicalType.BIGINT, (a, b) -> Long.compare((Long) a, (Long) b));
    }

    @Test
    void doubleKeysRoundTripAndOrderWithNaNLast() {
        List<Object> values = new ArrayList<>(List.of(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN,
                0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1.5, -1.5));
        for (int i = 0; i < 500; i++) {
            values.add(RANDOM.nextGaussian() * Math.pow(10, RANDOM.nextInt(20) - 10));
        }
        check(values, LogicalType.DOUBLE, (a, b) -> Double.compare((Double) a, (Double) b));
    }

    @Test
    void negativeZeroIsZero() {
        assertThat(RangeKey.encode(-0.0, LogicalType.DOUBLE)).isEqualTo(RangeKey.encode(0.0, LogicalType.DOUBLE));
    }

    @Test
    void numericKeysRoundTripWithScaleAndOrderByValue() {
        // canonical NUMERIC values have a scale of 0 or more
        List<Object> values = new ArrayList<>(List.of(BigDecimal.ZERO, new BigDecimal("0.00"), new BigDecimal("1.0"),
                new BigDecimal("1"), new BigDecimal("-1.50"), new BigDecimal("1E+50").setScale(0), new BigDecimal("-1E-50"),
                new BigDecimal("9.99"), new BigDecimal("10"), new BigDecimal("-10"), new BigDecimal("-9.99"),
                NumericSpecial.NAN, NumericSpecial.POSITIVE_INFINITY, NumericSpecial.NEGATIVE_INFINITY));
        for (int i = 0; i < 500; i++) {
            values.add(new BigDecimal(new BigInteger(RANDOM.nextInt(100) + 1, RANDOM), RANDOM.nextInt(30))
                    .multiply(RANDOM.nextBoolean() ? BigDecimal.ONE : BigDecimal.ONE.negate()));
        }
        for (Object value : values) {
            Object decoded = RangeKey.decode(RangeKey.encode(value, LogicalType.NUMERIC), LogicalType.NUMERIC);
            assertThat(decoded.toString()).isEqualTo(value.toString());
        }
        for (Object a : values) {
            for (Object b : values) {
                int expected = Integer.signum(numericOrder((BigDecimal) a, (BigDecimal) b));
                int actual = Integer.signum(RangeKey.compare(RangeKey.encode(a, LogicalType.NUMERIC),
                        RangeKey.encode(b, LogicalType.NUMERIC), LogicalType.NUMERIC));
                assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
            }
        }
    }

    /** PostgreSQL's numeric order: -Infinity, the numbers, Infinity, NaN. */
    private static int numericOrder(BigDecimal a, BigDecimal b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b))
                : rank(a) == 1 ? a.compareTo(b) : 0;
    }

    private static int rank(BigDecimal value) {
        if (NumericSpecial.isNaN(value)) {
            return 3;
        }
        if (value instanceof NumericSpecial) {
            return value.signum() < 0 ? 0 : 2;
        }
        return 1;
    }

    @Test
    void textKeysRoundTripAndOrderAsUtf8Bytes() {
        List<Object> values = new ArrayList<>(List.of("", "a", "a\u0000", "a\u0000b", "ab", "\u00ff", "\uDBFF\uDFFF",
                "a b", "\u0000", "\u0001"));
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            int length = RANDOM.nextInt(6);
            for (int c = 0; c < length; c++) {
                text.append((char) (RANDOM.nextInt(4) == 0 ? RANDOM.nextInt(3) : 'a' + RANDOM.nextInt(3)));
            }
            values.add(text.toString());
        }
        check(values, LogicalType.TEXT, (a, b) -> Arrays.compareUnsigned(
                ((String) a).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ((String) b).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void storedRangesOrderAsPostgreSqlOrdersThem() {
        RangeType type = RangeType.INT4RANGE;
        List<String> ordered = List.of("empty", "(,2)", "(,5)", "(,)", "[1,2)", "[1,3)", "[1,)", "[2,3)", "[2,)");
        for (int i = 0; i + 1 < ordered.size(); i++) {
            var lower = RangeText.parse(ordered.get(i), type, io.basalt.type.datetime.DateTimeSettings.DEFAULT);
            var higher = RangeText.parse(ordered.get(i + 1), type, io.basalt.type.datetime.DateTimeSettings.DEFAULT);
            assertThat(lower.compareTo(higher)).as("%s < %s", ordered.get(i), ordered.get(i + 1)).isNegative();
        }
    }

    private interface Order {
        int compare(Object a, Object b);
    }

    private static void check(List<Object> values, LogicalType subtype, Order order) {
        for (Object value : values) {
            Object decoded = RangeKey.decode(RangeKey.encode(value, subtype), subtype);
            if (value instanceof Double d && d.isNaN()) {
                assertThat((Double) decoded).isNaN();
            } else {
                assertThat(decoded).isEqualTo(value);
            }
        }
        for (Object a : values) {
            for (Object b : values) {
                int expected = Integer.signum(order.compare(a, b));
                int actual = Integer.signum(Arrays.compareUnsigned(RangeKey.encode(a, subtype),
                        RangeKey.encode(b, subtype)));
                assertThat(actual).as("%s vs %s", a, b).isEqualTo(expected);
            }
        }
    }
}
