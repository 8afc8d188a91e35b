package io.basalt.exec.expression;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Square root, exponential and natural logarithm of finite NUMERICs to a requested number of decimals,
 * computed with enough guard digits that the result rounded half away from zero to that scale is, but for
 * vanishingly rare ties, the correctly rounded value. The result scales PostgreSQL chooses live in
 * {@link NumericElementary}; this class only computes.
 */
final class NumericTranscendentals {
    /** Extra digits carried through a computation beyond those the caller asked for. */
    private static final int GUARD = 12;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    /** ln(x) is reduced by square roots until x is within this distance of 1. */
    private static final BigDecimal NEAR_ONE = new BigDecimal("0.01");

    private NumericTranscendentals() {
    }

    /** sqrt(x) for x >= 0, rounded half up to {@code scale} decimals. */
    static BigDecimal sqrt(BigDecimal x, int scale) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        int integerDigits = Math.max((x.precision() - x.scale()) / 2 + 1, 1);
        BigDecimal root = x.sqrt(new MathContext(integerDigits + scale + GUARD, RoundingMode.DOWN));
        return root.setScale(scale, RoundingMode.HALF_UP);
    }

    /** ln(x) for x > 0 with an absolute error below 10^-(scale + a few), not yet rounded. */
    static BigDecimal ln(BigDecimal x, int scale) {
        int exponent = x.precision() - x.scale() - 1;
        BigDecimal mantissa = x.movePointLeft(exponent);
        int exponentDigits = Integer.toString(Math.abs(exponent)).length();
        MathContext context = new MathContext(Math.max(scale, 0) + exponentDigits + GUARD);
        BigDecimal result = lnNearOne(mantissa, context);
        if (exponent != 0) {
            result = result.add(ln10(context).multiply(BigDecimal.valueOf(exponent), context), context);
        }
        return result;
    }

    /** ln(10) to the context's precision. */
    private static BigDecimal ln10(MathContext context) {
        return lnNearOne(BigDecimal.TEN, context);
    }

    /**
     * ln(m) for a moderate positive m (here in [1, 10]): square roots bring m within 0.01 of 1, where
     * 2 atanh((m-1)/(m+1)) converges by more than four digits per term; the result is scaled back by 2^k.
     */
    private static BigDecimal lnNearOne(BigDecimal m, MathContext context) {
        MathContext working = new MathContext(context.getPrecision() + 6);
        int halvings = 0;
        while (m.subtract(BigDecimal.ONE).abs().compareTo(NEAR_ONE) > 0) {
            m = m.sqrt(working);
            halvings++;
        }
        BigDecimal z = m.subtract(BigDecimal.ONE).divide(m.add(BigDecimal.ONE), working);
        BigDecimal zSquared = z.multiply(z, working);
        BigDecimal term = z;
        BigDecimal sum = z;
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(working.getPrecision() + 2);
        for (int k = 3; term.abs().compareTo(threshold) > 0; k += 2) {
            term = term.multiply(zSquared, working);
            sum = sum.add(term.divide(BigDecimal.valueOf(k), working), working);
        }
        return sum.multiply(TWO.pow(halvings + 1), working);
    }

    /**
     * exp(x) rounded half up to {@code scale} decimals; "value overflows numeric format" when the result
     * would have more digits than a NUMERIC holds.
     */
    static BigDecimal exp(BigDecimal x, int scale) {
        double estimate = x.doubleValue() * 0.434294481903252;
        if (estimate > 131072) {
            throw overflow();
        }
        int resultWeight = (int) Math.floor(estimate);
        int significant = resultWeight + scale + 1;
        if (significant < -1) {
            return BigDecimal.ZERO.setScale(scale);
        }
        MathContext context = new MathContext(Math.max(significant, 1) + GUARD);
        // x = n ln(10) + r with |r| <= ln(10)/2: exp(x) = 10^n exp(r).
        long n = Math.round(x.doubleValue() / 2.302585092994046);
        int nDigits = Long.toString(Math.abs(n)).length();
        MathContext reduction = new MathContext(context.getPrecision() + nDigits
                + Math.max(x.precision() - x.scale(), 0) + 2);
        BigDecimal r = n == 0 ? x : x.subtract(ln10(reduction).multiply(BigDecimal.valueOf(n)), reduction);
        BigDecimal result = expSmall(r, context);
        return result.movePointRight((int) n).setScale(scale, RoundingMode.HALF_UP);
    }

    /** exp(r) for |r| of about 1 or less: Taylor series of r/2^8, squared eight times. */
    private static BigDecimal expSmall(BigDecimal r, MathContext context) {
        MathContext working = new MathContext(context.getPrecision() + 6);
        int squarings = 8;
        BigDecimal y = r.divide(BigDecimal.valueOf(1L << squarings), working);
        BigDecimal term = BigDecimal.ONE;
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal threshold = BigDecimal.ONE.movePointLeft(working.getPrecision() + 2);
        for (int k = 1; term.abs().compareTo(threshold) > 0; k++) {
            term = term.multiply(y, working).divide(BigDecimal.valueOf(k), working);
            sum = sum.add(term, working);
        }
        for (int i = 0; i < squarings; i++) {
            sum = sum.multiply(sum, working);
        }
        return sum;
    }

    static BasaltException overflow() {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }
}
