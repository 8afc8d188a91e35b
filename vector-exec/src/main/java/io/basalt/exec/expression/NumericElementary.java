package io.basalt.exec.expression;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * sqrt, exp, ln, log and power on NUMERIC with PostgreSQL's result scales (at least 16 significant digits,
 * never fewer decimals than an input shows, at most 1000), its rules for NaN and the infinities, and its
 * errors. The scale estimates follow PostgreSQL's numeric.c, which reasons in base-10000 digits; the values
 * come from {@link NumericTranscendentals}.
 */
public final class NumericElementary {
    private static final int MIN_SIGNIFICANT_DIGITS = 16;
    private static final int MAX_DISPLAY_SCALE = 1000;
    private static final int MAX_RESULT_SCALE = 2000;
    /** log10(e). */
    private static final double LOG10_E = 0.434294481903252;

    private NumericElementary() {
    }

    public static BigDecimal sqrt(BigDecimal x) {
        if (x instanceof NumericSpecial) {
            if (x == NumericSpecial.NEGATIVE_INFINITY) {
                throw negativeSquareRoot();
            }
            return x;
        }
        if (x.signum() < 0) {
            throw negativeSquareRoot();
        }
        int weight = x.signum() == 0 ? 0 : NumericMath.base10000Weight(x);
        int resultWeight = (weight + 1) * 4 / 2 - 1;
        return NumericTranscendentals.sqrt(x, clampScale(MIN_SIGNIFICANT_DIGITS - resultWeight, x.scale()));
    }

    public static BigDecimal exp(BigDecimal x) {
        if (x instanceof NumericSpecial) {
            return x == NumericSpecial.NEGATIVE_INFINITY ? BigDecimal.ZERO : x;
        }
        double value = x.doubleValue() * LOG10_E;
        value = Math.max(-MAX_RESULT_SCALE, Math.min(MAX_RESULT_SCALE, value));
        int scale = clampScale(MIN_SIGNIFICANT_DIGITS - (int) value, x.scale());
        if (Math.abs(x.doubleValue()) >= MAX_RESULT_SCALE * 3) {
            if (x.signum() > 0) {
                throw NumericTranscendentals.overflow();
            }
            return BigDecimal.ZERO.setScale(scale);
        }
        return NumericTranscendentals.exp(x, scale);
    }

    public static BigDecimal ln(BigDecimal x) {
        if (x instanceof NumericSpecial) {
            if (x == NumericSpecial.NEGATIVE_INFINITY) {
                throw logOfNegative();
            }
            return x;
        }
        checkLogArgument(x);
        int scale = clampScale(MIN_SIGNIFICANT_DIGITS - lnDecimalWeight(x), x.scale());
        return NumericTranscendentals.ln(x, scale).setScale(scale, RoundingMode.HALF_UP);
    }

    /** log(base, x): ln(x) / ln(base). */
    public static BigDecimal log(BigDecimal base, BigDecimal x) {
        if (base instanceof NumericSpecial || x instanceof NumericSpecial) {
            if (base == NumericSpecial.NAN || x == NumericSpecial.NAN) {
                return NumericSpecial.NAN;
            }
            if (base.signum() < 0 || x.signum() < 0) {
                throw logOfNegative();
            }
            if (base.signum() == 0 || x.signum() == 0) {
                throw logOfZero();
            }
            if (base == NumericSpecial.POSITIVE_INFINITY) {
                return x == NumericSpecial.POSITIVE_INFINITY ? NumericSpecial.NAN : BigDecimal.ZERO;
            }
            return NumericSpecial.POSITIVE_INFINITY;
        }
        checkLogArgument(base);
        checkLogArgument(x);
        int resultWeight = lnDecimalWeight(x) - lnDecimalWeight(base);
        int scale = clampScale(MIN_SIGNIFICANT_DIGITS - resultWeight, Math.max(base.scale(), x.scale()));
        BigDecimal lnBase = NumericTranscendentals.ln(base, scale + 8 + Math.max(resultWeight, 0));
        BigDecimal lnX = NumericTranscendentals.ln(x, scale + 8 + Math.max(-lnDecimalWeight(base), 0));
        if (lnBase.setScale(scale + 6, RoundingMode.HALF_UP).signum() == 0) {
            throw BasaltException.of(SqlState.DIVISION_BY_ZERO, "division by zero");
        }
        MathContext context = new MathContext(Math.max(resultWeight, 0) + scale + 12);
        return lnX.divide(lnBase, context).setScale(scale, RoundingMode.HALF_UP);
    }

