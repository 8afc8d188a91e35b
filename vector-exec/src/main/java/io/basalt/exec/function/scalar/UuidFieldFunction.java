package io.basalt.exec.function.scalar;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.type.LogicalType;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.SmallIntVector;

/**
 * {@code uuid_extract_version(uuid)} (smallint) and {@code uuid_extract_timestamp(uuid)} (timestamptz): the
 * version field, and the time a version 1 or version 7 uuid encodes (to the microsecond for version 1, the
 * millisecond for version 7). Both are NULL for a uuid not of the RFC 9562 variant, the timestamp also for
 * other versions. Read straight from the uuid vector's bytes.
 */
public record UuidFieldFunction(boolean timestamp) implements ScalarFunction {
    /** 100-nanosecond intervals from 1582-10-15 (the Gregorian reform, version 1's epoch) to 1970-01-01. */
    private static final long GREGORIAN_TO_UNIX_TICKS = 0x01B21DD213814000L;

    @Override
    public String name() {
        return timestamp ? "uuid_extract_timestamp" : "uuid_extract_version";
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FixedSizeBinaryVector uuids = (FixedSizeBinaryVector) arguments[0];
        FieldVector out = context.newVector(resultType, rows);
        ArrowBuf data = uuids.getDataBuffer();
        for (int row = 0; row < rows; row++) {
            long base = (long) row * 16;
            boolean rfcVariant = (data.getByte(base + 8) & 0xc0) == 0x80;
            if (uuids.isNull(row) || !rfcVariant) {
                out.setNull(row);
                continue;
            }
            int version = (data.getByte(base + 6) & 0xf0) >>> 4;
            if (!timestamp) {
                ((SmallIntVector) out).set(row, version);
            } else if (version == 1) {
                long low = unsigned(data, base, 4);
                long mid = unsigned(data, base + 4, 2);
                long high = unsigned(data, base + 6, 2) & 0x0fff;
                long ticks = (high << 48) | (mid << 32) | low;
                ((BigIntVector) out).set(row, Math.floorDiv(ticks - GREGORIAN_TO_UNIX_TICKS, 10L));
            } else if (version == 7) {
                ((BigIntVector) out).set(row, unsigned(data, base, 6) * 1000L);
            } else {
                out.setNull(row);
            }
        }
        out.setValueCount(rows);
        return out;
    }

    /** {@code count} bytes from {@code offset}, big-endian, as an unsigned number. */
    private static long unsigned(ArrowBuf data, long offset, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 8) | (data.getByte(offset + i) & 0xff);
        }
        return value;
    }
}
