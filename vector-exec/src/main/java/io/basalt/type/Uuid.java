package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.random.RandomGenerator;

/**
 * A PostgreSQL uuid: 16 bytes, held as two big-endian halves so that {@link #compareTo} is PostgreSQL's
 * ordering (unsigned bytes in text order, which {@link java.util.UUID#compareTo} is not: it compares signed).
 * Also the type's text form: input in every spelling PostgreSQL accepts, output in the canonical lower-case
 * 8-4-4-4-12 form.
 */
public record Uuid(long high, long low) implements Comparable<Uuid> {
    public static final int BYTES = 16;
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    @Override
    public int compareTo(Uuid other) {
        int order = Long.compareUnsigned(high, other.high);
        return order != 0 ? order : Long.compareUnsigned(low, other.low);
    }

    /** The 16 bytes in text order (big-endian), as stored in a FixedSizeBinary(16) vector. */
    public byte[] toBytes() {
        byte[] out = new byte[BYTES];
        for (int k = 0; k < 8; k++) {
            out[k] = (byte) (high >>> (56 - 8 * k));
            out[k + 8] = (byte) (low >>> (56 - 8 * k));
        }
        return out;
    }

    public static Uuid fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw BasaltException.internal("a uuid has 16 bytes, not " + bytes.length);
        }
        long high = 0;
        long low = 0;
        for (int k = 0; k < 8; k++) {
            high = (high << 8) | (bytes[k] & 0xff);
            low = (low << 8) | (bytes[k + 8] & 0xff);
        }
        return new Uuid(high, low);
    }

    /** A random (version 4, RFC 4122 variant) uuid, as {@code gen_random_uuid()} makes. */
    public static Uuid random(RandomGenerator random) {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new Uuid(high, low);
    }

    /**
     * Parses PostgreSQL's uuid input: 32 hex digits of either case, optionally inside braces, with an optional
     * hyphen after any group of four digits (but not after the last). Anything else, spaces included, fails.
     *
     * @throws BasaltException 22P02 {@code invalid input syntax for type uuid: "<text>"}
     */
    public static Uuid parse(String text) {
        int position = 0;
        int length = text.length();
        boolean braces = length > 0 && text.charAt(0) == '{';
        if (braces) {
            position++;
        }
        long high = 0;
        long low = 0;
        for (int digit = 0; digit < 32; digit++) {
            if (position >= length) {
                throw invalid(text);
            }
            int value = hexValue(text.charAt(position));
            if (value < 0) {
                throw invalid(text);
            }
            position++;
            if (digit < 16) {
                high = (high << 4) | value;
            } else {
                low = (low << 4) | value;
            }
            // A hyphen may follow every fourth digit, except the last one.
            if (digit % 4 == 3 && digit < 31 && position < length && text.charAt(position) == '-') {
                position++;
            }
        }
        if (braces) {
            if (position >= length || text.charAt(position) != '}') {
                throw invalid(text);
            }
            position++;
        }
        if (position != length) {
            throw invalid(text);
        }
        return new Uuid(high, low);
    }

    /** The canonical text form, e.g. {@code a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}. */
    @Override
    public String toString() {
        char[] out = new char[36];
        int at = 0;
        for (int digit = 0; digit < 32; digit++) {
            long half = digit < 16 ? high : low;
            int shift = 60 - 4 * (digit % 16);
            out[at++] = HEX_DIGITS[(int) (half >>> shift) & 0xF];
            if (digit == 7 || digit == 11 || digit == 15 || digit == 19) {
                out[at++] = '-';
            }
        }
        return new String(out);
    }

    /** The value of an ASCII hex digit, or -1. */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static BasaltException invalid(String text) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type uuid: \"" + text + "\"");
    }
}
