package io.basalt.type;

/**
 * A PostgreSQL interval: months, days and microseconds kept apart, because a month is not a fixed number
 * of days nor a day a fixed number of hours across daylight-saving changes. Comparison and equality go
 * through {@link #normalizedMicros()} (30-day months, 24-hour days), as in PostgreSQL, so
 * {@code '1 day' = '24 hours'}.
 */
public record Interval(int months, int days, long micros) implements Comparable<Interval> {
    public static final long MICROS_PER_DAY = 86_400_000_000L;
    public static final Interval ZERO = new Interval(0, 0, 0);
    /** The interval later than every other ('infinity'): every field at its maximum. */
    public static final Interval INFINITY = new Interval(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
    /** The interval earlier than every other ('-infinity'): every field at its minimum. */
    public static final Interval MINUS_INFINITY = new Interval(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE);

    /** The interval as one 128-bit-safe comparison key, in microseconds (as a double is too coarse). */
    public java.math.BigInteger normalizedMicros() {
        return java.math.BigInteger.valueOf(months).multiply(java.math.BigInteger.valueOf(30 * MICROS_PER_DAY))
                .add(java.math.BigInteger.valueOf(days).multiply(java.math.BigInteger.valueOf(MICROS_PER_DAY)))
                .add(java.math.BigInteger.valueOf(micros));
    }

    /** A 64-bit hash that agrees with {@link #compareTo} equality. */
    public long normalizedHash() {
        return months * 30 * MICROS_PER_DAY + days * MICROS_PER_DAY + micros;
    }

    @Override
    public int compareTo(Interval other) {
        return normalizedMicros().compareTo(other.normalizedMicros());
    }

    public boolean isFinite() {
        return !equals(INFINITY) && !equals(MINUS_INFINITY);
    }

    /**
     * {@code -this}; the infinities swap.
     *
     * @throws ArithmeticException when a field is at its minimum and has no negation
     */
    public Interval negate() {
        if (equals(INFINITY)) {
            return MINUS_INFINITY;
        }
        if (equals(MINUS_INFINITY)) {
            return INFINITY;
        }
        return new Interval(Math.negateExact(months), Math.negateExact(days), Math.negateExact(micros));
    }

    public Interval plus(Interval other) {
        return new Interval(Math.addExact(months, other.months), Math.addExact(days, other.days),
                Math.addExact(micros, other.micros));
    }

    public byte[] toBytes() {
        byte[] out = new byte[16];
        java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(months).putInt(days).putLong(micros);
        return out;
    }

    public static Interval fromBytes(byte[] bytes) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        return new Interval(buffer.getInt(), buffer.getInt(), buffer.getLong());
    }
}
