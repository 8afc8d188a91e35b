package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * The explicit casts between bytea and the integer types that PostgreSQL 18 added: an integer becomes its
 * two's-complement bytes, most significant first, at its own width (2, 4 or 8 bytes); a bytea of at most that
 * many bytes becomes the integer they spell, read as a big-endian two's-complement number of the type's width
 * with missing leading bytes taken as zero. A longer bytea is out of range for the type.
 */
public final class ByteaIntegerCasts {
    private ByteaIntegerCasts() {
    }

    /** Whether this is one of these casts (explicit only, as in PostgreSQL). */
    public static boolean castable(LogicalType from, LogicalType to) {
        return from.id() == TypeId.BYTEA && to.isIntegral() || from.isIntegral() && to.id() == TypeId.BYTEA;
    }

    /** The bytes of {@code value} at the width of {@code type}. */
    public static ByteString toBytes(long value, LogicalType type) {
        int width = width(type);
        byte[] bytes = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>= 8;
        }
        return ByteString.wrap(bytes);
    }

    /** The integer of {@code type} that {@code bytes} spell; fails with "... out of range" when too long. */
    public static long toInteger(ByteString bytes, LogicalType type) {
        int width = width(type);
        if (bytes.length() > width) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, type.displayName() + " out of range");
        }
        long value = 0;
        for (int i = 0; i < bytes.length(); i++) {
            value = value << 8 | bytes.byteAt(i);
        }
        // sign-extend from the type's width
        int shift = 64 - 8 * width;
        return shift == 0 ? value : value << shift >> shift;
    }

    private static int width(LogicalType type) {
        return switch (type.id()) {
            case SMALLINT -> 2;
            case INTEGER -> 4;
            default -> 8;
        };
    }
}
