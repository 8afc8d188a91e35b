package io.basalt.engine.setting;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A floating-point parameter between {@code min} and {@code max} (the planner's cost constants, fractions and
 * multipliers), read as PostgreSQL's {@code parse_real} reads it ({@code strtod}, optionally followed by spaces;
 * none of Basalt's real parameters has a unit) and printed as C's {@code printf("%g")} prints it, as SHOW does.
 */
public record RealType(double min, double max) implements ParameterType {
    private static final int SIGNIFICANT_DIGITS = 6;

    @Override
    public String canonical(Parameter parameter, Assignment assignment) {
        String text = assignment.text();
        NumberScan scan = NumberScan.decimal(text);
        if (scan == null || scan.overflow() || IntegerType.skipSpaces(text, scan.end()) < text.length()) {
            throw InvalidValue.of(assignment.writtenName(), text);
        }
        double value = scan.value();
        if (value < min || value > max) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.INVALID_PARAMETER_VALUE,
                    formatG(value) + " is outside the valid range for parameter \"" + assignment.writtenName() + "\" ("
                            + formatG(min) + " .. " + formatG(max) + ")");
        }
        return formatG(value);
    }

    /**
     * {@code value} as {@code %g} writes it: six significant digits, trailing zeros dropped, in exponent form
     * ({@code 1e+07}, {@code 1.23457e-05}) when the decimal exponent is below -4 or at least 6.
     */
    static String formatG(double value) {
        if (value == 0) {
            return (1 / value < 0) ? "-0" : "0";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= SIGNIFICANT_DIGITS) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String digits = mantissa.scale() <= 0 ? mantissa.toBigInteger().toString() : mantissa.toPlainString();
            String sign = exponent < 0 ? "-" : "+";
            int magnitude = Math.abs(exponent);
            return digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
        }
        BigDecimal plain = rounded.stripTrailingZeros();
        return plain.scale() <= 0 ? plain.toBigInteger().toString() : plain.toPlainString();
    }
}
