package io.basalt.exec.function.scalar.regex;

import java.util.regex.Matcher;

/**
 * regexp_replace's substitution: the replacement text may name the whole match ({@code \&}) or a capture
 * group ({@code \1} to {@code \9}); {@code \\} is one backslash and any other backslash stays as written.
 * Either one match (the Nth at or after the start) or all of them are replaced.
 */
final class RegexReplacement {
    private RegexReplacement() {
    }

    /**
     * {@code text} with the {@code occurrence}th match at or after 1-based character {@code start} replaced,
     * or every match from there when {@code occurrence} is 0.
     */
    static String replace(Matcher matcher, String text, String replacement, int start, int occurrence) {
        StringBuilder out = null;
        int copied = 0;
        int from = RegexFunction.offset(text, start);
        int seen = 0;
        while (RegexMatches.find(matcher, from, text.length())) {
            seen++;
            if (occurrence == 0 || seen == occurrence) {
                if (out == null) {
                    out = new StringBuilder(text.length() + replacement.length());
                }
                out.append(text, copied, matcher.start());
                substitute(matcher, replacement, out);
                copied = matcher.end();
                if (occurrence != 0) {
                    break;
                }
            }
            from = RegexMatches.next(matcher, text);
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    private static void substitute(Matcher matcher, String replacement, StringBuilder out) {
        for (int k = 0; k < replacement.length(); k++) {
            char c = replacement.charAt(k);
            if (c != '\\' || k + 1 == replacement.length()) {
                out.append(c);
                continue;
            }
            char next = replacement.charAt(k + 1);
            if (next >= '1' && next <= '9') {
                int group = next - '0';
                if (group <= matcher.groupCount() && matcher.start(group) >= 0) {
                    out.append(matcher.group(group));
                }
                k++;
            } else if (next == '&') {
                out.append(matcher.group());
                k++;
            } else if (next == '\\') {
                out.append('\\');
                k++;
            } else {
                out.append('\\');
            }
        }
    }
}
