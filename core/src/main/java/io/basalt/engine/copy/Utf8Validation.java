package io.basalt.engine.copy;

/**
 * Checks bytes for well-formed UTF-8 as PostgreSQL's server encoding check does: no zero bytes, no overlong
 * forms, no surrogates, nothing above U+10FFFF. Only lines that hold non-ASCII bytes (or unescaped
 * octal/hex escapes) are checked, so ASCII data costs nothing here.
 */
final class Utf8Validation {
    private Utf8Validation() {
    }

    /** The index of the first byte of the first invalid sequence in {@code bytes[start, end)}, or -1. */
    static int firstInvalid(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return i;
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            int length;
            int minimum;
            if (b >= 0xc2 && b <= 0xdf) {
                length = 2;
                minimum = 0x80;
            } else if (b >= 0xe0 && b <= 0xef) {
                length = 3;
                minimum = 0x800;
            } else if (b >= 0xf0 && b <= 0xf4) {
                length = 4;
                minimum = 0x10000;
            } else {
                return i;
            }
            if (i + length > end) {
                return i;
            }
            int codePoint = b & (0x7f >> length);
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return i;
                }
                codePoint = (codePoint << 6) | (next & 0x3f);
            }
            if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                return i;
            }
            i += length;
        }
        return -1;
    }

    /** PostgreSQL's rendering of the invalid sequence at {@code at}: its bytes as {@code 0xe9 0x41}. */
    static String describe(byte[] bytes, int at, int end) {
        int b = bytes[at] & 0xff;
        int length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < length && at + k < end; k++) {
            if (k > 0) {
                out.append(' ');
            }
            out.append(String.format("0x%02x", bytes[at + k] & 0xff));
        }
        return out.toString();
    }
}
