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
}
