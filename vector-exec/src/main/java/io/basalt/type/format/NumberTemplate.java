package io.basalt.type.format;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled numeric template of {@code to_char} and {@code to_number}: the tokens ({@code 9}, {@code 0},
 * {@code .}/{@code D}, {@code ,}/{@code G}, {@code S}, {@code MI}, {@code PL}, {@code SG}, {@code PR},
 * {@code L}, {@code RN}, {@code TH}, {@code V}, {@code EEEE}, {@code FM}, {@code B}, literal text) and the
 * facts printing needs: digit positions before and after the decimal point (those after {@code V} count as
 * integer digits of the value times ten to their number), where zero filling starts, and which sign style
 * is in use. Combinations PostgreSQL refuses fail here with its messages.
 */
public final class NumberTemplate {
    public enum Token { NINE, ZERO, POINT, GROUP, SIGN, MINUS, PLUS, PLUS_MINUS, BRACKETS, CURRENCY, ROMAN, ORDINAL,
        MULTIPLY, EXPONENT, BLANK, LITERAL }

    /** One token; {@code lower} for {@code rn}/{@code th}; {@code text} the literal's character. */
    public record Item(Token token, boolean lower, String text) {
    }

    private final String text;
    final List<Item> items;
    final boolean fillMode;
    /** Digit positions before the decimal point, and after it (zero with V: those count before). */
    final int integerDigits;
    final int fractionDigits;
    /** The power of ten V multiplies by. */
    final int multiplier;
    /** Index among the integer positions of the first {@code 0}, or integerDigits when there is none. */
    final int zeroStart;
    /** One past the last {@code 0} among the fraction positions, 0 when there is none. */
    final int zeroEnd;
    final boolean hasPoint;
    final boolean roman;
    final boolean exponent;
    /** S, MI, SG or PR present: no sign slot in front. */
    final boolean explicitSign;
    /** S stands before every digit, so its sign floats next to the number. */
    final boolean leadingSign;
    final boolean brackets;

