package io.basalt.type;

import io.basalt.error.BasaltException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * NUMERIC's three special values, NaN, Infinity and -Infinity, as {@link BigDecimal}s so that they travel
 * wherever an arbitrary-precision numeric's canonical value does.
 *
 * <p>Each is a sentinel whose inherited state is a number no finite NUMERIC can be (a one with a scale near
 * {@code Integer.MIN_VALUE}, about 10^2147483646), chosen so that {@link BigDecimal#compareTo},
 * {@code equals} and {@code hashCode}, called from either side, give PostgreSQL's order: -Infinity below
 * every finite value, Infinity above, NaN above Infinity and equal to itself. BigDecimal compares such
 * values by their exponents without ever expanding them.
 *
 * <p>Arithmetic must handle the special values before it reaches BigDecimal (see
 * {@code io.basalt.exec.expression.NumericMath}); the arithmetic methods here therefore fail loudly with an
 * internal error rather than compute with the sentinel. {@code negate}, {@code abs}, {@code signum},
 * {@code doubleValue} and {@code toString} give the special value's own answers.
 *
 * <p>Physical forms: in a VarBinary NUMERIC vector a special value is the scale bytes {@code 0x8000} followed
 * by one byte naming it ({@link DecimalCodec}); in a scaled 64-bit NUMERIC only NaN exists (PostgreSQL's
 * NUMERIC(p,s) cannot hold an infinity) and is stored as {@link #SCALED_LONG_NAN}.
 */
public final class NumericSpecial extends BigDecimal {
    /** Not a number: greater than every other numeric, equal to itself. */
    public static final NumericSpecial NAN = new NumericSpecial(BigInteger.ONE, Integer.MIN_VALUE + 1, 'N', "NaN");
    public static final NumericSpecial POSITIVE_INFINITY =
            new NumericSpecial(BigInteger.ONE, Integer.MIN_VALUE + 2, 'P', "Infinity");
    public static final NumericSpecial NEGATIVE_INFINITY =
            new NumericSpecial(BigInteger.ONE.negate(), Integer.MIN_VALUE + 2, 'M', "-Infinity");

    /**
     * NaN in a NUMERIC(p,s) stored as a scaled 64-bit integer: no value of 18 digits or fewer reaches it,
     * and it orders above all of them, as NaN does.
     */
    public static final long SCALED_LONG_NAN = Long.MAX_VALUE;

    private final byte code;
    private final String text;

    private NumericSpecial(BigInteger sentinel, int scale, char code, String text) {
        super(sentinel, scale);
        this.code = (byte) code;
        this.text = text;
    }

    /** Whether {@code value} is NaN or an infinity. */
    public static boolean isSpecial(BigDecimal value) {
        return value instanceof NumericSpecial;
    }

    public static boolean isNaN(BigDecimal value) {
        return value == NAN;
    }

    public static boolean isInfinite(BigDecimal value) {
        return value == POSITIVE_INFINITY || value == NEGATIVE_INFINITY;
    }

    /** The byte naming this value in {@link DecimalCodec}'s form. */
    byte code() {
        return code;
    }

    static NumericSpecial ofCode(byte code) {
        return switch (code) {
            case 'N' -> NAN;
            case 'P' -> POSITIVE_INFINITY;
            case 'M' -> NEGATIVE_INFINITY;
            default -> throw BasaltException.internal("unknown special numeric code " + code);
        };
    }

    /** The special value a double's NaN or infinity maps to, or null for a finite double. */
    public static NumericSpecial ofDouble(double value) {
        if (Double.isNaN(value)) {
            return NAN;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? POSITIVE_INFINITY : NEGATIVE_INFINITY;
        }
        return null;
    }

    /**
     * The special value spelled by {@code text} (already stripped of surrounding blanks) as numeric_in
     * accepts it, case-insensitively: {@code NaN}, and {@code Infinity} or {@code inf} with an optional sign;
     * null for anything else.
     */
    public static NumericSpecial parse(String text) {
        if (text.equalsIgnoreCase("nan")) {
            return NAN;
        }
        String unsigned = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        if (unsigned.equalsIgnoreCase("infinity") || unsigned.equalsIgnoreCase("inf")) {
            return text.startsWith("-") ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public String toPlainString() {
        return text;
    }

    @Override
    public String toEngineeringString() {
        return text;
    }

    @Override
    public BigDecimal negate() {
        return this == NAN ? NAN : this == POSITIVE_INFINITY ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    }

    @Override
    public BigDecimal negate(MathContext mc) {
        return negate();
    }

    @Override
    public BigDecimal abs() {
        return this == NAN ? NAN : POSITIVE_INFINITY;
    }

    @Override
    public BigDecimal abs(MathContext mc) {
        return abs();
    }

    @Override
    public BigDecimal stripTrailingZeros() {
        return this;
    }

    @Override
    public double doubleValue() {
        return this == NAN ? Double.NaN : this == POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public float floatValue() {
        return (float) doubleValue();
    }

    // Arithmetic on the sentinel would give nonsense (or try to expand 10^2147483646): fail loudly instead.

    private BasaltException unhandled(String operation) {
        return BasaltException.internal(operation + " reached numeric " + text + " without handling it");
    }

    @Override
    public BigDecimal add(BigDecimal augend) {
        throw unhandled("add");
    }

    @Override
    public BigDecimal add(BigDecimal augend, MathContext mc) {
        throw unhandled("add");
    }

    @Override
    public BigDecimal subtract(BigDecimal subtrahend) {
        throw unhandled("subtract");
    }

    @Override
    public BigDecimal subtract(BigDecimal subtrahend, MathContext mc) {
        throw unhandled("subtract");
    }

    @Override
    public BigDecimal multiply(BigDecimal multiplicand) {
        throw unhandled("multiply");
    }

    @Override
    public BigDecimal multiply(BigDecimal multiplicand, MathContext mc) {
        throw unhandled("multiply");
    }

    @Override
    public BigDecimal divide(BigDecimal divisor) {
        throw unhandled("divide");
    }

    @Override
    public BigDecimal divide(BigDecimal divisor, MathContext mc) {
        throw unhandled("divide");
    }

    @Override
    public BigDecimal divide(BigDecimal divisor, int scale, RoundingMode roundingMode) {
        throw unhandled("divide");
    }

    @Override
    public BigDecimal divide(BigDecimal divisor, RoundingMode roundingMode) {
        throw unhandled("divide");
    }

    @Override
    public BigDecimal remainder(BigDecimal divisor) {
        throw unhandled("remainder");
    }

    @Override
    public BigDecimal divideToIntegralValue(BigDecimal divisor) {
        throw unhandled("divideToIntegralValue");
    }

    @Override
    public BigDecimal pow(int n) {
        throw unhandled("pow");
    }

    @Override
    public BigDecimal sqrt(MathContext mc) {
        throw unhandled("sqrt");
    }

    @Override
    public BigDecimal setScale(int newScale, RoundingMode roundingMode) {
        throw unhandled("setScale");
    }

    @Override
    public BigDecimal setScale(int newScale) {
        throw unhandled("setScale");
    }

    @Override
    public BigDecimal round(MathContext mc) {
        throw unhandled("round");
    }

    @Override
    public BigDecimal movePointLeft(int n) {
        throw unhandled("movePointLeft");
    }

    @Override
    public BigDecimal movePointRight(int n) {
        throw unhandled("movePointRight");
    }

    @Override
    public BigDecimal scaleByPowerOfTen(int n) {
        throw unhandled("scaleByPowerOfTen");
    }

    @Override
    public BigInteger toBigInteger() {
        throw unhandled("toBigInteger");
    }

    @Override
    public BigInteger toBigIntegerExact() {
        throw unhandled("toBigIntegerExact");
    }

    @Override
    public long longValue() {
        throw unhandled("longValue");
    }

    @Override
    public long longValueExact() {
        throw unhandled("longValueExact");
    }

    @Override
    public int intValue() {
        throw unhandled("intValue");
    }

    @Override
    public int intValueExact() {
        throw unhandled("intValueExact");
    }
}
