package io.basalt.exec.function.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 128-bit sums against BigInteger, including sums that leave the 128-bit range. */
class Int128SumsTest {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private static long[] split(BigInteger value) {
        return new long[] {value.shiftRight(64).longValue(), value.mod(TWO_64).longValue()};
    }

    @Test
    void randomSignedAddsAgreeWithBigInteger() {
        Random random = new Random(42);
        Int128Sums sums = new Int128Sums();
        sums.ensure(4);
        BigInteger[] expected = {BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO};
        for (int i = 0; i < 100_000; i++) {
            int g = random.nextInt(4);
            long value = switch (random.nextInt(3)) {
                case 0 -> Long.MAX_VALUE - random.nextInt(5);
                case 1 -> Long.MIN_VALUE + random.nextInt(5);
                default -> random.nextLong();
            };
            sums.add(g, value);
            expected[g] = expected[g].add(BigInteger.valueOf(value));
        }
        for (int g = 0; g < 4; g++) {
            assertThat(sums.get(g)).isEqualTo(expected[g]);
        }
    }

    @Test
    void sumsBeyond128BitsSpillExactly() {
        Int128Sums sums = new Int128Sums();
        sums.ensure(1);
        BigInteger big = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        BigInteger expected = BigInteger.ZERO;
        for (int i = 0; i < 10; i++) {
            long[] parts = split(big);
            sums.add(0, parts[0], parts[1]);
            expected = expected.add(big);
        }
        assertThat(sums.get(0)).isEqualTo(expected);
        for (int i = 0; i < 25; i++) {
            long[] parts = split(big.negate());
            sums.add(0, parts[0], parts[1]);
            expected = expected.subtract(big);
        }
        assertThat(sums.get(0)).isEqualTo(expected);
    }

    @Test
    void mergedSumsAndTheLongFastPathAgreeWithBigInteger() {
        Random random = new Random(7);
        BigInteger big = BigInteger.TEN.pow(38).subtract(BigInteger.ONE);
        for (int round = 0; round < 200; round++) {
            Int128Sums mine = new Int128Sums();
            Int128Sums theirs = new Int128Sums();
            mine.ensure(1);
            theirs.ensure(1);
            BigInteger expected = BigInteger.ZERO;
            for (int i = 0; i < 20; i++) {
                long value = switch (random.nextInt(4)) {
                    case 0 -> Long.MAX_VALUE - random.nextInt(3);
                    case 1 -> Long.MIN_VALUE + random.nextInt(3);
                    case 2 -> random.nextInt(1000) - 500;
                    default -> random.nextLong();
                };
                (i % 2 == 0 ? mine : theirs).add(0, value);
                expected = expected.add(BigInteger.valueOf(value));
            }
            if (round % 10 == 0) {
                // beyond 128 bits: the side value must merge too
                for (int i = 0; i < 3; i++) {
                    long[] parts = split(big);
                    theirs.add(0, parts[0], parts[1]);
                    expected = expected.add(big);
                }
            }
            mine.addFrom(0, theirs, 0);
            assertThat(mine.get(0)).isEqualTo(expected);
            boolean fits = expected.bitLength() < 64;
            assertThat(mine.fitsLong(0)).isEqualTo(fits);
            if (fits) {
                assertThat(mine.longValue(0)).isEqualTo(expected.longValueExact());
            }
        }
    }
}
