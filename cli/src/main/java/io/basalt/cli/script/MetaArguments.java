package io.basalt.cli.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Splits and unquotes the arguments of backslash commands as psql does: arguments are separated by
 * blanks; {@code 'single quotes'} group text (with {@code ''} for a quote and C-style backslash
 * escapes inside); {@code "double quotes"} group text and, for names, keep its case. Variable
 * references ({@code :name}) outside quotes are expanded.
 */
public final class MetaArguments {
    private MetaArguments() {
    }

    /**
     * Splits {@code text} into raw arguments (quotes kept) and reports where they end: at the end of
     * {@code text} or at an unquoted backslash, which starts the next command.
     *
     * @return the arguments; {@code end[0]} receives the index where scanning stopped
     */
    static List<String> split(String text, int start, int[] end, Function<String, String> variables) {
        List<String> arguments = new ArrayList<>();
        int i = start;
        StringBuilder current = null;
        char quote = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quote != 0) {
                current.append(ch);
                if (ch == '\\' && quote == '\'' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else if (ch == quote) {
                    quote = 0;
                }
                i++;
                continue;
            }
            if (ch == '\\') {
                break;
            }
            if (ch == ':') {
                StringBuilder expansion = new StringBuilder();
                int after = VariableReference.expand(text, i, variables, expansion);
                if (after >= 0) {
                    if (current == null) {
                        current = new StringBuilder();
                    }
                    current.append(expansion);
                    i = after;
                    continue;
                }
            }
            if (Character.isWhitespace(ch)) {
                if (current != null) {
                    arguments.add(current.toString());
                    current = null;
                }
                i++;
                continue;
            }
            if (current == null) {
                current = new StringBuilder();
            }
            current.append(ch);
            if (ch == '\'' || ch == '"') {
                quote = ch;
            }
            i++;
        }
        if (current != null) {
            arguments.add(current.toString());
        }
        end[0] = i;
        return arguments;
    }

    /** An argument with its quotes removed: {@code 'it''s'} becomes {@code it's}, {@code "a b"} becomes {@code a b}. */
    public static String value(String raw) {
        StringBuilder out = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (quote == 0) {
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else {
                    out.append(ch);
                }
            } else if (ch == quote) {
                if (i + 1 < raw.length() && raw.charAt(i + 1) == quote) {
                    out.append(ch);
                    i++;
                } else {
                    quote = 0;
                }
            } else if (ch == '\\' && quote == '\'' && i + 1 < raw.length()) {
                out.append(unescape(raw.charAt(++i)));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /**
     * An argument naming a SQL object: unquoted parts fold to lower case, double-quoted parts keep
     * their case and lose their quotes ({@code Public."MyTable"} becomes {@code public.MyTable}).
     */
    public static String identifier(String raw) {
        StringBuilder out = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < raw.length(); i++) {
            char ch = raw.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < raw.length() && raw.charAt(i + 1) == '"') {
                    out.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else {
                out.append(quoted ? String.valueOf(ch) : String.valueOf(ch).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static char unescape(char escaped) {
        return switch (escaped) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            case 'b' -> '\b';
            case 'f' -> '\f';
            default -> escaped;
        };
    }
}