    /** base ^ exponent. */
    public static BigDecimal power(BigDecimal base, BigDecimal exponent) {
        if (base instanceof NumericSpecial || exponent instanceof NumericSpecial) {
            return NumericSpecialPowers.power(base, exponent);
        }
        if (base.signum() == 0 && exponent.signum() < 0) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        boolean integral = isIntegral(exponent);
        if (base.signum() < 0 && !integral) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (integral && exponent.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                && exponent.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
            return integerPower(base, exponent.intValueExact(), Math.max(exponent.scale(), 0));
        }
        boolean negative = base.signum() < 0 && exponent.toBigInteger().testBit(0);
        BigDecimal magnitude = base.abs();
        if (magnitude.signum() == 0) {
            return BigDecimal.ZERO.setScale(MIN_SIGNIFICANT_DIGITS);
        }
        // A low-precision exponent * ln(base) chooses the scale and catches overflow early, as PostgreSQL does.
        double value = exponent.doubleValue() * NumericTranscendentals.ln(magnitude, 8 - lnDecimalWeight(magnitude))
                .doubleValue();
        if (Math.abs(value) > MAX_RESULT_SCALE * 3.01) {
            if (value > 0) {
                throw NumericTranscendentals.overflow();
            }
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        double weight = value * LOG10_E;
        int scale = clampScale(MIN_SIGNIFICANT_DIGITS - (int) weight, Math.max(base.scale(), exponent.scale()));
        int exponentDigits = Math.max(exponent.precision() - exponent.scale(), 0);
        BigDecimal lnBase = NumericTranscendentals.ln(magnitude, scale + Math.max((int) weight, 0) + exponentDigits + 8);
        BigDecimal product = lnBase.multiply(exponent);
        BigDecimal result = NumericTranscendentals.exp(product, scale);
        return negative ? result.negate() : result;
    }

    /**
     * base ^ n for an integral exponent that fits an int: PostgreSQL's power_var_int scale (from an estimate of
     * the result's decimal weight), then the power rounded to it.
     */
    private static BigDecimal integerPower(BigDecimal base, int n, int exponentScale) {
        double weight = base.signum() == 0 ? 0 : n * log10Estimate(base.abs());
        if (weight > 131072) {
            throw NumericTranscendentals.overflow();
        }
        if (weight + 1 < -MAX_DISPLAY_SCALE) {
            return BigDecimal.ZERO.setScale(MAX_DISPLAY_SCALE);
        }
        int scale = clampScale(MIN_SIGNIFICANT_DIGITS - (int) weight, Math.max(base.scale(), exponentScale));
        if (n == 0) {
            return BigDecimal.ONE.setScale(scale);
        }
        if (base.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        if (base.abs().compareTo(BigDecimal.ONE) == 0) {
            // BigDecimal.pow refuses exponents beyond 999999999; a power of ±1 needs none.
            boolean negative = base.signum() < 0 && (n & 1) != 0;
            return (negative ? BigDecimal.ONE.negate() : BigDecimal.ONE).setScale(scale);
        }
        int significant = Math.max((int) Math.ceil(weight), 0) + scale + 12;
        if (Math.abs((long) n) > 999_999_999L) {
            // beyond BigDecimal.pow's range: exp(n ln|base|), with the sign of an odd power of a negative base
            BigDecimal magnitude = NumericTranscendentals.exp(
                    NumericTranscendentals.ln(base.abs(), significant + 12).multiply(BigDecimal.valueOf(n)), scale);
            return base.signum() < 0 && (n & 1) != 0 ? magnitude.negate() : magnitude;
        }
        BigDecimal result = base.pow(n, new MathContext(significant));
        return result.setScale(scale, RoundingMode.HALF_UP);
    }

    /** log10 of a positive value from its first 16 or so digits. */
    private static double log10Estimate(BigDecimal positive) {
        int exponent = positive.precision() - positive.scale() - 1;
        double mantissa = positive.movePointLeft(exponent).round(new MathContext(17, RoundingMode.DOWN)).doubleValue();
        return Math.log10(mantissa) + exponent;
    }

    /**
     * PostgreSQL's estimate_ln_dweight: the decimal weight of ln(x), from ln(1+y) ~ y near 1 and otherwise
     * from the first base-10000 digits of x.
     */
    static int lnDecimalWeight(BigDecimal x) {
        if (x.signum() <= 0) {
            return 0;
        }
        if (x.compareTo(new BigDecimal("0.9")) >= 0 && x.compareTo(new BigDecimal("1.1")) <= 0) {
            BigDecimal y = x.subtract(BigDecimal.ONE);
            return y.signum() == 0 ? 0 : y.precision() - y.scale() - 1;
        }
        int weight = NumericMath.base10000Weight(x);
        BigDecimal scaled = x.movePointLeft(4 * weight);
        long digits = scaled.setScale(0, RoundingMode.DOWN).longValueExact();
        int decimalWeight = weight * 4;
        if (scaled.compareTo(BigDecimal.valueOf(digits)) != 0) {
            digits = x.movePointLeft(4 * (weight - 1)).setScale(0, RoundingMode.DOWN).longValueExact();
            decimalWeight -= 4;
        }
        double ln = Math.log((double) digits) + decimalWeight * 2.302585092994046;
        return (int) Math.log10(Math.abs(ln));
    }

    static boolean isIntegral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static int clampScale(int scale, int inputScale) {
        return Math.min(Math.max(Math.max(scale, inputScale), 0), MAX_DISPLAY_SCALE);
    }

    private static void checkLogArgument(BigDecimal x) {
        if (x.signum() == 0) {
            throw logOfZero();
        }
        if (x.signum() < 0) {
            throw logOfNegative();
        }
    }

    private static BasaltException logOfZero() {
        return BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of zero");
    }

    private static BasaltException logOfNegative() {
        return BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_LOG, "cannot take logarithm of a negative number");
    }

    private static BasaltException negativeSquareRoot() {
        return BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                "cannot take square root of a negative number");
    }
}
