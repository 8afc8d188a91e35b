package io.basalt.type;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The byte form of a NUMERIC of arbitrary precision inside a VarBinary vector
 * ({@link PhysicalType#BIG_DECIMAL}): two bytes of scale, big-endian, then the unscaled value as
 * big-endian two's complement (what {@link BigInteger#toByteArray()} produces). The special values
 * ({@link NumericSpecial}) are the scale bytes {@code 0x8000}, which no finite value uses, and one byte
 * naming the value.
 */
public final class DecimalCodec {
    private static final int SPECIAL_SCALE = Short.MIN_VALUE;
    /** Whether ArrowBuf's multi-byte reads are little-endian (native order), as {@link #unscaled}'s word read needs. */
    private static final boolean LITTLE_ENDIAN = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;

    private DecimalCodec() {
    }

    public static byte[] encode(BigDecimal value) {
        if (value instanceof NumericSpecial special) {
            return new byte[] {(byte) 0x80, 0, special.code()};
        }
        byte[] unscaled = value.unscaledValue().toByteArray();
        int scale = value.scale();
        byte[] out = new byte[unscaled.length + 2];
        out[0] = (byte) (scale >>> 8);
        out[1] = (byte) scale;
        System.arraycopy(unscaled, 0, out, 2, unscaled.length);
        return out;
    }

    public static BigDecimal decode(byte[] bytes) {
        int scale = (short) (((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff));
        if (scale == SPECIAL_SCALE) {
            return NumericSpecial.ofCode(bytes[2]);
        }
        BigInteger unscaled = new BigInteger(bytes, 2, bytes.length - 2);
        return new BigDecimal(unscaled, scale);
    }

    /**
     * Writes the encoding of {@code unscaled * 10^-scale} (finite) into {@code into} (at least 10 bytes) and
     * returns its length: the same bytes {@link #encode} gives for that value, without a BigDecimal.
     */
    public static int encode(long unscaled, int scale, byte[] into) {
        int bitLength = 64 - Long.numberOfLeadingZeros(unscaled ^ (unscaled >> 63));
        int length = bitLength / 8 + 1;
        into[0] = (byte) (scale >>> 8);
        into[1] = (byte) scale;
        for (int k = 0; k < length; k++) {
            into[1 + length - k] = (byte) (unscaled >>> (8 * k));
        }
        return length + 2;
    }

    /**
     * Whether the value encoded in {@code length} bytes at {@code start} of {@code data} is finite with an
     * unscaled value of at most 64 bits, which {@link #unscaled} and {@link #scale} then read.
     */
    public static boolean isCompact(org.apache.arrow.memory.ArrowBuf data, long start, int length) {
        return length >= 3 && length <= 10 && scale(data, start) != SPECIAL_SCALE;
    }

    /** The scale of the encoded value at {@code start}. */
    public static int scale(org.apache.arrow.memory.ArrowBuf data, long start) {
        return (short) (((data.getByte(start) & 0xff) << 8) | (data.getByte(start + 1) & 0xff));
    }

    /** The unscaled value of a compact encoded value (see {@link #isCompact}), sign-extended. */
    public static long unscaled(org.apache.arrow.memory.ArrowBuf data, long start, int length) {
        if (LITTLE_ENDIAN && start + 10 <= data.capacity()) {
            // one 8-byte read, big-endian to native, the value's bytes moved to the bottom with their sign: a byte
            // loop costs a bounds check per byte, and filters and sorts of NUMERIC sums read millions of these
            long word = Long.reverseBytes(data.getLong(start + 2));
            return word >> (8 * (10 - length));
        }
        long value = data.getByte(start + 2); // sign-extends the first (most significant) byte
        for (int k = 3; k < length; k++) {
            value = (value << 8) | (data.getByte(start + k) & 0xff);
        }
        return value;
    }
}
