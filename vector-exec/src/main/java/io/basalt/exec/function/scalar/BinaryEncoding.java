package io.basalt.exec.function.scalar;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ByteString;
import io.basalt.type.ByteaText;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * The textual encodings of {@code encode(bytea, format)} and {@code decode(text, format)}, as PostgreSQL
 * writes and reads them: {@code hex} (lower-case digits, whitespace between pairs ignored on input),
 * {@code base64} (RFC 2045 alphabet, a line break after every 76 characters, whitespace ignored on input) and
 * {@code escape} (a zero byte or one with the high bit set as {@code \ooo}, a backslash doubled).
 */
enum BinaryEncoding {
    HEX {
        @Override
        String encode(ByteString value) {
            return ByteaText.formatHex(value).substring(2);
        }

        @Override
        ByteString decode(String text) {
            return ByteaText.decodeHex(text, 0);
        }
    },
    BASE64 {
        @Override
        String encode(ByteString value) {
            return base64Encode(value);
        }

        @Override
        ByteString decode(String text) {
            return base64Decode(text);
        }
    },
    ESCAPE {
        @Override
        String encode(ByteString value) {
            StringBuilder out = new StringBuilder(value.length());
            for (int k = 0; k < value.length(); k++) {
                int b = value.byteAt(k);
                if (b == 0 || b >= 0x80) {
                    out.append('\\').append((char) ('0' + (b >> 6))).append((char) ('0' + ((b >> 3) & 7)))
                            .append((char) ('0' + (b & 7)));
                } else if (b == '\\') {
                    out.append("\\\\");
                } else {
                    out.append((char) b);
                }
            }
            return out.toString();
        }

        @Override
        ByteString decode(String text) {
            return ByteaText.decodeEscape(text);
        }
    };

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final int LINE_LENGTH = 76;

    abstract String encode(ByteString value);

    abstract ByteString decode(String text);

    /** The encoding called {@code name} (any case); 22023 for another name. */
    static BinaryEncoding named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hex" -> HEX;
            case "base64" -> BASE64;
            case "escape" -> ESCAPE;
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "unrecognized encoding: \"" + name + "\"");
        };
    }

    /**
     * Base64 with '=' padding. A line break follows every 76 output characters, checked after each input
     * byte, so an output that ends exactly at a line's end also ends with a line break (as PostgreSQL's does).
     */
    private static String base64Encode(ByteString value) {
        StringBuilder out = new StringBuilder(value.length() * 4 / 3 + 4);
        int lineStart = 0;
        int buffer = 0;
        int pending = 0;
        for (int k = 0; k < value.length(); k++) {
            buffer = (buffer << 8) | value.byteAt(k);
            pending++;
            if (pending == 3) {
                out.append(ALPHABET[(buffer >> 18) & 63]).append(ALPHABET[(buffer >> 12) & 63])
                        .append(ALPHABET[(buffer >> 6) & 63]).append(ALPHABET[buffer & 63]);
                buffer = 0;
                pending = 0;
            }
            if (out.length() - lineStart >= LINE_LENGTH) {
                out.append('\n');
                lineStart = out.length();
            }
        }
        if (pending > 0) {
            buffer <<= 8 * (3 - pending);
            out.append(ALPHABET[(buffer >> 18) & 63]).append(ALPHABET[(buffer >> 12) & 63]);
            out.append(pending == 2 ? ALPHABET[(buffer >> 6) & 63] : '=').append('=');
        }
        return out.toString();
    }

    /**
     * Base64 input: whitespace is skipped; '=' may start the end sequence only after two or three symbols of a
     * quantum, and the input must end on a whole quantum.
     */
    private static ByteString base64Decode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 / 4);
        int buffer = 0;
        int position = 0;
        int end = 0;
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            int symbol;
            if (c == '=') {
                if (end == 0) {
                    if (position == 2) {
                        end = 1;
                    } else if (position == 3) {
                        end = 2;
                    } else {
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                "unexpected \"=\" while decoding base64 sequence");
                    }
                }
                symbol = 0;
            } else {
                symbol = symbolValue(c);
                if (symbol < 0) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid symbol \""
                            + text.substring(k, text.offsetByCodePoints(k, 1)) + "\" found while decoding base64 sequence");
                }
            }
            buffer = (buffer << 6) | symbol;
            position++;
            if (position == 4) {
                out.write((buffer >> 16) & 255);
                if (end == 0 || end > 1) {
                    out.write((buffer >> 8) & 255);
                }
                if (end == 0 || end > 2) {
                    out.write(buffer & 255);
                }
                buffer = 0;
                position = 0;
            }
        }
        if (position != 0) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "invalid base64 end sequence")
                    .withHint("Input data is missing padding, is truncated, or is otherwise corrupted.");
        }
        return ByteString.wrap(out.toByteArray());
    }

    private static int symbolValue(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }
}
