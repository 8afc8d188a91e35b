package io.basalt.exec.function.aggregate;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Exact sums of squares of 64-bit integers, one per group, without boxing: an unsigned 128-bit total
 * (two longs) plus a count of how often it wrapped past 2^128. A square of a long is below 2^126, so the
 * count only grows after about 4 billion squares near the extremes, and never loses a bit. Squares of
 * values wider than 64 bits are added to an arbitrary-precision side value.
 */
final class SquareSums {
    private long[] high = new long[16];
    private long[] low = new long[16];
    private long[] wraps = new long[16];
    private BigInteger[] spilled;

    void ensure(int groupCount) {
        if (groupCount > high.length) {
            int size = Math.max(groupCount, high.length * 2);
            high = Arrays.copyOf(high, size);
            low = Arrays.copyOf(low, size);
            wraps = Arrays.copyOf(wraps, size);
            if (spilled != null) {
                spilled = Arrays.copyOf(spilled, size);
            }
        }
    }

    /** Adds {@code value * value} to group {@code g}. */
    void addSquare(int g, long value) {
        addUnsigned(g, Math.multiplyHigh(value, value), value * value);
    }

    /** Adds the unsigned 128-bit value {@code (addHigh, addLow)} to group {@code g}. */
    private void addUnsigned(int g, long addHigh, long addLow) {
        long before = low[g];
        long after = before + addLow;
        long carry = Long.compareUnsigned(after, before) < 0 ? 1 : 0;
        long oldHigh = high[g];
        long newHigh = oldHigh + addHigh + carry;
        if (Long.compareUnsigned(newHigh, oldHigh) < 0 || (newHigh == oldHigh && (addHigh | carry) != 0)) {
            wraps[g]++;
        }
        low[g] = after;
        high[g] = newHigh;
    }

    /** Adds a non-negative exact value of any size (a square of a wide number) to group {@code g}. */
    void add(int g, BigInteger value) {
        if (spilled == null) {
            spilled = new BigInteger[high.length];
        }
        spilled[g] = spilled[g] == null ? value : spilled[g].add(value);
    }

    /** Adds group {@code g} of {@code other} into group {@code target} here. */
    void merge(int target, SquareSums other, int g) {
        addUnsigned(target, other.high[g], other.low[g]);
        wraps[target] += other.wraps[g];
        if (other.spilled != null && other.spilled[g] != null) {
            add(target, other.spilled[g]);
        }
    }

    BigInteger get(int g) {
        BigInteger value = new BigInteger(1, bytes(high[g], low[g]));
        if (wraps[g] != 0) {
            value = value.add(BigInteger.valueOf(wraps[g]).shiftLeft(128));
        }
        return spilled != null && spilled[g] != null ? value.add(spilled[g]) : value;
    }

    private static byte[] bytes(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return bytes;
    }
}