    private NumberTemplate(String text, List<Item> items, boolean fillMode, int integerDigits, int fractionDigits,
                           int multiplier, int zeroStart, int zeroEnd, boolean hasPoint, boolean roman,
                           boolean exponent, boolean explicitSign, boolean leadingSign, boolean brackets) {
        this.text = text;
        this.items = items;
        this.fillMode = fillMode;
        this.integerDigits = integerDigits;
        this.fractionDigits = fractionDigits;
        this.multiplier = multiplier;
        this.zeroStart = zeroStart;
        this.zeroEnd = zeroEnd;
        this.hasPoint = hasPoint;
        this.roman = roman;
        this.exponent = exponent;
        this.explicitSign = explicitSign;
        this.leadingSign = leadingSign;
        this.brackets = brackets;
    }

    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NumberTemplate that && text.equals(that.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /**
     * Compiles {@code text}.
     *
     * @throws BasaltException 42601 for combinations PostgreSQL refuses (two decimal points, S with MI, ...)
     */
    public static NumberTemplate compile(String text) {
        List<Item> items = new ArrayList<>();
        boolean fillMode = false;
        int before = 0;
        int after = 0;
        int afterMultiplier = 0;
        int zeroStart = -1;
        int zeroEnd = 0;
        boolean point = false;
        boolean multiply = false;
        boolean roman = false;
        boolean exponent = false;
        boolean sign = false;
        boolean leadingSign = false;
        boolean minus = false;
        boolean plus = false;
        boolean plusMinus = false;
        boolean brackets = false;
        boolean anyDigit = false;
        boolean zero = false;
        boolean blank = false;
        int i = 0;
        while (i < text.length()) {
            // PostgreSQL 18 checks after each keyword that RN stands only with FM (digits 9, G and literals set
            // no flag there, so they pass)
            if (roman && (zero || point || blank || brackets || minus || plus || plusMinus || sign || multiply
                    || exponent)) {
                throw romanWithOthers();
            }
            char c = text.charAt(i);
            String rest = text.substring(i);
            if (c == '9' || c == '0') {
                if (brackets) {
                    throw syntax("\"9\" must be ahead of \"PR\"");
                }
                anyDigit = true;
                if (multiply) {
                    afterMultiplier++;
                } else if (point) {
                    after++;
                    if (c == '0') {
                        zero = true;
                        zeroEnd = after;
                    }
                } else {
                    if (c == '0') {
                        zero = true;
                    }
                    if (c == '0' && zeroStart < 0) {
                        zeroStart = before;
                    }
                    before++;
                }
                items.add(new Item(c == '9' ? Token.NINE : Token.ZERO, false, null));
                i++;
            } else if (c == '.' || c == 'D' || c == 'd') {
                if (point) {
                    throw syntax("multiple decimal points");
                }
                if (multiply) {
                    throw syntax("cannot use \"V\" and decimal point together");
                }
                point = true;
                items.add(new Item(Token.POINT, false, null));
                i++;
            } else if (c == ',' || c == 'G' || c == 'g') {
                items.add(new Item(Token.GROUP, false, null));
                i++;
            } else if (startsWith(rest, "FM")) {
                fillMode = true;
                i += 2;
            } else if (startsWith(rest, "PR")) {
                if (sign || minus || plus || plusMinus) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                brackets = true;
                items.add(new Item(Token.BRACKETS, false, null));
                i += 2;
            } else if (startsWith(rest, "PL")) {
                if (brackets) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                if (sign) {
                    throw syntax("cannot use \"S\" and \"PL\" together");
                }
                plus = true;
                items.add(new Item(Token.PLUS, false, null));
                i += 2;
            } else if (startsWith(rest, "MI")) {
                if (brackets) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                if (sign) {
                    throw syntax("cannot use \"S\" and \"MI\" together");
                }
                minus = true;
                items.add(new Item(Token.MINUS, false, null));
                i += 2;
            } else if (startsWith(rest, "SG")) {
                if (brackets) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                if (sign) {
                    throw syntax("cannot use \"S\" and \"SG\" together");
                }
                plusMinus = true;
                items.add(new Item(Token.PLUS_MINUS, false, null));
                i += 2;
            } else if (startsWith(rest, "RN")) {
                if (roman) {
                    throw syntax("cannot use \"RN\" twice");
                }
                roman = true;
                items.add(new Item(Token.ROMAN, c == 'r', null));
                i += 2;
            } else if (startsWith(rest, "TH")) {
                items.add(new Item(Token.ORDINAL, c == 't', null));
                i += 2;
            } else if (startsWith(rest, "EEEE")) {
                if (exponent) {
                    throw syntax("cannot use \"EEEE\" twice");
                }
                exponent = true;
                items.add(new Item(Token.EXPONENT, false, null));
                i += 4;
            } else if (startsWith(rest, "SP")) {
                i += 2;
            } else if (c == 'S' || c == 's') {
                if (sign) {
                    throw syntax("cannot use \"S\" twice");
                }
                if (minus || plus || plusMinus) {
                    throw syntax("cannot use \"S\" and \"" + (minus ? "MI" : plus ? "PL" : "SG") + "\" together");
                }
                if (brackets) {
                    throw syntax("cannot use \"PR\" and \"S\"/\"PL\"/\"MI\"/\"SG\" together");
                }
                sign = true;
                leadingSign = !anyDigit;
                items.add(new Item(Token.SIGN, false, null));
                i++;
            } else if (c == 'V' || c == 'v') {
                if (point) {
                    throw syntax("cannot use \"V\" and decimal point together");
                }
                multiply = true;
                items.add(new Item(Token.MULTIPLY, false, null));
                i++;
            } else if (c == 'L' || c == 'l') {
                items.add(new Item(Token.CURRENCY, false, null));
                i++;
            } else if (c == 'B' || c == 'b') {
                blank = true;
                items.add(new Item(Token.BLANK, false, null));
                i++;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                        i++;
                    }
                    items.add(new Item(Token.LITERAL, false, String.valueOf(text.charAt(i))));
                    i++;
                }
                i++;
            } else {
                if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                }
                items.add(new Item(Token.LITERAL, false, String.valueOf(text.charAt(i))));
                i++;
            }
        }
        if (roman && (zero || point || blank || brackets || minus || plus || plusMinus || sign || multiply
                || exponent)) {
            throw romanWithOthers();
        }
        if (exponent) {
            for (Item item : items) {
                switch (item.token()) {
                    case NINE, ZERO, POINT, EXPONENT -> {
                    }
                    default -> throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"EEEE\" is incompatible with other formats")
                            .withDetail("\"EEEE\" may only be used together with digit and decimal point patterns.");
                }
            }
            if (fillMode) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "\"EEEE\" is incompatible with other formats")
                        .withDetail("\"EEEE\" may only be used together with digit and decimal point patterns.");
            }
        }
        if (multiply) {
            before += afterMultiplier;
        }
        return new NumberTemplate(text, List.copyOf(items), fillMode, before, after, afterMultiplier,
                zeroStart < 0 ? before : zeroStart, zeroEnd, point, roman, exponent,
                sign || minus || plusMinus || brackets, leadingSign, brackets);
    }

    private static boolean startsWith(String rest, String upper) {
        return rest.startsWith(upper) || rest.startsWith(upper.toLowerCase(java.util.Locale.ROOT));
    }

    private static BasaltException romanWithOthers() {
        return syntax("\"RN\" is incompatible with other formats")
                .withDetail("\"RN\" may only be used together with \"FM\".");
    }

    private static BasaltException syntax(String message) {
        return BasaltException.of(SqlState.SYNTAX_ERROR, message);
    }
}
