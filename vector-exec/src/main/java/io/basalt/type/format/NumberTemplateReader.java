package io.basalt.type.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.expression.NumericElementary;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * {@code to_number(text, template)}: reads a number by walking the template over the text as PostgreSQL
 * does. Digit positions take a digit (or the sign, or the decimal point, when one stands there instead),
 * the decimal point and group separator take their characters when present, sign patterns take
 * {@code -}/{@code +}, {@code PR} takes angle brackets, and literal text skips one character that is not
 * part of the number. The result keeps as many decimals as were read; {@code V} multiplies by
 * {@code power(10, -n)} as PostgreSQL 18 does (PostgreSQL 15 divides, with fewer decimals). {@code RN}
 * (PostgreSQL 18) reads a Roman numeral ({@link RomanNumerals}).
 */
public final class NumberTemplateReader {
    private NumberTemplateReader() {
    }

    public static BigDecimal read(NumberTemplate template, String text) {
        StringBuilder digits = new StringBuilder();
        int decimals = 0;
        boolean decimal = false;
        boolean negative = false;
        boolean signRead = false;
        int at = 0;
        int length = text.length();
        if (template.brackets && at < length && text.charAt(at) == '<') {
            negative = true;
            signRead = true;
            at++;
        }
        for (NumberTemplate.Item item : template.items) {
            if (at >= length) {
                break;
            }
            char c = text.charAt(at);
            switch (item.token()) {
                case NINE, ZERO -> {
                    while (c == ' ' && at + 1 < length) {
                        c = text.charAt(++at);
                    }
                    if ((c == '-' || c == '+') && !signRead) {
                        negative = c == '-';
                        signRead = true;
                        if (++at >= length) {
                            continue;
                        }
                        c = text.charAt(at);
                    }
                    if (c >= '0' && c <= '9') {
                        digits.append(c);
                        if (decimal) {
                            decimals++;
                        }
                        at++;
                    } else if (c == '.' && template.hasPoint && !decimal) {
                        decimal = true;
                        at++;
                    }
                }
                case POINT -> {
                    if (c == '.' && !decimal) {
                        decimal = true;
                        at++;
                    }
                }
                case GROUP -> {
                    if (c == ',') {
                        at++;
                    }
                }
                case SIGN, MINUS, PLUS, PLUS_MINUS -> {
                    if ((c == '-' || c == '+') && !signRead) {
                        negative = c == '-';
                        signRead = true;
                        at++;
                    }
                }
                case BRACKETS -> {
                    if (c == '>') {
                        at++;
                    }
                }
                case CURRENCY, LITERAL -> {
                    if (!(c >= '0' && c <= '9') && c != '.' && c != '-' && c != '+') {
                        at++;
                    }
                }
                case ORDINAL -> {
                    for (int k = 0; k < 2 && at < length && Character.isLetter(text.charAt(at)); k++) {
                        at++;
                    }
                }
                case ROMAN -> {
                    // the numeral is the number: what digits were read before it is dropped
                    at = RomanNumerals.read(text, at, digits);
                    decimals = 0;
                    decimal = false;
                }
                case MULTIPLY, EXPONENT, BLANK -> {
                }
            }
        }
        if (digits.isEmpty()) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                    "invalid input syntax for type numeric: \" \"");
        }
        BigDecimal value = new BigDecimal(new BigInteger(digits.toString()), decimals);
        if (negative) {
            value = value.negate();
        }
        if (template.multiplier > 0) {
            // the product's scale is the power's, which follows its estimated weight (16 + n decimals)
            value = value.multiply(NumericElementary.power(BigDecimal.TEN,
                    BigDecimal.valueOf(-template.multiplier)));
        }
        return value;
    }
}
