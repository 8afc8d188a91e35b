package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's {@code pg_lsn}, a write-ahead log location: an unsigned 64-bit byte position written as two
 * hexadecimal halves, {@code 16/B374D848}. A value is held as a long with its sign bit flipped (location 0 is
 * {@code Long.MIN_VALUE}, the largest is {@code Long.MAX_VALUE}), so that comparisons, sorting, min and max of the
 * plain long give the locations' order.
 */
public final class PgLsn {
    private static final int MAX_COMPONENT_DIGITS = 8;
    private static final BigDecimal LARGEST = new BigDecimal(new BigInteger("FFFFFFFFFFFFFFFF", 16));

    private PgLsn() {
    }

    /** The held value of location {@code location} (read as unsigned). */
    public static long held(long location) {
        return location ^ Long.MIN_VALUE;
    }

    /** The location (unsigned) a held value stands for. */
    public static long location(long held) {
        return held ^ Long.MIN_VALUE;
    }

    /** Reads {@code X/X} (one to eight hex digits each, nothing around them), as pg_lsn_in does. */
    public static long parse(String text) {
        int slash = hexDigits(text, 0);
        if (slash < 1 || slash > MAX_COMPONENT_DIGITS || slash >= text.length() || text.charAt(slash) != '/') {
            throw invalid(text);
        }
        int low = hexDigits(text, slash + 1);
        if (low < 1 || low > MAX_COMPONENT_DIGITS || slash + 1 + low != text.length()) {
            throw invalid(text);
        }
        long high = Long.parseLong(text, 0, slash, 16);
        long offset = Long.parseLong(text, slash + 1, text.length(), 16);
        return held(high << 32 | offset);
    }

    /** The text of a held value: both halves in upper-case hex without leading zeros. */
    public static String format(long held) {
        long location = location(held);
        return Long.toHexString(location >>> 32).toUpperCase(java.util.Locale.ROOT) + "/"
                + Long.toHexString(location & 0xFFFFFFFFL).toUpperCase(java.util.Locale.ROOT);
    }

    /** The location of a held value as a numeric. */
    public static BigDecimal toNumeric(long held) {
        return new BigDecimal(new BigInteger(Long.toUnsignedString(location(held))));
    }

    /**
     * A numeric as a held location (pg_lsn(numeric)): rounded to an integer, half away from zero; NaN and values
     * outside 0 .. 2^64-1 fail as in PostgreSQL. {@code nanMessage} is the error for NaN.
     */
    public static long fromNumeric(BigDecimal value, String nanMessage) {
        if (value instanceof NumericSpecial special) {
            throw BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED,
                    special == NumericSpecial.NAN ? nanMessage : "cannot convert infinity to pg_lsn");
        }
        BigDecimal rounded = value.setScale(0, RoundingMode.HALF_UP);
        if (rounded.signum() < 0 || rounded.compareTo(LARGEST) > 0) {
            throw outOfRange();
        }
        return held(rounded.toBigInteger().longValue());
    }

    private static int hexDigits(String text, int from) {
        int at = from;
        while (at < text.length() && Character.digit(text.charAt(at), 16) >= 0 && text.charAt(at) < 128) {
            at++;
        }
        return at - from;
    }

    private static BasaltException outOfRange() {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "pg_lsn out of range");
    }

    private static BasaltException invalid(String text) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type pg_lsn: \"" + text + "\"");
    }
}
