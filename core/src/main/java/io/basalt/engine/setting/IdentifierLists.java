package io.basalt.engine.setting;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists of names as PostgreSQL writes them in parameters such as search_path and DateStyle, split as its
 * {@code SplitIdentifierString} splits them.
 */
public final class IdentifierLists {
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private IdentifierLists() {
    }

    /**
     * The names of a comma-separated list: double-quoted names keep their case ({@code ""} inside is one
     * quote), unquoted ones are folded to lower case and end at a comma or a space; names longer than 63 bytes
     * are cut. An empty (or all-space) text is an empty list.
     *
     * @return the names, or null when the list's syntax is invalid (an unmatched quote, an empty unquoted
     *         name, or two names not separated by a comma)
     */
    public static List<String> split(String text) {
        List<String> names = new ArrayList<>();
        int at = IntegerType.skipSpaces(text, 0);
        if (at == text.length()) {
            return names;
        }
        while (true) {
            String name;
            if (text.charAt(at) == '"') {
                StringBuilder quoted = new StringBuilder();
                at++;
                while (true) {
                    int close = text.indexOf('"', at);
                    if (close < 0) {
                        return null;
                    }
                    quoted.append(text, at, close);
                    if (close + 1 < text.length() && text.charAt(close + 1) == '"') {
                        quoted.append('"');
                        at = close + 2;
                    } else {
                        at = close + 1;
                        break;
                    }
                }
                name = quoted.toString();
            } else {
                int start = at;
                while (at < text.length() && text.charAt(at) != ',' && !IntegerType.isSpace(text.charAt(at))) {
                    at++;
                }
                if (at == start) {
                    return null;
                }
                name = text.substring(start, at).toLowerCase(Locale.ROOT);
            }
            at = IntegerType.skipSpaces(text, at);
            names.add(truncate(name));
            if (at == text.length()) {
                return names;
            }
            if (text.charAt(at) != ',') {
                return null;
            }
            at = IntegerType.skipSpaces(text, at + 1);
            if (at == text.length()) {
                return null;
            }
        }
    }

    /** {@code name} cut to at most 63 bytes of UTF-8, at a character boundary. */
    static String truncate(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        int length = MAX_IDENTIFIER_BYTES;
        while (length > 0 && (bytes[length] & 0xC0) == 0x80) {
            length--;
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
