package io.basalt.storage.column.shred;

import java.math.BigDecimal;

/**
 * A JSON number of a {@link ShredKind#DECIMAL} sub-column as one 64-bit integer: its unscaled value times 32 plus its
 * scale. The scale is kept per row because a JSONB number's text keeps it ({@code 1.50} is not {@code 1.5}); the
 * unscaled value has 59 bits, so the packed integers of a row group compress like any integers (bit-packing from
 * the minimum, dictionary, ...). Packed integers do not sort as the numbers do when scales differ, so their zone map
 * orders nothing.
 */
public final class PackedDecimal {
    /** The largest scale packed: 10^22 is the largest power of ten a double holds exactly. */
    public static final int MAXIMUM_SCALE = 22;
    /** The unscaled values packed lie in {@code (-2^58, 2^58)}, so no packed value is {@code Long.MIN_VALUE}. */
    static final long LIMIT = 1L << 58;
    private static final double[] POWERS = new double[MAXIMUM_SCALE + 1];

    static {
        double power = 1;
        for (int i = 0; i <= MAXIMUM_SCALE; i++) {
            POWERS[i] = power;
            power *= 10;
        }
    }

    private PackedDecimal() {
    }

    /** Whether {@code unscaled} at {@code scale} can be packed. */
    public static boolean fits(long unscaled, int scale) {
        return scale >= 0 && scale <= MAXIMUM_SCALE && unscaled > -LIMIT && unscaled < LIMIT;
    }

    /** The packed form of {@code unscaled} at {@code scale} ({@link #fits} holds). */
    public static long pack(long unscaled, int scale) {
        return unscaled * 32 + scale;
    }

    /** The unscaled value of {@code packed} (an arithmetic shift rounds down, undoing the addition of the scale). */
    public static long unscaled(long packed) {
        return packed >> 5;
    }

    /** The scale of {@code packed}. */
    public static int scale(long packed) {
        return (int) (packed & 31);
    }

    /** The number's text as {@code ->>} prints it: plain digits, the scale kept. */
    public static String text(long packed) {
        return BigDecimal.valueOf(unscaled(packed), scale(packed)).toPlainString();
    }

    /**
     * The double nearest to the number, which is what parsing its text gives: when the unscaled value is within 2^53
     * both operands of the division are exact and IEEE division rounds the exact quotient once.
     */
    public static double toDouble(long packed) {
        return (double) unscaled(packed) / POWERS[scale(packed)];
    }

    /** Whether {@link #toDouble} is exact-rounded for every packed value in {@code [min, max]}. */
    public static boolean doubleExact(long min, long max) {
        return unscaled(min) >= -(1L << 53) && unscaled(max) <= (1L << 53);
    }
}
