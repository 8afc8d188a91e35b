package io.basalt.engine.export;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL script cut into statements at the semicolons that end them: semicolons inside string constants, quoted
 * identifiers, dollar-quoted strings and comments do not count. Pieces holding nothing but comments and blanks are
 * dropped, and comments are left out of the statements (a line comment becomes a line break, a block comment a
 * space); each statement keeps its text without the semicolon.
 */
final class ScriptStatements {
    private ScriptStatements() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean content = false;
        int i = 0;
        int length = script.length();
        while (i < length) {
            char c = script.charAt(i);
            int end;
            boolean counts = true;
            if (c == '\'' || c == '"') {
                end = quoted(script, i, c);
            } else if (c == '-' && i + 1 < length && script.charAt(i + 1) == '-') {
                int newline = script.indexOf('\n', i);
                end = newline < 0 ? length : newline + 1;
                counts = false;
            } else if (c == '/' && i + 1 < length && script.charAt(i + 1) == '*') {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? length : close + 2;
                counts = false;
            } else if (c == '$') {
                end = dollarQuoted(script, i);
            } else if (c == ';') {
                if (content) {
                    statements.add(current.toString().strip());
                }
                current.setLength(0);
                content = false;
                i++;
                continue;
            } else {
                end = i + 1;
                counts = !Character.isWhitespace(c);
            }
            if (counts || (c != '-' && c != '/')) {
                current.append(script, i, end);
            } else {
                current.append(c == '-' ? '\n' : ' ');
            }
            content |= counts;
            i = end;
        }
        if (content) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static int quoted(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static int dollarQuoted(String script, int start) {
        int tagEnd = start + 1;
        while (tagEnd < script.length()
                && (Character.isLetter(script.charAt(tagEnd)) || script.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= script.length() || script.charAt(tagEnd) != '$'
                || (start > 0 && Character.isLetterOrDigit(script.charAt(start - 1)))) {
            return start + 1;
        }
        String tag = script.substring(start, tagEnd + 1);
        int close = script.indexOf(tag, tagEnd + 1);
        return close < 0 ? script.length() : close + tag.length();
    }
}
