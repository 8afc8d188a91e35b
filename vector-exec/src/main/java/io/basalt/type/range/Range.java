package io.basalt.type.range;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One range value as its bounds' keys ({@link RangeKey}); a null key is an infinite bound. The stored form
 * ({@link #toBytes}) is ordered as PostgreSQL orders ranges: the empty range first, then by lower bound (minus
 * infinity first, an inclusive bound before an exclusive one at the same value), then by upper bound (an exclusive
 * bound before an inclusive one, infinity last):
 *
 * <pre>
 *   empty:     00
 *   non-empty: 01, lower: 00 (infinite) | 01 key (00 inclusive | 01 exclusive),
 *                  upper: 01 key (00 exclusive | 01 inclusive) | 02 (infinite)
 * </pre>
 */
public record Range(boolean empty, byte[] lower, boolean lowerInclusive, byte[] upper, boolean upperInclusive) {
    public static final Range EMPTY = new Range(true, null, false, null, false);

    /**
     * The range with these bounds, as PostgreSQL's make_range builds it: a discrete type's bounds brought to
     * {@code [lower,upper)}, an empty range when the bounds meet without both being inclusive.
     *
     * @throws BasaltException 22000 when the lower bound is above the upper one
     */
    public static Range of(RangeType type, byte[] lower, boolean lowerInclusive, byte[] upper,
                           boolean upperInclusive) {
        boolean lowerIn = lower != null && lowerInclusive;
        boolean upperIn = upper != null && upperInclusive;
        if (lower != null && upper != null) {
            int order = RangeKey.compare(lower, upper, type.subtype());
            if (order > 0) {
                throw BasaltException.of(SqlState.DATA_EXCEPTION,
                        "range lower bound must be less than or equal to range upper bound");
            }
            if (order == 0 && !(lowerIn && upperIn)) {
                return EMPTY;
            }
        }
        if (type.discrete() && RangeKey.isLong(type.subtype())) {
            if (lower != null && !lowerIn) {
                lower = RangeKey.longKey(increment(RangeKey.longValue(lower), type.subtype()));
                lowerIn = true;
            }
            if (upper != null && upperIn) {
                upper = RangeKey.longKey(increment(RangeKey.longValue(upper), type.subtype()));
                upperIn = false;
            }
            if (lower != null && upper != null && Arrays.compareUnsigned(lower, upper) >= 0) {
                return EMPTY;
            }
        }
        return new Range(false, lower, lowerIn, upper, upperIn);
    }

    /** value + 1 for a discrete subtype, with the subtype's overflow error. */
    private static long increment(long value, LogicalType subtype) {
        long limit = switch (subtype.id()) {
            case INTEGER, SMALLINT -> Integer.MAX_VALUE;
            case DATE -> Long.MAX_VALUE - 1;
            default -> Long.MAX_VALUE;
        };
        if (value >= limit) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, switch (subtype.id()) {
                case INTEGER, SMALLINT -> "integer out of range";
                case DATE -> "date out of range";
                default -> "bigint out of range";
            });
        }
        return value + 1;
    }

    /** The range a stored value holds. */
    public static Range read(ByteString stored, LogicalType subtype) {
        byte[] bytes = stored.toByteArray();
        if (bytes[0] == 0) {
            return EMPTY;
        }
        int at = 1;
        byte[] lower = null;
        boolean lowerInclusive = false;
        if (bytes[at++] == 1) {
            int length = RangeKey.length(bytes, at, subtype);
            lower = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            lowerInclusive = bytes[at++] == 0;
        }
        byte[] upper = null;
        boolean upperInclusive = false;
        if (bytes[at++] == 1) {
            int length = RangeKey.length(bytes, at, subtype);
            upper = Arrays.copyOfRange(bytes, at, at + length);
            at += length;
            upperInclusive = bytes[at] == 1;
        }
        return new Range(false, lower, lowerInclusive, upper, upperInclusive);
    }

    /** The stored form. */
    public ByteString toBytes() {
        if (empty) {
            return ByteString.wrap(new byte[] {0});
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(1);
        if (lower == null) {
            out.write(0);
        } else {
            out.write(1);
            out.writeBytes(lower);
            out.write(lowerInclusive ? 0 : 1);
        }
        if (upper == null) {
            out.write(2);
        } else {
            out.write(1);
            out.writeBytes(upper);
            out.write(upperInclusive ? 1 : 0);
        }
        return ByteString.wrap(out.toByteArray());
    }

    public boolean lowerInfinite() {
        return !empty && lower == null;
    }

    public boolean upperInfinite() {
        return !empty && upper == null;
    }
}
