package io.basalt.type.range;

import io.basalt.error.BasaltException;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.ValueConversion;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Order-preserving byte keys of a range's bound values: comparing two keys of one subtype as unsigned bytes gives
 * the order of the values, and no key is a prefix of another. A range is stored as its bounds' keys
 * ({@link Range}), so that ranges compare, hash, group and sort as byte strings (PostgreSQL's range order falls
 * out of the layout), and the range operators compare bounds without decoding them.
 *
 * <ul>
 *   <li>smallint, integer, bigint, date, timestamp, timestamptz: the value as a 64-bit integer, big-endian with the
 *       sign bit flipped;</li>
 *   <li>double precision, real: the IEEE bits, flipped so that they order as the numbers (all NaNs as one, above
 *       infinity; -0 as 0);</li>
 *   <li>numeric: a class byte (-Infinity, negative, zero, positive, Infinity, NaN), for a nonzero value its decimal
 *       exponent and digits (inverted when negative) and a terminator, then the value's display scale, so that a
 *       bound prints as it was written;</li>
 *   <li>text and character varying: the UTF-8 bytes (the C collation's order) with 0x00 escaped as 0x00 0xFF and a
 *       terminator 0x00 0x01.</li>
 * </ul>
 */
public final class RangeKey {
    private RangeKey() {
    }

    private enum Kind { LONG, DOUBLE, NUMERIC, TEXT }

    /** Whether values of {@code subtype} have keys (and so can be a range's subtype). */
    public static boolean supports(LogicalType subtype) {
        return kindOrNull(subtype) != null;
    }

    private static Kind kindOrNull(LogicalType subtype) {
        return switch (subtype.id()) {
            case SMALLINT, INTEGER, BIGINT, DATE, TIMESTAMP, TIMESTAMPTZ -> Kind.LONG;
            case DOUBLE, REAL -> Kind.DOUBLE;
            case NUMERIC -> Kind.NUMERIC;
            case TEXT, VARCHAR -> Kind.TEXT;
            default -> null;
        };
    }

    private static Kind kind(LogicalType subtype) {
        Kind kind = kindOrNull(subtype);
        if (kind == null) {
            throw BasaltException.internal("no range key for subtype " + subtype);
        }
        return kind;
    }

    /** The key of {@code value}, a canonical (non-null) value of {@code subtype}. */
    public static byte[] encode(Object value, LogicalType subtype) {
        return switch (kind(subtype)) {
            case LONG -> longKey((Long) value);
            case DOUBLE -> doubleKey((Double) value);
            case NUMERIC -> numericKey(ValueConversion.toDecimal(value, subtype));
            case TEXT -> textKey((String) value);
        };
    }

    /** The value whose key is {@code key}, in {@code subtype}'s canonical form. */
    public static Object decode(byte[] key, LogicalType subtype) {
        return switch (kind(subtype)) {
            case LONG -> readLong(key, 0);
            case DOUBLE -> {
                long bits = readLong(key, 0) ^ Long.MIN_VALUE;
                yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
            }
            case NUMERIC -> {
                BigDecimal value = decodeNumeric(key);
                yield subtype.isScaledLong() ? ValueConversion.fromDecimal(value, subtype) : value;
            }
            case TEXT -> decodeText(key);
        };
    }

    /** The length of the key that starts at {@code offset} in {@code bytes}. */
    static int length(byte[] bytes, int offset, LogicalType subtype) {
        return switch (kind(subtype)) {
            case LONG, DOUBLE -> 8;
            case NUMERIC -> {
                int at = offset + 1;
                int sign = bytes[offset];
                if (sign == 1 || sign == 3) {
                    byte terminator = sign == 3 ? 0 : (byte) 0xff;
                    at += 4;
                    while (bytes[at] != terminator) {
                        at++;
                    }
                    at++;
                }
                yield at + 2 - offset;
            }
            case TEXT -> {
                int at = offset;
                while (!(bytes[at] == 0 && bytes[at + 1] == 1)) {
                    at += bytes[at] == 0 ? 2 : 1;
                }
                yield at + 2 - offset;
            }
        };
    }

    /**
     * The order of two keys of {@code subtype}'s values: as unsigned bytes, except that a numeric's trailing display
     * scale does not count ({@code 1.0} and {@code 1} are equal, as the numbers are).
     */
    static int compare(byte[] a, byte[] b, LogicalType subtype) {
        if (kind(subtype) == Kind.NUMERIC) {
            return java.util.Arrays.compareUnsigned(a, 0, a.length - 2, b, 0, b.length - 2);
        }
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** Whether keys of {@code subtype} are 64-bit integers that {@link #longValue} reads (the discrete subtypes). */
    static boolean isLong(LogicalType subtype) {
        return kind(subtype) == Kind.LONG;
    }

    static long longValue(byte[] key) {
        return readLong(key, 0);
    }

    static byte[] longKey(long value) {
        long flipped = value ^ Long.MIN_VALUE;
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (flipped >>> (56 - 8 * i));
        }
        return key;
    }

    private static long readLong(byte[] key, int offset) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (key[offset + i] & 0xff);
        }
        return value ^ Long.MIN_VALUE;
    }

    private static byte[] doubleKey(double value) {
        double normalized = value == 0.0 ? 0.0 : Double.isNaN(value) ? Double.NaN : value;
        long bits = Double.doubleToLongBits(normalized);
        long ordered = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        return longKey(ordered ^ Long.MIN_VALUE);
    }

    private static byte[] numericKey(BigDecimal value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (value instanceof NumericSpecial) {
            out.write(NumericSpecial.isNaN(value) ? 5 : value.signum() < 0 ? 0 : 4);
            out.write(0);
            out.write(0);
            return out.toByteArray();
        }
        int sign = value.signum();
        out.write(sign + 2);
        if (sign != 0) {
            BigDecimal magnitude = value.abs().stripTrailingZeros();
            String digits = magnitude.unscaledValue().toString();
            int exponent = digits.length() - magnitude.scale();
            int flip = sign < 0 ? 0xff : 0;
            int biased = exponent ^ Integer.MIN_VALUE;
            for (int i = 0; i < 4; i++) {
                out.write(((biased >>> (24 - 8 * i)) & 0xff) ^ flip);
            }
            for (int i = 0; i < digits.length(); i++) {
                out.write(digits.charAt(i) ^ flip);
            }
            out.write(flip);
        }
        int scale = Math.max(0, Math.min(0xffff, value.scale()));
        out.write(scale >>> 8);
        out.write(scale & 0xff);
        return out.toByteArray();
    }

    private static BigDecimal decodeNumeric(byte[] key) {
        int sign = key[0];
        int scale = ((key[key.length - 2] & 0xff) << 8) | (key[key.length - 1] & 0xff);
        switch (sign) {
            case 0:
                return NumericSpecial.NEGATIVE_INFINITY;
            case 4:
                return NumericSpecial.POSITIVE_INFINITY;
            case 5:
                return NumericSpecial.NAN;
            case 2:
                return BigDecimal.ZERO.setScale(scale);
            default:
                break;
        }
        int flip = sign == 1 ? 0xff : 0;
        int biased = 0;
        for (int i = 0; i < 4; i++) {
            biased = biased << 8 | ((key[1 + i] & 0xff) ^ flip);
        }
        int exponent = biased ^ Integer.MIN_VALUE;
        StringBuilder digits = new StringBuilder();
        for (int i = 5; i < key.length - 3; i++) {
            digits.append((char) ((key[i] & 0xff) ^ flip));
        }
        BigDecimal magnitude = new BigDecimal(new BigInteger(digits.toString()), digits.length() - exponent);
        BigDecimal value = magnitude.setScale(Math.max(scale, 0));
        return sign == 1 ? value.negate() : value;
    }

    private static byte[] textKey(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 2);
        for (byte b : utf8) {
            out.write(b);
            if (b == 0) {
                out.write(0xff);
            }
        }
        out.write(0);
        out.write(1);
        return out.toByteArray();
    }

    private static String decodeText(byte[] key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(key.length);
        for (int i = 0; i < key.length - 2; i++) {
            out.write(key[i]);
            if (key[i] == 0) {
                i++;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
