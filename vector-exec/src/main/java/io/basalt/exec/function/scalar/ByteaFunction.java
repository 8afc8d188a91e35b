package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ByteString;
import io.basalt.type.LogicalType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's functions over bytea, by name: concatenation, lengths, substring, position, trimming, byte
 * and bit access, digests, checksums, reversal, and encode/decode. NULL in any argument gives NULL. Like the text functions these
 * are not hot paths: each row's arguments are read as values and the kind is switched once per row on an enum.
 */
public final class ByteaFunction implements ScalarFunction {
    /** The functions, with the argument counts they accept. */
    public enum Kind {
        CONCAT_OPERATOR(2, 2), LENGTH(1, 1), OCTET_LENGTH(1, 1), BIT_LENGTH(1, 1), BIT_COUNT(1, 1),
        SUBSTRING(2, 3), POSITION(2, 2), BTRIM(2, 2), LTRIM(2, 2), RTRIM(2, 2), GET_BYTE(2, 2), SET_BYTE(3, 3),
        GET_BIT(2, 2), SET_BIT(3, 3), MD5(1, 1), SHA224(1, 1), SHA256(1, 1), SHA384(1, 1), SHA512(1, 1),
        ENCODE(2, 2), DECODE(2, 2), OVERLAY(3, 4), REVERSE(1, 1), CRC32(1, 1), CRC32C(1, 1);

        private final int minArguments;
        private final int maxArguments;

        Kind(int minArguments, int maxArguments) {
            this.minArguments = minArguments;
            this.maxArguments = maxArguments;
        }

        public boolean accepts(int arguments) {
            return arguments >= minArguments && arguments <= maxArguments;
        }
    }

    private final Kind kind;

