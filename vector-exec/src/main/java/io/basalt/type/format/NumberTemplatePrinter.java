package io.basalt.type.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code to_char} of a number through a compiled {@link NumberTemplate}, as PostgreSQL prints it: digits
 * right-aligned into the template's digit positions (leading positions blank, or {@code 0} from the first
 * {@code 0} on), a sign slot in front unless the template places the sign itself, group separators blank
 * before the first digit, {@code #} in every digit position when the value does not fit (NaN and the
 * infinities print their names when the digit positions hold them), and under {@code FM} no padding and no
 * trailing zeros in {@code 9} positions. Doubles keep only the digits their precision holds (15 significant, 6
 * for real), as PostgreSQL does; where the kept digits end before the template's, so does the output.
 */
public final class NumberTemplatePrinter {
    private static final String[] ROMAN_ONES = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    private static final String[] ROMAN_TENS = {"", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"};
    private static final String[] ROMAN_HUNDREDS = {"", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"};
    private static final String[] ROMAN_THOUSANDS = {"", "M", "MM", "MMM"};

    private NumberTemplatePrinter() {
    }

    /** An exact value (integer or numeric); null prints as a NaN does. */
    public static String print(NumberTemplate template, BigDecimal value) {
        if (value == null) {
            return overflow(template, false);
        }
        if (template.roman) {
            return roman(template, value.setScale(0, RoundingMode.HALF_UP));
        }
        BigDecimal scaled = template.multiplier == 0 ? value : value.movePointRight(template.multiplier);
        if (template.exponent) {
            return exponent(template, scaled);
        }
        return digits(template, scaled.setScale(template.fractionDigits, RoundingMode.HALF_UP), template.fractionDigits);
    }

    /**
     * A double (or a real, {@code real} true). NaN and the infinities print their names into the digit positions
     * when these are wide enough, else as overflow; NUMERIC's special values print as a double's do.
     */
    public static String print(NumberTemplate template, double value, boolean real) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            if (template.roman || template.exponent) {
                return overflow(template, value < 0);
            }
            String name = Double.isNaN(value) ? "NaN" : "Infinity";
            int fraction = keptFraction(template, name.length(), real);
            if (name.length() > template.integerDigits) {
                return layout(template, value < 0, "", "#".repeat(fraction), fraction, true);
            }
            return layout(template, value < 0, name, "", 0, false);
        }
        if (template.roman) {
            return roman(template, new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN));
        }
        double scaled = template.multiplier == 0 ? value : value * Math.pow(10, template.multiplier);
        BigDecimal exact = new BigDecimal(scaled);
        if (template.exponent) {
            return exponent(template, exact);
        }
        int integerLength = exact.abs().setScale(0, RoundingMode.HALF_EVEN).toPlainString().length();
        int fraction = keptFraction(template, integerLength, real);
        return digits(template, exact.setScale(fraction, RoundingMode.HALF_EVEN), fraction);
    }

    /** The decimals a double keeps: its digits (15 significant, 6 for real) less the integer part's. */
    private static int keptFraction(NumberTemplate template, int integerLength, boolean real) {
        int precision = real ? 6 : 15;
        if (integerLength >= precision) {
            return 0;
        }
        return Math.min(template.fractionDigits, precision - integerLength);
    }

    private static String digits(NumberTemplate template, BigDecimal rounded, int fraction) {
        boolean negative = rounded.signum() < 0;
        String plain = rounded.abs().toPlainString();
        int point = plain.indexOf('.');
        String integer = point < 0 ? plain : plain.substring(0, point);
        String fractionText = point < 0 ? "" : plain.substring(point + 1);
        if (integer.equals("0") && template.hasPoint && template.fractionDigits > 0) {
            integer = "";
        }
        boolean overflow = integer.length() > template.integerDigits;
        int relevant = fractionText.length();
        if (template.fillMode && !overflow) {
            while (relevant > template.zeroEnd && fractionText.charAt(relevant - 1) == '0') {
                relevant--;
            }
            if (integer.isEmpty() && relevant == 0 && !overflow) {
                integer = "0";
            }
        }
        return layout(template, negative, integer, fractionText, relevant, overflow);
    }

    private static String layout(NumberTemplate template, boolean negative, String integer, String fraction,
                                 int relevant, boolean overflow) {
        boolean fill = template.fillMode;
        int leading = overflow ? 0 : template.integerDigits - integer.length();
        int firstPrinted = Math.min(leading, template.zeroStart);
        StringBuilder out = new StringBuilder(template.integerDigits + template.fractionDigits + 4);
        boolean signDone = template.explicitSign && !template.leadingSign && !template.brackets;
        boolean printedAny = false;
        int integerPosition = 0;
        int fractionPosition = 0;
        boolean afterPoint = false;
        for (NumberTemplate.Item item : template.items) {
            switch (item.token()) {
                case NINE, ZERO -> {
                    if (afterPoint) {
                        if (fractionPosition >= fraction.length()) {
                            // the number's text has run out (a double keeping fewer decimals): PostgreSQL's
                            // output ends here, whatever the template holds further
                            return out.toString();
                        }
                        if (!fill || fractionPosition < relevant) {
                            out.append(overflow ? '#' : fraction.charAt(fractionPosition));
                        }
                        fractionPosition++;
                        continue;
                    }
                    if (integerPosition < firstPrinted) {
                        if (!fill) {
                            out.append(' ');
                        }
                    } else {
                        if (!signDone) {
                            appendFloatingSign(out, template, negative);
                            signDone = true;
                        }
                        printedAny = true;
                        out.append(overflow ? '#' : integerPosition < leading ? '0'
                                : integer.charAt(integerPosition - leading));
                    }
                    integerPosition++;
                }
                case POINT -> {
                    if (!signDone) {
                        appendFloatingSign(out, template, negative);
                        signDone = true;
                    }
                    if (!overflow && fraction.isEmpty() && template.fractionDigits > 0) {
                        // no decimals to show (a double's digits all went to the integer part, or NaN or an
                        // infinity printed by name): PostgreSQL's output ends before the point
                        return out.toString();
                    }
                    afterPoint = true;
                    if (template.fractionDigits > 0) {
                        out.append('.');
                    }
                }
                case GROUP -> {
                    if (printedAny || afterPoint) {
                        out.append(',');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case SIGN -> {
                    if (!template.leadingSign) {
                        out.append(negative ? '-' : '+');
                    }
                }
                case MINUS -> {
                    if (negative) {
                        out.append('-');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case PLUS -> {
                    if (!negative) {
                        out.append('+');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case PLUS_MINUS -> out.append(negative ? '-' : '+');
                case BRACKETS -> {
                    if (negative) {
                        out.append('>');
                    } else if (!fill) {
                        out.append(' ');
                    }
                }
                case CURRENCY -> out.append(' ');
                case ORDINAL -> {
                    if (!negative && fraction.isEmpty() && !overflow) {
                        DateTimeTemplatePrinter.appendOrdinal(out, 0, item.lower());
                    }
                }
                case LITERAL -> out.append(item.text());
                case ROMAN, MULTIPLY, EXPONENT, BLANK -> {
                }
            }
        }
        if (!signDone && (template.integerDigits > 0 || template.fractionDigits > 0 || template.hasPoint)) {
            // the sign goes with the digits: a template without any ('f"ool"') prints none
            appendFloatingSign(out, template, negative);
        }
        return out.toString();
    }

    private static void appendFloatingSign(StringBuilder out, NumberTemplate template, boolean negative) {
        if (template.brackets) {
            if (negative) {
                out.append('<');
            } else if (!template.fillMode) {
                out.append(' ');
            }
        } else if (template.leadingSign) {
            out.append(negative ? '-' : '+');
        } else if (negative) {
            out.append('-');
        } else if (!template.fillMode) {
            out.append(' ');
        }
    }

    /** Every digit position {@code #}, the decimal point kept. */
    private static String overflow(NumberTemplate template, boolean negative) {
        if (template.roman) {
            return "###############";
        }
        if (template.exponent) {
            StringBuilder out = new StringBuilder(" ");
            out.append("#".repeat(template.integerDigits));
            out.append('.');
            out.append("#".repeat(template.fractionDigits + 4));
            return out.toString();
        }
        return layout(template, negative, "", "#".repeat(template.fractionDigits), template.fractionDigits, true);
    }

    private static String roman(NumberTemplate template, BigDecimal integer) {
        if (integer.compareTo(BigDecimal.ONE) < 0 || integer.compareTo(BigDecimal.valueOf(3999)) > 0) {
            return "###############";
        }
        int n = integer.intValue();
        String text = ROMAN_THOUSANDS[n / 1000] + ROMAN_HUNDREDS[n / 100 % 10] + ROMAN_TENS[n / 10 % 10]
                + ROMAN_ONES[n % 10];
        boolean lower = false;
        for (NumberTemplate.Item item : template.items) {
            if (item.token() == NumberTemplate.Token.ROMAN) {
                lower = item.lower();
            }
        }
        if (lower) {
            text = text.toLowerCase(java.util.Locale.ROOT);
        }
        return template.fillMode ? text : " ".repeat(15 - text.length()) + text;
    }

    /** {@code EEEE}: the sign or a blank, the mantissa with the template's decimals, {@code e+NN}. */
    private static String exponent(NumberTemplate template, BigDecimal value) {
        int decimals = template.fractionDigits;
        StringBuilder out = new StringBuilder();
        out.append(value.signum() < 0 ? '-' : ' ');
        BigDecimal magnitude = value.abs();
        int exponent = 0;
        String mantissa;
        if (magnitude.signum() == 0) {
            mantissa = decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        } else {
            BigDecimal rounded = magnitude.round(new java.math.MathContext(decimals + 1, RoundingMode.HALF_UP));
            exponent = rounded.precision() - rounded.scale() - 1;
            mantissa = rounded.movePointLeft(exponent).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
        }
        out.append(mantissa).append('e').append(exponent < 0 ? '-' : '+');
        int absolute = Math.abs(exponent);
        if (absolute < 10) {
            out.append('0');
        }
        out.append(absolute);
        return out.toString();
    }
}
