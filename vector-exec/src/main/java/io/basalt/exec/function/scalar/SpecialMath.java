package io.basalt.exec.function.scalar;

/**
 * The special functions of double precision that Java's Math lacks: the gamma function, the logarithm of its
 * absolute value, the error function and its complement, computed to about 15 significant digits as C's
 * {@code tgamma}, {@code lgamma}, {@code erf} and {@code erfc} do. These are pure functions of the IEEE value:
 * poles give an infinity, results below the smallest double give zero, and callers decide which of those is
 * an error (PostgreSQL's rules live in {@link FloatFunction}).
 */
final class SpecialMath {
    /** Lanczos's approximation with g = 7 and nine terms (relative error near 1e-15 on x >= 0.5). */
    private static final double LANCZOS_G = 7;
    private static final double[] LANCZOS = {
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    };
    private static final double HALF_LOG_TWO_PI = 0.91893853320467274178;
    private static final double TWO_OVER_SQRT_PI = 1.12837916709551257390;
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;

    private SpecialMath() {
    }

    /**
     * Γ(x). Contract: NaN gives NaN, +∞ gives +∞, zero and the negative integers (poles) give an infinity,
     * -∞ gives NaN, a result too large gives an infinity and one too small gives zero.
     */
    static double gamma(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return Double.NaN;
        }
        if (x == Math.rint(x)) {
            if (x <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            if (x <= 171) {
                // integers: the factorial, exact up to 22! and rounded once per factor above
                double product = 1;
                for (int i = 2; i < (int) x; i++) {
                    product *= i;
                }
                return product;
            }
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            double sine = sinPi(x);
            double reflected = gamma(1 - x);
            if (Double.isInfinite(reflected)) {
                return 0 * Math.signum(sine);
            }
            return Math.PI / (sine * reflected);
        }
        if (x > 171.7) {
            return Double.POSITIVE_INFINITY;
        }
        double z = x - 1;
        double t = z + LANCZOS_G + 0.5;
        // t^(z+1/2) in two halves so that it does not overflow before exp(-t) scales it down
        double half = Math.pow(t, (z + 0.5) / 2);
        return Math.sqrt(2 * Math.PI) * half * Math.exp(-t) * half * lanczosSum(z);
    }

    /**
     * ln|Γ(x)|. Contract: NaN gives NaN, ±∞ give +∞, zero and the negative integers give +∞, and exactly 0
     * at 1 and 2.
     */
    static double logGamma(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x == 1 || x == 2) {
            return 0;
        }
        if (x <= 0 && x == Math.rint(x)) {
            return Double.POSITIVE_INFINITY;
        }
        if (x < 0.5) {
            // reflection: ln|Γ(x)| = ln(π / |sin(πx)|) - ln|Γ(1-x)|
            return Math.log(Math.PI / Math.abs(sinPi(x))) - logGamma(1 - x);
        }
        if (x < 20) {
            return Math.log(Math.abs(gamma(x)));
        }
        double z = x - 1;
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(lanczosSum(z));
    }

    private static double lanczosSum(double z) {
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return sum;
    }

    /** sin(πx), with the argument reduced exactly modulo 2 first so that large x keep their precision. */
    private static double sinPi(double x) {
        double r = x - 2 * Math.floor(x / 2);
        if (r > 1) {
            return -Math.sin(Math.PI * (r - 1));
        }
        return Math.sin(Math.PI * r);
    }

    /** erf(x): odd, ±1 at the infinities, NaN for NaN. */
    static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double magnitude = Math.abs(x);
        double result = magnitude <= 2 ? erfSeries(magnitude) : 1 - erfcFraction(magnitude);
        return x < 0 ? -result : result;
    }

    /** erfc(x) = 1 - erf(x), keeping its relative precision for large x where it becomes tiny. */
    static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (x < 0) {
            return 1 + erf(-x);
        }
        return x <= 1 ? 1 - erfSeries(x) : erfcFraction(x);
    }

    /**
     * erf for 0 <= x <= 2 by the series 2/√π · e^(-x²) · Σ x (2x²)^n / (1·3·…·(2n+1)), whose terms are all
     * positive (no cancellation).
     */
    private static double erfSeries(double x) {
        double square = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * square / (2 * n + 1);
            sum += term;
            if (term <= sum * 1e-17) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * expMinusSquare(x) * sum;
    }

    /**
     * erfc for x > 1 by its continued fraction e^(-x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated
     * by the modified Lentz method.
     */
    private static double erfcFraction(double x) {
        if (x == Double.POSITIVE_INFINITY) {
            return 0;
        }
        double tiny = 1e-300;
        double fraction = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 5000; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? 1 / tiny : 1 / d;
            c = x + a / c;
            if (c == 0) {
                c = tiny;
            }
            double delta = c * d;
            fraction *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return ONE_OVER_SQRT_PI * expMinusSquare(x) / fraction;
    }

    /** e^(-x²) with x² split into an exact part and a small remainder, so that large x lose no digits. */
    private static double expMinusSquare(double x) {
        if (x > 40) {
            return 0;
        }
        double high = (float) x;
        double low = x - high;
        return Math.exp(-high * high) * Math.exp(-low * (x + high));
    }
}
