package io.basalt.exec.expression;

import io.basalt.type.DecimalCodec;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.VarBinaryVector;

/**
 * Fast paths for unconstrained NUMERIC ({@code BIG_DECIMAL}, {@link DecimalCodec} bytes) whose values are
 * small: most values an analytical query computes (money times rates) have unscaled values within 64
 * bits, where a BigDecimal per value and its byte conversions cost far more than the arithmetic. Each
 * method handles a row in 64-bit integers when the operands and the exact result fit, and tells the caller
 * to take the general BigDecimal path otherwise; the bytes written are exactly those that path writes.
 */
final class CompactDecimals {
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        long power = 1;
        for (int k = 0; k < POWERS_OF_TEN.length; k++) {
            POWERS_OF_TEN[k] = power;
            power *= 10;
        }
    }

    private CompactDecimals() {
    }

    /**
     * Casts integers, scaled 64-bit NUMERICs and 128-bit NUMERICs of type {@code from} to unconstrained
     * NUMERIC, which keeps each value and its scale; returns false (having written nothing) when
     * {@code from} is none of these. Values beyond 64 bits and NaN go through {@code fallback}.
     */
    static boolean castToUnconstrained(FieldVector in, LogicalType from, VarBinaryVector out, int rows,
                                       CastExpression fallback) {
        boolean source = from.isIntegral() || from.isScaledLong() || from.isScaledWide();
        if (!source) {
            return false;
        }
        int scale = from.isIntegral() ? 0 : from.scale();
        byte[] scratch = new byte[10];
        for (int i = 0; i < rows; i++) {
            if (in.isNull(i)) {
                out.setNull(i);
                continue;
            }
            long value;
            switch (in) {
                case SmallIntVector v -> value = v.get(i);
                case IntVector v -> value = v.get(i);
                case BigIntVector v -> {
                    value = v.get(i);
                    if (from.isScaledLong() && value == NumericSpecial.SCALED_LONG_NAN) {
                        fallback.convertOne(in, i, out, from);
                        continue;
                    }
                }
                case DecimalVector v -> {
                    ArrowBuf data = v.getDataBuffer();
                    value = data.getLong((long) i * 16);
                    if (data.getLong((long) i * 16 + 8) != value >> 63) {
                        fallback.convertOne(in, i, out, from);
                        continue;
                    }
                }
                default -> {
                    fallback.convertOne(in, i, out, from);
                    continue;
                }
            }
            out.setSafe(i, scratch, 0, DecimalCodec.encode(value, scale, scratch));
        }
        return true;
    }

    /**
     * {@code a op b} for row {@code i} of two BIG_DECIMAL vectors (both non-null) into {@code out}, when
     * the operator is +, - or * and both values and the exact result fit 64 bits; returns false otherwise,
     * having written nothing. The result scale is BigDecimal's (and PostgreSQL's): the larger scale for + and
     * -, the sum for *.
     */
    static boolean apply(ArithmeticOperator operator, VarBinaryVector l, VarBinaryVector r, int i, VarBinaryVector out,
                         byte[] scratch) {
        if (operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.MODULO) {
            return false;
        }
        ArrowBuf leftOffsets = l.getOffsetBuffer();
        ArrowBuf rightOffsets = r.getOffsetBuffer();
        int leftStart = leftOffsets.getInt((long) i * 4);
        int leftLength = leftOffsets.getInt((long) (i + 1) * 4) - leftStart;
        int rightStart = rightOffsets.getInt((long) i * 4);
        int rightLength = rightOffsets.getInt((long) (i + 1) * 4) - rightStart;
        ArrowBuf leftData = l.getDataBuffer();
        ArrowBuf rightData = r.getDataBuffer();
        if (!DecimalCodec.isCompact(leftData, leftStart, leftLength)
                || !DecimalCodec.isCompact(rightData, rightStart, rightLength)) {
            return false;
        }
        long a = DecimalCodec.unscaled(leftData, leftStart, leftLength);
        long b = DecimalCodec.unscaled(rightData, rightStart, rightLength);
        int aScale = DecimalCodec.scale(leftData, leftStart);
        int bScale = DecimalCodec.scale(rightData, rightStart);
        long result;
        int scale;
        if (operator == ArithmeticOperator.MULTIPLY) {
            result = a * b;
            scale = aScale + bScale;
            if (Math.multiplyHigh(a, b) != (result >> 63) || scale > Short.MAX_VALUE || scale < 0) {
                return false;
            }
        } else {
            if (aScale < 0 || bScale < 0) {
                return false;
            }
            scale = Math.max(aScale, bScale);
            int aShift = scale - aScale;
            int bShift = scale - bScale;
            if (aShift >= POWERS_OF_TEN.length || bShift >= POWERS_OF_TEN.length) {
                return false;
            }
            long x = a * POWERS_OF_TEN[aShift];
            long y = b * POWERS_OF_TEN[bShift];
            if (Math.multiplyHigh(a, POWERS_OF_TEN[aShift]) != (x >> 63)
                    || Math.multiplyHigh(b, POWERS_OF_TEN[bShift]) != (y >> 63)) {
                return false;
            }
            result = operator == ArithmeticOperator.ADD ? x + y : x - y;
            boolean overflow = operator == ArithmeticOperator.ADD
                    ? ((x ^ result) & (y ^ result)) < 0
                    : ((x ^ y) & (x ^ result)) < 0;
            if (overflow) {
                return false;
            }
        }
        out.setSafe(i, scratch, 0, DecimalCodec.encode(result, scale, scratch));
        return true;
    }
}
