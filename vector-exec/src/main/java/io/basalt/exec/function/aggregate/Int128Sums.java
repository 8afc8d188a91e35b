package io.basalt.exec.function.aggregate;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact sums, one per group, as two parallel long arrays (signed high word, unsigned low word). Sums of
 * BIGINT and of scaled NUMERIC accumulate here. A group whose sum would leave the 128-bit range (only
 * possible for NUMERIC with close to 38 digits) spills into an arbitrary-precision side value, so the
 * result is always exact.
 */
final class Int128Sums {
    private long[] high = new long[16];
    private long[] low = new long[16];
    private BigInteger[] spilled;

    void ensure(int groupCount) {
        if (groupCount > high.length) {
            int size = Math.max(groupCount, high.length * 2);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            if (spilled != null) {
                spilled = Arrays.copyOf(spilled, size);
            }
        }
    }

    /** Adds a signed 64-bit value to group {@code g}. */
    void add(int g, long value) {
        add(g, value >> 63, value);
    }

    /** Adds the 128-bit value {@code (addHigh, addLow)} to group {@code g}. */
    void add(int g, long addHigh, long addLow) {
        long before = low[g];
        long after = before + addLow;
        long carry = Long.compareUnsigned(after, before) < 0 ? 1 : 0;
        long oldHigh = high[g];
        long newHigh = oldHigh + addHigh + carry;
        // Signed overflow of the high word: both addends had the sign the result lacks.
        if (((oldHigh ^ newHigh) & (addHigh ^ newHigh)) < 0) {
            spill(g, addHigh, addLow);
            return;
        }
        low[g] = after;
        high[g] = newHigh;
    }

    /** Adds an exact value of any size to group {@code g}. */
    void add(int g, BigInteger value) {
        if (value.bitLength() < 128) {
            add(g, value.shiftRight(64).longValue(), value.longValue());
            return;
        }
        if (spilled == null) {
            spilled = new BigInteger[high.length];
        }
        spilled[g] = spilled[g] == null ? value : spilled[g].add(value);
    }

    private void spill(int g, long addHigh, long addLow) {
        if (spilled == null) {
            spilled = new BigInteger[high.length];
        }
        BigInteger total = get(g).add(toBigInteger(addHigh, addLow));
        spilled[g] = total;
        high[g] = 0;
        low[g] = 0;
    }

    /** Adds {@code highHalves * 2^32 + lowHalves}, the split sum the kernels return. */
    void addSplit(int g, long lowHalves, long highHalves) {
        add(g, lowHalves >> 63, lowHalves);
        add(g, highHalves >> 32, highHalves << 32);
    }

    /** Adds group {@code og}'s sum of {@code other} to group {@code g} (merging two workers' sums). */
    void addFrom(int g, Int128Sums other, int og) {
        add(g, other.high[og], other.low[og]);
        if (other.spilled != null && other.spilled[og] != null) {
            add(g, other.spilled[og]);
        }
    }

    /** Whether group {@code g}'s sum fits in a long, which {@link #longValue} then returns without BigInteger. */
    boolean fitsLong(int g) {
        return (spilled == null || spilled[g] == null) && high[g] == low[g] >> 63;
    }

    /** Group {@code g}'s sum, when {@link #fitsLong} says it fits. */
    long longValue(int g) {
        assert fitsLong(g);
        return low[g];
    }

    /**
     * Writes group {@code g}'s sum as the 128-bit value of row {@code row} of {@code out} (a decimal of the sum's
     * scale) and returns true, when the sum lies in its two words below 2^126 in magnitude (so within 38 digits) and
     * the row is within the vector's capacity; otherwise writes nothing and returns false.
     */
    boolean writeTo(org.apache.arrow.vector.DecimalVector out, int row, int g) {
        long top = high[g] >> 62;
        if ((spilled != null && spilled[g] != null) || (top != 0 && top != -1) || row >= out.getValueCapacity()) {
            return false;
        }
        org.apache.arrow.memory.ArrowBuf data = out.getDataBuffer();
        data.setLong((long) row * 16, low[g]);
        data.setLong((long) row * 16 + 8, high[g]);
        out.setIndexDefined(row);
        return true;
    }

    BigInteger get(int g) {
        BigInteger value = toBigInteger(high[g], low[g]);
        return spilled != null && spilled[g] != null ? spilled[g].add(value) : value;
    }

    private static BigInteger toBigInteger(long high, long low) {
        BigInteger unsignedLow = BigInteger.valueOf(low & Long.MAX_VALUE);
        if (low < 0) {
            unsignedLow = unsignedLow.setBit(63);
        }
        return BigInteger.valueOf(high).shiftLeft(64).add(unsignedLow);
    }
}
