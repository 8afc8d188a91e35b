package io.basalt.exec.function.aggregate;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact 128-bit sums, one per group, as two parallel long arrays (signed high word, unsigned low word).
 * Sums of BIGINT and of scaled NUMERIC accumulate here and cannot overflow in practice.
 */
final class Int128Sums {
    private long[] high = new long[16];
    private long[] low = new long[16];

    void ensure(int groupCount) {
        if (groupCount > high.length) {
            int size = Math.max(groupCount, high.length * 2);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
        }
    }

    /** Adds a signed 64-bit value to group {@code g}. */
    void add(int g, long value) {
        long before = low[g];
        long after = before + value;
        long carry = Long.compareUnsigned(after, before) < 0 ? 1 : 0;
        low[g] = after;
        high[g] += (value >> 63) + carry;
    }

    /** Adds the 128-bit value {@code (addHigh, addLow)} to group {@code g}. */
    void add(int g, long addHigh, long addLow) {
        long before = low[g];
        long after = before + addLow;
        long carry = Long.compareUnsigned(after, before) < 0 ? 1 : 0;
        low[g] = after;
        high[g] += addHigh + carry;
    }

    /** Adds {@code highHalves * 2^32 + lowHalves}, the split sum the kernels return. */
    void addSplit(int g, long lowHalves, long highHalves) {
        add(g, lowHalves >> 63, lowHalves);
        add(g, highHalves >> 32, highHalves << 32);
    }

    BigInteger get(int g) {
        BigInteger unsignedLow = BigInteger.valueOf(low[g] & Long.MAX_VALUE);
        if (low[g] < 0) {
            unsignedLow = unsignedLow.setBit(63);
        }
        return BigInteger.valueOf(high[g]).shiftLeft(64).add(unsignedLow);
    }
}
