package io.basalt.type.datetime;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The physical form of {@code time with time zone}: a time of day (microseconds since midnight, 0 to
 * 24:00:00) and the UTC offset it was written with, packed into one long whose natural order is PostgreSQL's
 * order of timetz values: first by the instant in UTC ({@code time - offset}), then, for the same instant, by
 * the offset, larger offsets (further east) first. Equal longs are equal timetz values (same time and same
 * offset), so hashing, sorting, min/max and zone maps work on the long as they do on a bigint.
 *
 * <p>Layout: {@code utcMicros << ZONE_BITS | (secondsWest + ZONE_BIAS)}, where {@code secondsWest} is the
 * offset in PostgreSQL's own sign (seconds west of UTC). Offsets are limited to +-{@link #MAX_OFFSET_SECONDS}.
 */
public final class TimeWithZone {
    private static final int ZONE_BITS = 21;
    private static final long ZONE_BIAS = 1L << (ZONE_BITS - 1);
    private static final long ZONE_MASK = (1L << ZONE_BITS) - 1;
    /** The largest offset (either way) a timetz can carry: a little over 291 hours. */
    public static final int MAX_OFFSET_SECONDS = (int) ZONE_BIAS - 1;

    private TimeWithZone() {
    }

    /**
     * The packed value of {@code timeMicros} (0 to 24:00:00) at {@code offsetSeconds} east of UTC.
     *
     * @throws BasaltException 22009 when the offset is beyond {@link #MAX_OFFSET_SECONDS}
     */
    public static long pack(long timeMicros, int offsetSeconds) {
        if (offsetSeconds > MAX_OFFSET_SECONDS || offsetSeconds < -MAX_OFFSET_SECONDS) {
            throw BasaltException.of(SqlState.INVALID_TIME_ZONE_DISPLACEMENT_VALUE, "time zone displacement out of range");
        }
        long west = -offsetSeconds;
        long utc = timeMicros + west * 1_000_000L;
        return utc << ZONE_BITS | (west + ZONE_BIAS);
    }

    /** The time of day as written: microseconds since midnight. */
    public static long time(long packed) {
        long west = (packed & ZONE_MASK) - ZONE_BIAS;
        return (packed >> ZONE_BITS) - west * 1_000_000L;
    }

    /** The offset as written, in seconds east of UTC ({@code +05:30} is 19800). */
    public static int offset(long packed) {
        return (int) -((packed & ZONE_MASK) - ZONE_BIAS);
    }

    /** The time of day in UTC, not wrapped into a day: {@code time - offset}. */
    public static long utcMicros(long packed) {
        return packed >> ZONE_BITS;
    }
}
