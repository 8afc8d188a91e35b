package io.basalt.type;

import io.basalt.type.datetime.DateTimeOutput;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.datetime.IntervalOutput;
import io.basalt.type.datetime.IntervalStyle;
import java.math.BigDecimal;

/**
 * PostgreSQL's text output for each type (what {@code psql} shows): booleans as {@code t}/{@code f},
 * NUMERIC with its scale, doubles in the shortest form that reads back exactly (PostgreSQL 12+ with
 * {@code extra_float_digits = 1}). Dates, timestamps and intervals, whose text depends on the session's
 * settings, are printed by {@code io.basalt.type.datetime}; the two shortcuts here use the defaults.
 */
public final class TextFormat {
    private TextFormat() {
    }

    public static String formatBoolean(boolean value) {
        return value ? "t" : "f";
    }

    /** A scaled 64-bit NUMERIC: {@code unscaled / 10^scale} with exactly {@code scale} decimals. */
    public static String formatScaledLong(long unscaled, int scale) {
        return unscaled == NumericSpecial.SCALED_LONG_NAN ? "NaN" : BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    public static String formatDecimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** Days since 1970-01-01 as {@code YYYY-MM-DD}, or {@code YYYY-MM-DD BC} (the ISO DateStyle). */
    public static String formatDate(long epochDay) {
        return DateTimeOutput.formatDate(epochDay, DateTimeSettings.DEFAULT);
    }

    /**
     * PostgreSQL's float8 output: the shortest digits that read back to the same double, in positional
     * notation when the decimal exponent is in [-4, 15), else as {@code d.ddde+XX}.
     */
    public static String formatDouble(double value) {
        return formatShortest(value, Double.toString(value), 15);
    }

    /**
     * float8 output under {@code extra_float_digits}: the shortest exact form when it is positive, else
     * {@code printf("%.*g")} with {@code 15 + extraFloatDigits} significant digits (at least one), as PostgreSQL's
     * float8out does.
     */
    public static String formatDouble(double value, int extraFloatDigits) {
        return extraFloatDigits > 0 ? formatDouble(value) : formatSignificant(value, Math.max(1, 15 + extraFloatDigits));
    }

    /** PostgreSQL's float4 output: shortest float digits, positional for decimal exponents in [-4, 6). */
    public static String formatReal(double value) {
        return formatShortest(value, Float.toString((float) value), 6);
    }

    /** float4 output under {@code extra_float_digits}: as {@link #formatDouble(double, int)} with 6 digits. */
    public static String formatReal(double value, int extraFloatDigits) {
        return extraFloatDigits > 0 ? formatReal(value) : formatSignificant((float) value, Math.max(1, 6 + extraFloatDigits));
    }

    /**
     * C's {@code %.<precision>g}: {@code precision} significant digits rounded half to even from the exact binary
     * value, trailing zeros dropped, in exponent form when the decimal exponent is below -4 or at least
     * {@code precision}; PostgreSQL's spellings of NaN and the infinities.
     */
    static String formatSignificant(double value, int precision) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal stripped = rounded.stripTrailingZeros();
        StringBuilder out = new StringBuilder(24);
        if (exponent < -4 || exponent >= precision) {
            String digits = stripped.unscaledValue().abs().toString();
            if (value < 0) {
                out.append('-');
            }
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            appendPadded(out, Math.abs(exponent), 2);
            return out.toString();
        }
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    private static String formatShortest(double value, String shortest, int positionalLimit) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        // Java's toString gives the shortest round-tripping digits (JDK 19+); reshape them.
        BigDecimal exact = new BigDecimal(shortest).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= positionalLimit) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            appendPadded(out, Math.abs(exponent), 2);
        } else {
            out.append(exact.abs().toPlainString());
        }
        return out.toString();
    }

    /** An interval in PostgreSQL's default ({@code postgres}) style: {@code 1 year 2 mons 3 days 04:05:06.5}. */
    public static String formatInterval(Interval interval) {
        return IntervalOutput.format(interval, IntervalStyle.POSTGRES);
    }

    private static void appendPadded(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
