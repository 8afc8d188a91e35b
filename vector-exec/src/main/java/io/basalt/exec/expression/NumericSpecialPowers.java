package io.basalt.exec.expression;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.NumericSpecial;
import java.math.BigDecimal;

/**
 * NUMERIC {@code power(x, y)} when x or y is NaN or infinite, by the POSIX rules for pow(3) that PostgreSQL
 * follows: NaN ^ 0 = 1 and 1 ^ NaN = 1 but other NaN inputs give NaN; zero to a negative power and a negative
 * number to a non-integer power are still errors; otherwise the limits (|x| > 1 to +Infinity is Infinity,
 * -Infinity to an odd integer keeps its sign, and so on).
 */
final class NumericSpecialPowers {
    private NumericSpecialPowers() {
    }

    static BigDecimal power(BigDecimal x, BigDecimal y) {
        if (x == NumericSpecial.NAN) {
            return !(y instanceof NumericSpecial) && y.signum() == 0 ? BigDecimal.ONE : NumericSpecial.NAN;
        }
        if (y == NumericSpecial.NAN) {
            return !(x instanceof NumericSpecial) && x.compareTo(BigDecimal.ONE) == 0 ? BigDecimal.ONE : NumericSpecial.NAN;
        }
        int signX = x.signum();
        int signY = y.signum();
        if (signX == 0 && signY < 0) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "zero raised to a negative power is undefined");
        }
        if (signX < 0 && !(y instanceof NumericSpecial) && !NumericElementary.isIntegral(y)) {
            throw BasaltException.of(SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION,
                    "a negative number raised to a non-integer power yields a complex result");
        }
        if (!(x instanceof NumericSpecial) && x.compareTo(BigDecimal.ONE) == 0) {
            return BigDecimal.ONE;
        }
        if (signY == 0) {
            return BigDecimal.ONE;
        }
        if (signX == 0) {
            return BigDecimal.ZERO;
        }
        if (NumericSpecial.isInfinite(y)) {
            boolean greaterThanOne;
            if (x instanceof NumericSpecial) {
                greaterThanOne = true;
            } else {
                if (x.compareTo(BigDecimal.ONE.negate()) == 0) {
                    return BigDecimal.ONE;
                }
                greaterThanOne = x.abs().compareTo(BigDecimal.ONE) > 0;
            }
            return greaterThanOne == (signY > 0) ? NumericSpecial.POSITIVE_INFINITY : BigDecimal.ZERO;
        }
        if (x == NumericSpecial.POSITIVE_INFINITY) {
            return signY > 0 ? NumericSpecial.POSITIVE_INFINITY : BigDecimal.ZERO;
        }
        if (signY < 0) {
            return BigDecimal.ZERO;
        }
        boolean oddInteger = NumericElementary.isIntegral(y) && y.toBigInteger().testBit(0);
        return oddInteger ? NumericSpecial.NEGATIVE_INFINITY : NumericSpecial.POSITIVE_INFINITY;
    }
}
