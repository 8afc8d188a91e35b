package io.basalt.exec.expression;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * NUMERIC arithmetic with PostgreSQL's result scales. Division follows PostgreSQL's
 * {@code select_div_scale}: at least 16 significant digits, and never fewer decimals than either input.
 * PostgreSQL stores numerics in base-10000 digits, so "weight" and "first digit" below are in that base.
 */
public final class NumericMath {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;

    private NumericMath() {
    }

    /** {@code a + b}; NaN with a NaN operand or for Infinity + -Infinity. */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            if (a == NumericSpecial.NAN || b == NumericSpecial.NAN) {
                return NumericSpecial.NAN;
            }
            if (a instanceof NumericSpecial && b instanceof NumericSpecial) {
                return a == b ? a : NumericSpecial.NAN;
            }
            return a instanceof NumericSpecial ? a : b;
        }
        return a.add(b);
    }

    /** {@code a - b}; NaN with a NaN operand or for an infinity less itself. */
    public static BigDecimal subtract(BigDecimal a, BigDecimal b) {
        if (b instanceof NumericSpecial) {
            return add(a, b.negate());
        }
        return a instanceof NumericSpecial ? a : a.subtract(b);
    }

    /** {@code a * b}; NaN with a NaN operand or for an infinity times zero. */
    public static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        if (a instanceof NumericSpecial || b instanceof NumericSpecial) {
            if (a == NumericSpecial.NAN || b == NumericSpecial.NAN || a.signum() == 0 || b.signum() == 0) {
                return NumericSpecial.NAN;
            }
            return a.signum() * b.signum() > 0 ? NumericSpecial.POSITIVE_INFINITY : NumericSpecial.NEGATIVE_INFINITY;
        }
        return a.multiply(b);
    }

    /**
     * {@code dividend / divisor} with PostgreSQL's result scale. With special values: NaN if either is NaN or
     * both are infinite, an infinity over a finite value keeps its sign times the divisor's (division by zero
     * fails), and a finite value over an infinity is 0.
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        if (dividend instanceof NumericSpecial || divisor instanceof NumericSpecial) {
            return divideSpecial(dividend, divisor);
        }
        if (divisor.signum() == 0) {
            throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        return dividend.divide(divisor, divisionScale(dividend, divisor), RoundingMode.HALF_UP);
    }

    private static BigDecimal divideSpecial(BigDecimal dividend, BigDecimal divisor) {
        if (dividend == NumericSpecial.NAN || divisor == NumericSpecial.NAN) {
            return NumericSpecial.NAN;
        }
        if (dividend instanceof NumericSpecial) {
            if (divisor instanceof NumericSpecial) {
                return NumericSpecial.NAN;
            }
            if (divisor.signum() == 0) {
                throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
            }
            return divisor.signum() > 0 ? dividend : dividend.negate();
        }
        return BigDecimal.ZERO;
    }

    /**
     * {@code dividend % divisor}: NaN if either is NaN or the dividend is infinite (a zero divisor still
     * fails), the dividend itself when only the divisor is infinite.
     */
    public static BigDecimal modulo(BigDecimal dividend, BigDecimal divisor) {
        if (dividend instanceof NumericSpecial || divisor instanceof NumericSpecial) {
            if (dividend == NumericSpecial.NAN || divisor == NumericSpecial.NAN) {
                return NumericSpecial.NAN;
            }
            if (dividend instanceof NumericSpecial) {
                if (divisor.signum() == 0) {
                    throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
                return NumericSpecial.NAN;
            }
            return dividend;
        }
        if (divisor.signum() == 0) {
            throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        BigDecimal result = dividend.remainder(divisor);
        int scale = Math.max(Math.max(dividend.scale(), divisor.scale()), 0);
        return result.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** The number of decimals PostgreSQL gives the quotient {@code a / b}. */
    static int divisionScale(BigDecimal a, BigDecimal b) {
        int weightA = 0;
        int firstDigitA = 0;
        if (a.signum() != 0) {
            weightA = base10000Weight(a);
            firstDigitA = firstBase10000Digit(a, weightA);
        }
        int weightB = 0;
        int firstDigitB = 0;
        if (b.signum() != 0) {
            weightB = base10000Weight(b);
            firstDigitB = firstBase10000Digit(b, weightB);
        }
        int quotientWeight = weightA - weightB;
        if (firstDigitA <= firstDigitB) {
            quotientWeight--;
        }
        int scale = MIN_SIGNIFICANT_DIGITS - quotientWeight * 4;
        scale = Math.max(scale, Math.max(a.scale(), 0));
        scale = Math.max(scale, Math.max(b.scale(), 0));
        return Math.min(scale, MAX_DISPLAY_SCALE);
    }

    static int base10000Weight(BigDecimal value) {
        int decimalExponent = value.precision() - value.scale() - 1;
        return Math.floorDiv(decimalExponent, 4);
    }

    private static int firstBase10000Digit(BigDecimal value, int weight) {
        return value.abs().movePointLeft(4 * weight).setScale(0, RoundingMode.DOWN).intValueExact();
    }
}
