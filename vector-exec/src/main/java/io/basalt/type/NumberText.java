package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Text input of the integer types and NUMERIC as PostgreSQL 16+ reads it (a superset of PostgreSQL 15's
 * input): surrounding blanks, an optional sign, decimal digits or a {@code 0x}/{@code 0o}/{@code 0b} prefix
 * with hexadecimal, octal or binary digits, and single underscores between digits ({@code 1_000_000},
 * {@code 0x_1F}). NUMERIC also takes a fraction, an exponent and the special values {@code NaN},
 * {@code Infinity} and {@code inf}. Errors carry PostgreSQL's wording: 22P02 for bad syntax, 22003 for a value
 * outside the type.
 */
public final class NumberText {
    /** The most decimal digits before the point a NUMERIC can hold (PostgreSQL: 2^15 base-10000 digits). */
    private static final int MAX_INTEGER_DIGITS = 131072;
    /** The most decimal digits after the point a NUMERIC can hold. */
    private static final int MAX_SCALE = 16383;

    private NumberText() {
    }

    /**
     * An integer in {@code [min, max]} read from {@code text}; {@code typeName} (smallint, integer, bigint)
     * words the errors.
     */
    public static long parseInteger(String text, long min, long max, String typeName) {
        int length = text.length();
        int at = skipBlanks(text, 0);
        boolean negative = false;
        if (at < length && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        int radix = prefixRadix(text, at);
        boolean prefixed = radix != 10;
        if (prefixed) {
            at += 2;
        }
        int firstDigit = at;
        // Accumulate the negated magnitude, which reaches Long.MIN_VALUE without overflowing.
        long accumulated = 0;
        boolean overflow = false;
        while (at < length) {
            char c = text.charAt(at);
            int digit = Character.digit(c, radix);
            if (digit >= 0 && c < 128) {
                if (accumulated < Long.MIN_VALUE / radix) {
                    overflow = true;
                } else {
                    accumulated *= radix;
                    if (accumulated < Long.MIN_VALUE + digit) {
                        overflow = true;
                    }
                    accumulated -= digit;
                }
                at++;
            } else if (c == '_' && (prefixed || at != firstDigit)) {
                at++;
                if (at >= length || Character.digit(text.charAt(at), radix) < 0 || text.charAt(at) >= 128) {
                    throw invalidInput(typeName, text);
                }
            } else {
                break;
            }
        }
        if (at == firstDigit || skipBlanks(text, at) != length) {
            throw invalidInput(typeName, text);
        }
        if (!negative && accumulated == Long.MIN_VALUE) {
            overflow = true;
        }
        long value = negative ? accumulated : -accumulated;
        if (overflow || value < min || value > max) {
            throw BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE,
                    "value \"" + text + "\" is out of range for type " + typeName);
        }
        return value;
    }

    /**
     * A NUMERIC read from {@code text}: a finite value with a scale of at least 0 (the digits written after
     * the point, less the exponent), or one of the {@link NumericSpecial} values.
     */
    public static BigDecimal parseNumeric(String text) {
        int length = text.length();
        int start = skipBlanks(text, 0);
        int end = length;
        while (end > start && isBlank(text.charAt(end - 1))) {
            end--;
        }
        NumericSpecial special = NumericSpecial.parse(text.substring(start, end));
        if (special != null) {
            return special;
        }
        int at = start;
        boolean negative = false;
        if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
            negative = text.charAt(at) == '-';
            at++;
        }
        int radix = prefixRadix(text, at);
        if (radix != 10) {
            return parseNonDecimal(text, at + 2, end, radix, negative);
        }
        StringBuilder digits = new StringBuilder(end - at);
        int scale = 0;
        boolean point = false;
        if (at >= end || !(isDigit(text.charAt(at)) || text.charAt(at) == '.' && at + 1 < end && isDigit(text.charAt(at + 1)))) {
            throw invalidInput("numeric", text);
        }
        while (at < end) {
            char c = text.charAt(at);
            if (isDigit(c)) {
                digits.append(c);
                if (point) {
                    scale++;
                }
                at++;
            } else if (c == '.') {
                if (point || at + 1 < end && text.charAt(at + 1) == '_') {
                    throw invalidInput("numeric", text);
                }
                point = true;
                at++;
            } else if (c == '_') {
                at++;
                if (at >= end || !isDigit(text.charAt(at))) {
                    throw invalidInput("numeric", text);
                }
            } else {
                break;
            }
        }
        long exponent = 0;
        if (at < end && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            boolean negativeExponent = false;
            if (at < end && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                negativeExponent = text.charAt(at) == '-';
                at++;
            }
            if (at >= end || !isDigit(text.charAt(at))) {
                throw invalidInput("numeric", text);
            }
            while (at < end) {
                char c = text.charAt(at);
                if (isDigit(c)) {
                    exponent = exponent * 10 + (c - '0');
                    if (exponent > Integer.MAX_VALUE / 2) {
                        throw overflow();
                    }
                    at++;
                } else if (c == '_') {
                    at++;
                    if (at >= end || !isDigit(text.charAt(at))) {
                        throw invalidInput("numeric", text);
                    }
                } else {
                    break;
                }
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (at != end) {
            throw invalidInput("numeric", text);
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        int finalScale = (int) (scale - exponent);
        BigDecimal value = new BigDecimal(negative ? unscaled.negate() : unscaled, finalScale);
        if (finalScale < 0) {
            value = value.setScale(0);
        }
        return checkSize(value);
    }

    /**
     * Raises PostgreSQL's "value overflows numeric format" when {@code value} has more digits before the point
     * or after it than a NUMERIC can store; returns it otherwise.
     */
    public static BigDecimal checkSize(BigDecimal value) {
        if (value.scale() > MAX_SCALE || value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw overflow();
        }
        return value;
    }

    private static BigDecimal parseNonDecimal(String text, int at, int end, int radix, boolean negative) {
        int firstDigit = at;
        StringBuilder digits = new StringBuilder(end - at);
        while (at < end) {
            char c = text.charAt(at);
            if (c < 128 && Character.digit(c, radix) >= 0) {
                digits.append(c);
                at++;
            } else if (c == '_') {
                at++;
                if (at >= end || text.charAt(at) >= 128 || Character.digit(text.charAt(at), radix) < 0) {
                    throw invalidInput("numeric", text);
                }
            } else {
                break;
            }
        }
        if (at == firstDigit || at != end) {
            throw invalidInput("numeric", text);
        }
        BigInteger value = new BigInteger(digits.toString(), radix);
        return checkSize(new BigDecimal(negative ? value.negate() : value));
    }

    /** 16, 8 or 2 when {@code text} has a {@code 0x}, {@code 0o} or {@code 0b} prefix at {@code at}; else 10. */
    private static int prefixRadix(String text, int at) {
        if (at + 1 >= text.length() || text.charAt(at) != '0') {
            return 10;
        }
        return switch (text.charAt(at + 1)) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 10;
        };
    }

    private static int skipBlanks(String text, int at) {
        while (at < text.length() && isBlank(text.charAt(at))) {
            at++;
        }
        return at;
    }

    /** C's isspace in the C locale. */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static BasaltException overflow() {
        return BasaltException.of(SqlState.NUMERIC_VALUE_OUT_OF_RANGE, "value overflows numeric format");
    }

    private static BasaltException invalidInput(String typeName, String text) {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid input syntax for type " + typeName + ": \"" + text + "\"");
    }
}
