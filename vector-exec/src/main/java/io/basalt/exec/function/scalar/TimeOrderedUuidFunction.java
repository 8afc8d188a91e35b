package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;

/**
 * {@code uuidv7([shift interval])}: a version 7 uuid (RFC 9562), time-ordered: 48 bits of Unix milliseconds,
 * then 12 bits of the sub-millisecond fraction (so uuids made in one process sort in the order they were
 * made, as PostgreSQL's do), then the variant and 62 random bits. The clock reading never goes backwards and
 * advances by at least one 12-bit step per uuid. With a shift, the time is moved by the interval (months and
 * days in the session's zone, captured when the plan was built) before it is encoded.
 */
public final class TimeOrderedUuidFunction implements ScalarFunction {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long NANOS_PER_MILLI = 1_000_000L;
    /** The smallest step of the 12-bit sub-millisecond fraction, rounded up, in nanoseconds. */
    private static final long SUB_MILLI_STEP = NANOS_PER_MILLI / 4096 + 1;
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static long lastNanos;

    private final ZoneId zone;

    public TimeOrderedUuidFunction(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public String name() {
        return "uuidv7";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector shifts = arguments.length == 0 ? null : (FixedSizeBinaryVector) arguments[0];
        FixedSizeBinaryVector out = (FixedSizeBinaryVector) context.newVector(resultType, rows);
        byte[] random = new byte[8];
        byte[] uuid = new byte[16];
        for (int row = 0; row < rows; row++) {
            if (shifts != null && shifts.isNull(row)) {
                out.setNull(row);
                continue;
            }
            long nanos = ascendingNanos();
            // microseconds and the nanoseconds beyond them apart: a shifted time may lie past 2262, where
            // nanoseconds since 1970 no longer fit in a long
            long micros = Math.floorDiv(nanos, 1000L);
            if (shifts != null) {
                micros = shifted(micros, shifts, row);
            }
            long millis = Math.floorDiv(micros, 1000L);
            if (millis < 0 || millis > MAX_MILLIS) {
                throw outOfRange();
            }
            long subMilliNanos = Math.floorMod(micros, 1000L) * 1000L + Math.floorMod(nanos, 1000L);
            int fraction = (int) (subMilliNanos * 4096 / NANOS_PER_MILLI);
            for (int b = 0; b < 6; b++) {
                uuid[b] = (byte) (millis >>> (40 - 8 * b));
            }
            uuid[6] = (byte) (0x70 | (fraction >>> 8));
            uuid[7] = (byte) fraction;
            RANDOM.nextBytes(random);
            random[0] = (byte) ((random[0] & 0x3f) | 0x80);
            System.arraycopy(random, 0, uuid, 8, 8);
            out.setSafe(row, uuid);
        }
        out.setValueCount(rows);
        return out;
    }

    /** Nanoseconds since 1970 now, strictly after the previous reading of this process by at least one step. */
    private static synchronized long ascendingNanos() {
        Instant now = Instant.now();
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        if (nanos < lastNanos + SUB_MILLI_STEP) {
            nanos = lastNanos + SUB_MILLI_STEP;
        }
        lastNanos = nanos;
        return nanos;
    }

    /** {@code micros} moved by the row's interval. */
    private long shifted(long micros, FixedSizeBinaryVector shifts, int row) {
        int months = IntervalSlots.months(shifts, row);
        int days = IntervalSlots.days(shifts, row);
        long time = IntervalSlots.micros(shifts, row);
        if (IntervalSlots.isInfinite(months, days, time)) {
            throw BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "interval out of range for UUID version 7")
                    .withDetail("UUID version 7 does not support infinite intervals.");
        }
        try {
            return DateTimeArithmetic.plus(micros, months, days, time, zone);
        } catch (ArithmeticException outOfRange) {
            throw outOfRange();
        }
    }

    private static BasaltException outOfRange() {
        return BasaltException.of(SqlState.DATETIME_FIELD_OVERFLOW, "timestamp out of range for UUID version 7")
                .withDetail("UUID version 7 supports timestamps from 1970-01-01 to approximately year 10889.");
    }

    /** Equality stays identity, so two calls in one query are never taken for one expression. */
    @Override
    public String toString() {
        return name();
    }
}
