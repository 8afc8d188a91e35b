package io.basalt.type;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * PostgreSQL's text output for each type (what {@code psql} shows): booleans as {@code t}/{@code f},
 * NUMERIC with its scale, doubles in the shortest form that reads back exactly (PostgreSQL 12+ with
 * {@code extra_float_digits = 1}), dates in ISO style with a {@code BC} suffix before year 1.
 */
public final class TextFormat {
    private TextFormat() {
    }

    public static String formatBoolean(boolean value) {
        return value ? "t" : "f";
    }

    /** A scaled 64-bit NUMERIC: {@code unscaled / 10^scale} with exactly {@code scale} decimals. */
    public static String formatScaledLong(long unscaled, int scale) {
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    public static String formatDecimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** Days since 1970-01-01 as {@code YYYY-MM-DD}, or {@code YYYY-MM-DD BC}. */
    public static String formatDate(long epochDay) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        StringBuilder out = new StringBuilder(13);
        boolean bc = year <= 0;
        int shownYear = bc ? 1 - year : year;
        appendPadded(out, shownYear, 4);
        out.append('-');
        appendPadded(out, date.getMonthValue(), 2);
        out.append('-');
        appendPadded(out, date.getDayOfMonth(), 2);
        if (bc) {
            out.append(" BC");
        }
        return out.toString();
    }

    /**
     * PostgreSQL's float8 output: the shortest digits that read back to the same double, in positional
     * notation when the decimal exponent is in [-4, 15), else as {@code d.ddde+XX}.
     */
    public static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value) < 0 ? "-0" : "0";
        }
        // Java's Double.toString gives the shortest round-tripping digits (JDK 19+); reshape them.
        BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(24);
        if (value < 0) {
            out.append('-');
        }
        if (exponent < -4 || exponent >= 15) {
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

    private static void appendPadded(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
