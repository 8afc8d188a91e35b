package io.basalt.exec.expression;

import io.basalt.error.BasaltException;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.WideDecimalValues;
import io.basalt.type.LogicalType;
import io.basalt.type.NumericSpecial;
import io.basalt.type.ValueConversion;
import java.math.BigDecimal;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;

/**
 * Arithmetic whose result is a NUMERIC of 19 to 38 digits, computed on 128-bit integers. Operands are
 * scaled 64-bit or 128-bit values; the binder has given addition and subtraction operands the result's
 * scale and sized every result type so that it cannot overflow 128 bits (a product's precision is the sum
 * of its operands'), so the loops need no overflow checks. Modulo is rare and goes through BigDecimal.
 *
 * <p>NaN in either operand (a scaled long's {@link NumericSpecial#SCALED_LONG_NAN} or the 128-bit sentinel of
 * {@link WideDecimalValues}) gives NaN.
 */
final class WideDecimalArithmetic {
    private WideDecimalArithmetic() {
    }

    static void apply(ArithmeticOperator operator, FieldVector left, FieldVector right, DecimalVector out, int rows) {
        if (operator == ArithmeticOperator.MODULO || operator == ArithmeticOperator.DIVIDE) {
            for (int i = 0; i < rows; i++) {
                if (left.isNull(i) || right.isNull(i)) {
                    out.setNull(i);
                    continue;
                }
                BigDecimal a = toDecimal(left, i);
                BigDecimal b = toDecimal(right, i);
                BigDecimal result = operator == ArithmeticOperator.MODULO ? NumericMath.modulo(a, b) : NumericMath.divide(a, b);
                if (NumericSpecial.isNaN(result)) {
                    WideDecimalValues.setNaN(out, i);
                } else {
                    out.setSafe(i, result.setScale(out.getScale(), java.math.RoundingMode.HALF_UP));
                }
            }
            return;
        }
        ArrowBuf target = out.getDataBuffer();
        // Operand layouts are fixed per batch: 8-byte scaled longs (sign-extended) or 16-byte decimals.
        ArrowBuf a = left.getDataBuffer();
        ArrowBuf b = right.getDataBuffer();
        int aWidth = left instanceof BigIntVector ? 8 : 16;
        int bWidth = right instanceof BigIntVector ? 8 : 16;
        boolean noNulls = left.getNullCount() == 0 && right.getNullCount() == 0;
        // A BigIntVector operand holds a scaled NUMERIC (whose NaN is a sentinel) or a plain bigint (which has none).
        boolean aScaled = aWidth == 8 && LogicalType.of(left.getField()).isNumeric();
        boolean bScaled = bWidth == 8 && LogicalType.of(right.getField()).isNumeric();
        for (int i = 0; i < rows; i++) {
            if (!noNulls && (left.isNull(i) || right.isNull(i))) {
                out.setNull(i);
                continue;
            }
            long aLow = a.getLong((long) i * aWidth);
            long aHigh = aWidth == 8 ? aLow >> 63 : a.getLong((long) i * 16 + 8);
            long bLow = b.getLong((long) i * bWidth);
            long bHigh = bWidth == 8 ? bLow >> 63 : b.getLong((long) i * 16 + 8);
            if (isNaN(aLow, aHigh, aWidth, aScaled) || isNaN(bLow, bHigh, bWidth, bScaled)) {
                WideDecimalValues.setNaN(out, i);
                continue;
            }
            long rLow;
            long rHigh;
            switch (operator) {
                case ADD -> {
                    rLow = aLow + bLow;
                    rHigh = aHigh + bHigh + (Long.compareUnsigned(rLow, aLow) < 0 ? 1 : 0);
                }
                case SUBTRACT -> {
                    rLow = aLow - bLow;
                    rHigh = aHigh - bHigh - (Long.compareUnsigned(aLow, bLow) < 0 ? 1 : 0);
                }
                case MULTIPLY -> {
                    // The low 128 bits of the product; the result type guarantees nothing is lost.
                    rLow = aLow * bLow;
                    rHigh = Math.unsignedMultiplyHigh(aLow, bLow) + aLow * bHigh + aHigh * bLow;
                }
                default -> throw BasaltException.internal("wide " + operator);
            }
            target.setLong((long) i * 16, rLow);
            target.setLong((long) i * 16 + 8, rHigh);
            out.setIndexDefined(i);
        }
    }

    private static boolean isNaN(long low, long high, int width, boolean scaled) {
        return width == 8
                ? scaled && low == NumericSpecial.SCALED_LONG_NAN
                : high == WideDecimalValues.NAN_HIGH && low == WideDecimalValues.NAN_LOW;
    }

    private static BigDecimal toDecimal(FieldVector vector, int row) {
        Object value = ValueAccess.get(vector, row);
        if (value instanceof Long unscaled) {
            LogicalType type = LogicalType.of(vector.getField());
            return type.isNumeric() ? ValueConversion.scaledLongToDecimal(unscaled, type.scale()) : BigDecimal.valueOf(unscaled);
        }
        return (BigDecimal) value;
    }
}
