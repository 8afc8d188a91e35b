package io.basalt.cli.script;

import java.util.function.Function;

/**
 * psql's variable interpolation outside quotes: {@code :name} becomes the variable's value as it
 * is, {@code :'name'} a SQL string literal of it, {@code :"name"} a quoted identifier. A reference
 * to an unset variable, and {@code ::} (a cast), stay as written.
 */
final class VariableReference {
    private VariableReference() {
    }

    /** A plain {@code :name} reference to a set variable: its value, and the index after the name. */
    record Plain(String value, int end) {
    }

    /**
     * The plain reference starting with the colon at {@code colon} in {@code text}, or null when there is none
     * (or only a quoted one) to a set variable. Its value is scanned again as input, as psql's lexer does, so that
     * the statements and quotes in it count.
     */
    static Plain plain(String text, int colon, Function<String, String> variables) {
        if (variables == null || colon + 1 >= text.length()) {
            return null;
        }
        int nameEnd = nameEnd(text, colon + 1);
        if (nameEnd == colon + 1) {
            return null;
        }
        String value = variables.apply(text.substring(colon + 1, nameEnd));
        return value == null ? null : new Plain(value, nameEnd);
    }

    /**
     * Expands the reference starting with the colon at {@code colon} in {@code text} into
     * {@code out} and returns the index after it, or returns -1 (appending nothing) when there is no
     * reference to a set variable there.
     */
    static int expand(String text, int colon, Function<String, String> variables, StringBuilder out) {
        if (variables == null || colon + 1 >= text.length()) {
            return -1;
        }
        char next = text.charAt(colon + 1);
        if (next == '\'' || next == '"') {
            int nameEnd = nameEnd(text, colon + 2);
            if (nameEnd == colon + 2 || nameEnd >= text.length() || text.charAt(nameEnd) != next) {
                return -1;
            }
            String value = variables.apply(text.substring(colon + 2, nameEnd));
            if (value == null) {
                return -1;
            }
            out.append(next == '\'' ? literal(value) : identifier(value));
            return nameEnd + 1;
        }
        int nameEnd = nameEnd(text, colon + 1);
        if (nameEnd == colon + 1) {
            return -1;
        }
        String value = variables.apply(text.substring(colon + 1, nameEnd));
        if (value == null) {
            return -1;
        }
        out.append(value);
        return nameEnd;
    }

    private static int nameEnd(String text, int start) {
        int end = start;
        while (end < text.length() && isNameCharacter(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private static boolean isNameCharacter(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_' || ch >= 0x80;
    }

    /** A string literal as libpq quotes one: quotes doubled, and the E'' form when there are backslashes. */
    static String literal(String value) {
        boolean backslashes = value.indexOf('\\') >= 0;
        StringBuilder out = new StringBuilder(value.length() + 4);
        out.append(backslashes ? " E'" : "'");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\'' || ch == '\\') {
                out.append(ch);
            }
            out.append(ch);
        }
        return out.append('\'').toString();
    }

    static String identifier(String value) {
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
