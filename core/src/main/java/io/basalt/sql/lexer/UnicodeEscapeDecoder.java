package io.basalt.sql.lexer;

/**
 * Decodes the escapes of {@code U&'...'} strings and {@code U&"..."} names: {@code \XXXX} and {@code \+XXXXXX}
 * (or the same with the character chosen by {@code UESCAPE}), the escape character doubled for itself, and
 * UTF-16 surrogate pairs written as two escapes. Errors point at the offending character in the source.
 */
final class UnicodeEscapeDecoder {
    private static final String HINT = "Unicode escapes must be \\XXXX or \\+XXXXXX.";

    private final SqlSource source;
    private final char escape;

    UnicodeEscapeDecoder(SqlSource source, char escape) {
        this.source = source;
        this.escape = escape;
    }

    /** Whether {@code c} may be chosen by {@code UESCAPE}: not a hex digit, {@code +}, a quote, or whitespace. */
    static boolean isValidEscapeCharacter(char c) {
        return Character.digit(c, 16) < 0 && c != '+' && c != '\'' && c != '"' && !Lexer.isWhitespace(c);
    }

    /**
     * The decoded text of {@code raw}, whose char {@code i} was written at source offset {@code offsets[i]}.
     */
    String decode(String raw, int[] offsets) {
        StringBuilder value = new StringBuilder(raw.length());
        int pendingHighSurrogate = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != escape) {
                if (pendingHighSurrogate != 0) {
                    throw source.errorAt("invalid Unicode surrogate pair", offsets[i]);
                }
                value.append(c);
                i++;
                continue;
            }
            if (i + 1 < raw.length() && raw.charAt(i + 1) == escape) {
                if (pendingHighSurrogate != 0) {
                    throw source.errorAt("invalid Unicode surrogate pair", offsets[i]);
                }
                value.append(escape);
                i += 2;
                continue;
            }
            int digits = i + 1 < raw.length() && raw.charAt(i + 1) == '+' ? 6 : 4;
            int first = digits == 6 ? i + 2 : i + 1;
            int codePoint = hexValue(raw, first, digits);
            if (codePoint < 0) {
                throw source.errorAt("invalid Unicode escape", offsets[i]).withHint(HINT);
            }
            if (pendingHighSurrogate != 0) {
                if (!Character.isLowSurrogate((char) codePoint) || codePoint > 0xFFFF) {
                    throw source.errorAt("invalid Unicode surrogate pair", offsets[i]);
                }
                value.appendCodePoint(Character.toCodePoint((char) pendingHighSurrogate, (char) codePoint));
                pendingHighSurrogate = 0;
            } else if (codePoint <= 0xFFFF && Character.isHighSurrogate((char) codePoint)) {
                pendingHighSurrogate = codePoint;
            } else if (codePoint <= 0xFFFF && Character.isLowSurrogate((char) codePoint)) {
                throw source.errorAt("invalid Unicode surrogate pair", offsets[i]);
            } else if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT) {
                throw source.errorAt("invalid Unicode escape value", offsets[i]);
            } else {
                value.appendCodePoint(codePoint);
            }
            i = first + digits;
        }
        if (pendingHighSurrogate != 0) {
            int end = offsets.length == 0 ? 0 : offsets[offsets.length - 1] + 1;
            throw source.errorAt("invalid Unicode surrogate pair", end);
        }
        return value.toString();
    }

    /** The value of {@code count} hex digits at {@code from}, or -1 when there are not that many. */
    static int hexValue(CharSequence text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 0x7F) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
