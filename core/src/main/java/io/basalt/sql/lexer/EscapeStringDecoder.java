package io.basalt.sql.lexer;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Builds the value of an {@code E'...'} string. Backslash escapes are {@code \b \f \n \r \t}, octal
 * {@code \o}, {@code \oo}, {@code \ooo} and hexadecimal {@code \xh}, {@code \xhh} bytes, backslash-u
 * followed by four and backslash-U followed by eight hex digits for code points (surrogate pairs as two such
 * escapes), and any other character standing for itself. Octal and hexadecimal escapes are bytes, so the value
 * is collected as UTF-8 and must be valid UTF-8 at the end, as in PostgreSQL.
 */
final class EscapeStringDecoder {
    private static final String HINT = "Unicode escapes must be \\uXXXX or \\UXXXXXXXX.";

    private final SqlSource source;
    private final String text;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int pendingHighSurrogate;

    EscapeStringDecoder(SqlSource source) {
        this.source = source;
        this.text = source.text();
    }

    /** Appends {@code text[from, to)} unchanged. */
    void literal(String from, int start, int end) {
        bytes.writeBytes(from.substring(start, end).getBytes(StandardCharsets.UTF_8));
    }

    /** Fails if an escaped high surrogate is waiting for its low half and the char at {@code index} is not it. */
    void checkNoPendingSurrogate(int index) {
        if (pendingHighSurrogate != 0) {
            throw source.errorAtOrNear("invalid Unicode surrogate pair", index, index + 1);
        }
    }

    /** Decodes the escape whose backslash is at {@code backslash}; returns the offset just past it. */
    int escape(int backslash) {
        char c = text.charAt(backslash + 1);
        if (c == 'u' || c == 'U') {
            return unicodeEscape(backslash, c == 'u' ? 4 : 8);
        }
        checkNoPendingSurrogate(backslash);
        if (c >= '0' && c <= '7') {
            int end = backslash + 1;
            int value = 0;
            while (end < backslash + 4 && end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                value = value * 8 + (text.charAt(end) - '0');
                end++;
            }
            bytes.write(value & 0xFF);
            return end;
        }
        if (c == 'x' && backslash + 2 < text.length() && isHexDigit(text.charAt(backslash + 2))) {
            int end = backslash + 2;
            int value = 0;
            while (end < backslash + 4 && end < text.length() && isHexDigit(text.charAt(end))) {
                value = value * 16 + Character.digit(text.charAt(end), 16);
                end++;
            }
            bytes.write(value);
            return end;
        }
        switch (c) {
            case 'b' -> bytes.write('\b');
            case 'f' -> bytes.write('\f');
            case 'n' -> bytes.write('\n');
            case 'r' -> bytes.write('\r');
            case 't' -> bytes.write('\t');
            default -> {
                int end = backslash + 1 + Character.charCount(text.codePointAt(backslash + 1));
                literal(text, backslash + 1, end);
                return end;
            }
        }
        return backslash + 2;
    }

    private int unicodeEscape(int backslash, int digits) {
        int codePoint = UnicodeEscapeDecoder.hexValue(text, backslash + 2, digits);
        if (codePoint < 0) {
            throw source.errorAt("invalid Unicode escape", backslash).withHint(HINT);
        }
        int end = backslash + 2 + digits;
        boolean low = codePoint <= 0xFFFF && Character.isLowSurrogate((char) codePoint);
        if (pendingHighSurrogate != 0) {
            if (!low) {
                throw source.errorAtOrNear("invalid Unicode surrogate pair", backslash, end);
            }
            appendCodePoint(Character.toCodePoint((char) pendingHighSurrogate, (char) codePoint));
            pendingHighSurrogate = 0;
        } else if (codePoint <= 0xFFFF && Character.isHighSurrogate((char) codePoint)) {
            pendingHighSurrogate = codePoint;
        } else if (low) {
            throw source.errorAtOrNear("invalid Unicode surrogate pair", backslash, end);
        } else if (codePoint == 0 || codePoint > Character.MAX_CODE_POINT) {
            throw source.errorAtOrNear("invalid Unicode escape value", backslash, end);
        } else {
            appendCodePoint(codePoint);
        }
        return end;
    }

    private void appendCodePoint(int codePoint) {
        bytes.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
    }

    /** The decoded value; fails as PostgreSQL does when escaped bytes do not form valid UTF-8 (or hold a zero). */
    String finish() {
        byte[] raw = bytes.toByteArray();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == 0) {
                throw invalidByteSequence(raw, i);
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer input = ByteBuffer.wrap(raw);
        CharBuffer output = CharBuffer.allocate(raw.length);
        if (decoder.decode(input, output, true).isError()) {
            throw invalidByteSequence(raw, input.position());
        }
        decoder.flush(output);
        return output.flip().toString();
    }

    /**
     * PostgreSQL's message names the bytes of the bad character: as many as its first byte announces.
     * Its SQLSTATE is 22021 (character not in repertoire), which {@link SqlState} lacks; reported as 22P02.
     */
    private static BasaltException invalidByteSequence(byte[] raw, int at) {
        int lead = raw[at] & 0xFF;
        int length = lead >= 0xF0 && lead <= 0xF7 ? 4
                : lead >= 0xE0 && lead <= 0xEF ? 3
                : lead >= 0xC0 && lead <= 0xDF ? 2
                : 1;
        StringBuilder shown = new StringBuilder();
        for (int i = at; i < Math.min(raw.length, at + length); i++) {
            if (i > at) {
                shown.append(' ');
            }
            shown.append("0x").append(Character.forDigit((raw[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(raw[i] & 0xF, 16));
        }
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION,
                "invalid byte sequence for encoding \"UTF8\": " + shown);
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
