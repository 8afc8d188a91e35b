package io.basalt.type.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * Reading a Roman numeral for {@code to_number(text, 'RN')}, with PostgreSQL 18's rules: leading white space is
 * skipped, at most 15 numerals (any case) are read, and the numeral must be well formed: I, X and C repeat at
 * most three times, V, L and D once and never before a larger numeral, a subtraction pairs I with V or X, X with
 * L or C, or C with D or M, a subtracted numeral is not repeated before its pair, and nothing after a
 * subtraction is as large as the numeral subtracted. Anything else is 22P02 "invalid Roman numeral".
 */
final class RomanNumerals {
    private static final int MAX_LENGTH = 15;

    private RomanNumerals() {
    }

    /**
     * Reads the numeral of {@code text} starting at {@code at}, appends its value's digits to {@code digits}
     * (replacing what it held) and returns the position after it.
     */
    static int read(String text, int at, StringBuilder digits) {
        int position = at;
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        char[] numerals = new char[MAX_LENGTH];
        int length = 0;
        while (length < MAX_LENGTH && position < text.length()
                && value(Character.toUpperCase(text.charAt(position))) > 0) {
            numerals[length++] = Character.toUpperCase(text.charAt(position++));
        }
        int result = length == 0 ? -1 : evaluate(numerals, length);
        if (result < 0) {
            throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid Roman numeral");
        }
        digits.setLength(0);
        digits.append(result);
        return position;
    }

    /** The value of the well-formed numeral {@code numerals[0, length)}, or -1. */
    private static int evaluate(char[] numerals, int length) {
        int result = 0;
        int repeats = 1;
        boolean fives = false;
        boolean fifties = false;
        boolean fiveHundreds = false;
        int lastSubtracted = 0;
        for (int i = 0; i < length; i++) {
            char current = numerals[i];
            int currentValue = value(current);
            if (lastSubtracted > 0 && currentValue >= lastSubtracted) {
                return -1;
            }
            if (!admits(currentValue, fives, fifties, fiveHundreds)) {
                return -1;
            }
            fives |= current == 'V';
            fifties |= current == 'L';
            fiveHundreds |= current == 'D';
            if (i == length - 1) {
                result += currentValue;
                continue;
            }
            char next = numerals[i + 1];
            int nextValue = value(next);
            if (currentValue < nextValue) {
                if (!subtracts(current, next) || repeats > 1
                        || !admits(nextValue, fives, fifties, fiveHundreds)) {
                    return -1;
                }
                fives |= next == 'V';
                fifties |= next == 'L';
                fiveHundreds |= next == 'D';
                i++;
                repeats = 1;
                lastSubtracted = currentValue;
                result += nextValue - currentValue;
            } else {
                repeats = current == next ? repeats + 1 : 1;
                if (repeats > 3) {
                    return -1;
                }
                result += currentValue;
            }
        }
        return result;
    }

    /** Whether a numeral of {@code value} may follow the V, L and D seen so far (each once, nothing larger after). */
    private static boolean admits(int value, boolean fives, boolean fifties, boolean fiveHundreds) {
        return !(fives && value >= 5 || fifties && value >= 50 || fiveHundreds && value >= 500);
    }

    private static boolean subtracts(char smaller, char larger) {
        return switch (smaller) {
            case 'I' -> larger == 'V' || larger == 'X';
            case 'X' -> larger == 'L' || larger == 'C';
            case 'C' -> larger == 'D' || larger == 'M';
            default -> false;
        };
    }

    private static int value(char numeral) {
        return switch (numeral) {
            case 'I' -> 1;
            case 'V' -> 5;
            case 'X' -> 10;
            case 'L' -> 50;
            case 'C' -> 100;
            case 'D' -> 500;
            case 'M' -> 1000;
            default -> 0;
        };
    }
}
