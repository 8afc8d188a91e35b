package io.basalt.type;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The text forms of bytea. Input takes PostgreSQL's two formats: hex ({@code \x} then pairs of hex digits,
 * whitespace allowed between pairs) and escape (bytes as themselves, {@code \\} for a backslash and
 * {@code \ooo} for any byte in octal); characters outside ASCII stand for their UTF-8 bytes. Output is the hex
 * format ({@code bytea_output = hex}, PostgreSQL's default) or the escape format.
 */
public final class ByteaText {
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private ByteaText() {
    }

    /**
     * Parses bytea input text.
     *
     * @throws BasaltException 22023 for a bad hex digit or an odd number of them, 22P02 for a backslash in
     *     the escape format that starts neither {@code \\} nor a three-digit octal escape
     */
    public static ByteString parse(String text) {
        if (text.length() >= 2 && text.charAt(0) == '\\' && text.charAt(1) == 'x') {
            return decodeHex(text, 2);
        }
        return decodeEscape(text);
    }

    /**
     * Hex digit pairs from {@code start}, skipping spaces, tabs and line breaks between (not inside) pairs:
     * the body of the hex input format and of {@code decode(text, 'hex')}.
     */
    public static ByteString decodeHex(String text, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(0, (text.length() - start) / 2));
        int position = start;
        int length = text.length();
        while (position < length) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                position++;
                continue;
            }
            int high = hexDigit(text, position);
            position++;
            if (position >= length) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid hexadecimal data: odd number of digits");
            }
            int low = hexDigit(text, position);
            position++;
            out.write((high << 4) | low);
        }
        return ByteString.wrap(out.toByteArray());
    }

    /**
     * The escape format: {@code \ooo} (first digit 0-3) is one byte, {@code \\} a backslash, any other byte
     * itself; also the body of {@code decode(text, 'escape')}.
     */
    public static ByteString decodeEscape(String text) {
        byte[] in = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        int position = 0;
        while (position < in.length) {
            byte b = in[position];
            if (b != '\\') {
                out.write(b);
                position++;
            } else if (position + 3 < in.length && isOctal(in[position + 1], '3') && isOctal(in[position + 2], '7')
                    && isOctal(in[position + 3], '7')) {
                out.write(((in[position + 1] - '0') << 6) | ((in[position + 2] - '0') << 3) | (in[position + 3] - '0'));
                position += 4;
            } else if (position + 1 < in.length && in[position + 1] == '\\') {
                out.write('\\');
                position += 2;
            } else {
                throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "invalid input syntax for type bytea");
            }
        }
        return ByteString.wrap(out.toByteArray());
    }

    /** The hex output format: {@code \x} and two lower-case digits per byte. */
    public static String formatHex(ByteString value) {
        int length = value.length();
        char[] out = new char[2 + 2 * length];
        out[0] = '\\';
        out[1] = 'x';
        for (int k = 0; k < length; k++) {
            int b = value.byteAt(k);
            out[2 + 2 * k] = HEX_DIGITS[b >>> 4];
            out[3 + 2 * k] = HEX_DIGITS[b & 0xF];
        }
        return new String(out);
    }

    /** The escape output format: printable ASCII as itself, a backslash doubled, every other byte {@code \ooo}. */
    public static String formatEscape(ByteString value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int k = 0; k < value.length(); k++) {
            int b = value.byteAt(k);
            if (b == '\\') {
                out.append("\\\\");
            } else if (b < 0x20 || b > 0x7e) {
                appendOctal(out, b);
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }

    /** {@code \ooo}: a backslash and the byte's three octal digits. */
    static void appendOctal(StringBuilder out, int b) {
        out.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7))).append((char) ('0' + (b & 7)));
    }

    private static boolean isOctal(byte b, char highest) {
        return b >= '0' && b <= highest;
    }

    private static int hexDigit(String text, int position) {
        int value = Uuid.hexValue(text.charAt(position));
        if (value < 0) {
            int end = text.offsetByCodePoints(position, 1);
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "invalid hexadecimal digit: \"" + text.substring(position, end) + "\"");
        }
        return value;
    }
}