    public ByteaFunction(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return kind == Kind.CONCAT_OPERATOR ? "||" : kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null;
            }
            if (!anyNull) {
                ValueAccess.set(out, i, compute(values));
            }
        }
        return out;
    }

    private Object compute(Object[] v) {
        return switch (kind) {
            case CONCAT_OPERATOR -> concat((ByteString) v[0], (ByteString) v[1]);
            case LENGTH, OCTET_LENGTH -> (long) ((ByteString) v[0]).length();
            case BIT_LENGTH -> 8L * ((ByteString) v[0]).length();
            case BIT_COUNT -> bitCount((ByteString) v[0]);
            case SUBSTRING -> substring((ByteString) v[0], (Long) v[1], v.length > 2 ? (Long) v[2] : null);
            case POSITION -> position((ByteString) v[0], (ByteString) v[1]);
            case BTRIM -> trim((ByteString) v[0], (ByteString) v[1], true, true);
            case LTRIM -> trim((ByteString) v[0], (ByteString) v[1], true, false);
            case RTRIM -> trim((ByteString) v[0], (ByteString) v[1], false, true);
            case GET_BYTE -> (long) ((ByteString) v[0]).byteAt(checkIndex((ByteString) v[0], (Long) v[1], 1));
            case SET_BYTE -> setByte((ByteString) v[0], (Long) v[1], (Long) v[2]);
            case GET_BIT -> getBit((ByteString) v[0], (Long) v[1]);
            case SET_BIT -> setBit((ByteString) v[0], (Long) v[1], (Long) v[2]);
            // md5(text) digests the text's UTF-8 bytes.
            case MD5 -> HexFormat.of().formatHex(digest("MD5", v[0] instanceof String text
                    ? ByteString.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) : (ByteString) v[0]));
            case SHA224 -> ByteString.wrap(digest("SHA-224", (ByteString) v[0]));
            case SHA256 -> ByteString.wrap(digest("SHA-256", (ByteString) v[0]));
            case SHA384 -> ByteString.wrap(digest("SHA-384", (ByteString) v[0]));
            case SHA512 -> ByteString.wrap(digest("SHA-512", (ByteString) v[0]));
            case OVERLAY -> overlay((ByteString) v[0], (ByteString) v[1], (Long) v[2],
                    v.length > 3 ? (Long) v[3] : ((ByteString) v[1]).length());
            case REVERSE -> reverse((ByteString) v[0]);
            case CRC32 -> checksum(new java.util.zip.CRC32(), (ByteString) v[0]);
            case CRC32C -> checksum(new java.util.zip.CRC32C(), (ByteString) v[0]);
            case ENCODE -> BinaryEncoding.named((String) v[1]).encode((ByteString) v[0]);
            case DECODE -> BinaryEncoding.named((String) v[1]).decode((String) v[0]);
        };
    }

    /** reverse(bytea) (PostgreSQL 18): the bytes in reverse order. */
    private static ByteString reverse(ByteString value) {
        byte[] bytes = value.toByteArray();
        for (int i = 0, j = bytes.length - 1; i < j; i++, j--) {
            byte swap = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = swap;
        }
        return ByteString.wrap(bytes);
    }

    /** crc32 and crc32c (PostgreSQL 18): the checksum of the bytes as a non-negative bigint. */
    private static long checksum(java.util.zip.Checksum checksum, ByteString value) {
        byte[] bytes = value.toByteArray();
        checksum.update(bytes, 0, bytes.length);
        return checksum.getValue();
    }

    private static ByteString concat(ByteString left, ByteString right) {
        byte[] out = new byte[left.length() + right.length()];
        System.arraycopy(left.toByteArray(), 0, out, 0, left.length());
        System.arraycopy(right.toByteArray(), 0, out, left.length(), right.length());
        return ByteString.wrap(out);
    }

    private static long bitCount(ByteString value) {
        long count = 0;
        for (int k = 0; k < value.length(); k++) {
            count += Integer.bitCount(value.byteAt(k));
        }
        return count;
    }

    /** PostgreSQL's bytea substring: bytes from {@code start} (1-based, may be below 1) for {@code count}. */
    static ByteString substring(ByteString value, long start, Long count) {
        long end;
        if (count == null) {
            end = value.length() + 1L;
        } else {
            if (count < 0) {
                throw BasaltException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
            }
            end = start + count;
        }
        long from = Math.max(start, 1);
        long to = Math.min(end, value.length() + 1L);
        if (to <= from) {
            return ByteString.EMPTY;
        }
        byte[] out = new byte[(int) (to - from)];
        System.arraycopy(value.toByteArray(), (int) (from - 1), out, 0, out.length);
        return ByteString.wrap(out);
    }

    /** {@code overlay(value placing replacement from start for count)}: bytes start..start+count-1 replaced. */
    private static ByteString overlay(ByteString value, ByteString replacement, long start, long count) {
        if (count < 0) {
            throw BasaltException.of(SqlState.SUBSTRING_ERROR, "negative substring length not allowed");
        }
        ByteString head = substring(value, 1, Math.max(start - 1, 0));
        ByteString tail = substring(value, start + count, null);
        return concat(concat(head, replacement), tail);
    }

    /** The 1-based position of the first occurrence of {@code needle} in {@code haystack}, or 0. */
    private static long position(ByteString haystack, ByteString needle) {
        byte[] h = haystack.toByteArray();
        byte[] n = needle.toByteArray();
        for (int start = 0; start + n.length <= h.length; start++) {
            if (java.util.Arrays.equals(h, start, start + n.length, n, 0, n.length)) {
                return start + 1;
            }
        }
        return 0;
    }

    /** Removes the longest leading and/or trailing run of bytes that occur in {@code characters}. */
    private static ByteString trim(ByteString value, ByteString characters, boolean leading, boolean trailing) {
        boolean[] remove = new boolean[256];
        for (int k = 0; k < characters.length(); k++) {
            remove[characters.byteAt(k)] = true;
        }
        int start = 0;
        int end = value.length();
        while (leading && start < end && remove[value.byteAt(start)]) {
            start++;
        }
        while (trailing && end > start && remove[value.byteAt(end - 1)]) {
            end--;
        }
        return substring(value, start + 1L, (long) (end - start));
    }

    /** {@code index} if it is a valid byte (unit 1) or bit (unit 8) index of {@code value}; else 2202E. */
    private static int checkIndex(ByteString value, long index, int unit) {
        long size = (long) value.length() * unit;
        if (index < 0 || index >= size) {
            throw BasaltException.of(SqlState.ARRAY_SUBSCRIPT_ERROR,
                    "index " + index + " out of valid range, 0.." + (size - 1));
        }
        return (int) index;
    }

    private static ByteString setByte(ByteString value, long index, long newValue) {
        byte[] out = value.toByteArray();
        out[checkIndex(value, index, 1)] = (byte) newValue;
        return ByteString.wrap(out);
    }

    /** Bit {@code n} counts from the lowest bit of the first byte, as PostgreSQL numbers them. */
    private static long getBit(ByteString value, long n) {
        int bit = checkIndex(value, n, 8);
        return (value.byteAt(bit / 8) >> (bit % 8)) & 1;
    }

    private static ByteString setBit(ByteString value, long n, long newValue) {
        int bit = checkIndex(value, n, 8);
        if (newValue != 0 && newValue != 1) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "new bit must be 0 or 1");
        }
        byte[] out = value.toByteArray();
        int mask = 1 << (bit % 8);
        out[bit / 8] = (byte) (newValue == 1 ? out[bit / 8] | mask : out[bit / 8] & ~mask);
        return ByteString.wrap(out);
    }

    private static byte[] digest(String algorithm, ByteString value) {
        try {
            return MessageDigest.getInstance(algorithm).digest(value.toByteArray());
        } catch (NoSuchAlgorithmException missing) {
            throw BasaltException.internal("the JDK lacks " + algorithm);
        }
    }

    /** Value equality: two calls of the same function are the same expression. */
    @Override
    public boolean equals(Object other) {
        return other instanceof ByteaFunction that && kind == that.kind;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(getClass(), kind);
    }
}
