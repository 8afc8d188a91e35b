package io.basalt.exec.function.scalar.regex;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.regex.Pattern;

/**
 * Translates a PostgreSQL advanced regular expression (ARE) into a {@link java.util.regex.Pattern} with the
 * same meaning where the two flavours differ in spelling: word-boundary escapes ({@code \m \M \y \Y}),
 * {@code \b} as backspace and {@code \B} as backslash, {@code \Z} as the very end, POSIX classes
 * ({@code [[:alpha:]]}, {@code [[:<:]]}), collating elements and equivalence classes of one character,
 * brackets in which {@code [} and {@code &} are ordinary, {@code $} matching only at the very end unless
 * newline-sensitive, the {@code ***=} and {@code ***:} directors, leading embedded options ({@code (?i)}) and
 * expanded syntax (whitespace and comments dropped here, not by Java, which would also drop them inside
 * brackets). It also walks the structure as PostgreSQL's parser does, so that malformed patterns fail with
 * PostgreSQL's 2201B messages instead of Java's. One difference remains: Java matches alternatives
 * leftmost-first, where PostgreSQL prefers the longest match overall.
 */
public final class RegexTranslator {
    private final String source;
    private RegexFlags flags;
    private int at;
    private int groups;
    private final StringBuilder out;

    private RegexTranslator(String source, RegexFlags flags) {
        this.source = source;
        this.flags = flags;
        this.out = new StringBuilder(source.length() + 16);
    }

    /** Compiles {@code pattern} under {@code flags}; malformed patterns fail with 2201B as in PostgreSQL. */
    public static Pattern compile(String pattern, RegexFlags flags) {
        RegexTranslator translator = new RegexTranslator(pattern, flags);
        String translated = translator.translate();
        RegexFlags effective = translator.flags;
        int javaFlags = Pattern.UNIX_LINES;
        if (effective.caseInsensitive()) {
            javaFlags |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if (!effective.newlineDot()) {
            javaFlags |= Pattern.DOTALL;
        }
        try {
            return Pattern.compile(translated, javaFlags);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw invalid("invalid regular expression: " + e.getDescription());
        }
    }

    /** The Java spelling of {@code pattern} (for tests); the flags embedded in the pattern are applied. */
    public static String translate(String pattern, RegexFlags flags) {
        return new RegexTranslator(pattern, flags).translate();
    }

    private String translate() {
        if (source.startsWith("***=")) {
            return Pattern.quote(source.substring(4));
        }
        if (source.startsWith("***:")) {
            at = 4;
        }
        if (flags.literal()) {
            return Pattern.quote(source.substring(at));
        }
        embeddedOptions();
        if (flags.literal()) {
            return Pattern.quote(source.substring(at));
        }
        sequence(0);
        return out.toString();
    }

    /** A leading {@code (?letters)}: options for the whole pattern. */
    private void embeddedOptions() {
        if (!source.startsWith("(?", at) || at + 2 >= source.length() || !Character.isLetter(source.charAt(at + 2))) {
            return;
        }
        int k = at + 2;
        RegexFlags applied = flags;
        while (k < source.length() && source.charAt(k) != ')') {
            applied = applied.with(source.charAt(k));
            if (applied == null) {
                throw invalid("invalid regular expression: invalid embedded option");
            }
            k++;
        }
        if (k >= source.length()) {
            throw invalid("invalid regular expression: parentheses () not balanced");
        }
        flags = applied;
        at = k + 1;
    }

    /** Translates atoms until the end or the {@code )} that closes a group at {@code depth}. */
    private void sequence(int depth) {
        boolean quantifiable = false;
        while (at < source.length()) {
            char c = source.charAt(at);
            if (flags.expanded() && (Character.isWhitespace(c) || c == '#')) {
                skipExpanded();
                continue;
            }
            switch (c) {
                case '\\' -> quantifiable = escape(false);
                case '[' -> {
                    bracket();
                    quantifiable = true;
                }
                case '(' -> {
                    group(depth);
                    quantifiable = true;
                }
                case ')' -> {
                    if (depth == 0) {
                        throw invalid("invalid regular expression: parentheses () not balanced");
                    }
                    return;
                }
                case '*', '+', '?' -> {
                    if (!quantifiable) {
                        throw invalid("invalid regular expression: quantifier operand invalid");
                    }
                    out.append(c);
                    at++;
                    lazySuffix();
                    quantifiable = false;
                }
                case '{' -> {
                    if (at + 1 < source.length() && Character.isDigit(source.charAt(at + 1))) {
                        if (!quantifiable) {
                            throw invalid("invalid regular expression: quantifier operand invalid");
                        }
                        bound();
                        quantifiable = false;
                    } else {
                        out.append("\\{");
                        at++;
                        quantifiable = true;
                    }
                }
                case '|' -> {
                    out.append('|');
                    at++;
                    quantifiable = false;
                }
                case '^' -> {
                    // Java's multiline ^ would not match after a final newline, PostgreSQL's does
                    out.append(flags.newlineAnchors() ? "(?<![^\\n])" : "^");
                    at++;
                    quantifiable = false;
                }
                case '$' -> {
                    out.append(flags.newlineAnchors() ? "(?![^\\n])" : "\\z");
                    at++;
                    quantifiable = false;
                }
                case '.' -> {
                    out.append('.');
                    at++;
                    quantifiable = true;
                }
                case ']', '}' -> {
                    out.append('\\').append(c);
                    at++;
                    quantifiable = true;
                }
                default -> {
                    int codePoint = source.codePointAt(at);
                    out.appendCodePoint(codePoint);
                    at += Character.charCount(codePoint);
                    quantifiable = true;
                }
            }
        }
        if (depth > 0) {
            throw invalid("invalid regular expression: parentheses () not balanced");
        }
    }

    private void skipExpanded() {
        if (source.charAt(at) == '#') {
            while (at < source.length() && source.charAt(at) != '\n') {
                at++;
            }
        } else {
            at++;
        }
    }

    /** A {@code ?} after a quantifier makes it non-greedy; a further quantifier is an error, as in PostgreSQL. */
    private void lazySuffix() {
        if (at < source.length() && source.charAt(at) == '?') {
            out.append('?');
            at++;
        }
        if (at < source.length()) {
            char next = source.charAt(at);
            if (next == '*' || next == '+' || next == '?'
                    || next == '{' && at + 1 < source.length() && Character.isDigit(source.charAt(at + 1))) {
                throw invalid("invalid regular expression: quantifier operand invalid");
            }
        }
    }

    /** {@code {m}}, {@code {m,}} or {@code {m,n}} with 0 <= m <= n <= 255. */
    private void bound() {
        int close = source.indexOf('}', at);
        if (close < 0) {
            throw invalid("invalid regular expression: braces {} not balanced");
        }
        String body = source.substring(at + 1, close);
        int comma = body.indexOf(',');
        try {
            int low = Integer.parseInt(comma < 0 ? body : body.substring(0, comma));
            int high = comma < 0 ? low : comma == body.length() - 1 ? 255 : Integer.parseInt(body.substring(comma + 1));
            if (low > high || high > 255) {
                throw invalid("invalid regular expression: invalid repetition count(s)");
            }
        } catch (NumberFormatException e) {
            throw invalid("invalid regular expression: braces {} not balanced");
        }
        out.append(source, at, close + 1);
        at = close + 1;
        lazySuffix();
    }

    private void group(int depth) {
        at++;
        if (source.startsWith("?", at)) {
            if (source.startsWith("?#", at)) {
                int close = source.indexOf(')', at);
                if (close < 0) {
                    throw invalid("invalid regular expression: parentheses () not balanced");
                }
                at = close + 1;
                return;
            }
            String[] kinds = {"?:", "?=", "?!", "?<=", "?<!"};
            String kind = null;
            for (String candidate : kinds) {
                if (source.startsWith(candidate, at)) {
                    kind = candidate;
                }
            }
            if (kind == null) {
                throw invalid("invalid regular expression: quantifier operand invalid");
            }
            out.append('(').append(kind);
            at += kind.length();
        } else {
            groups++;
            out.append('(');
        }
        int start = out.length();
        sequence(depth + 1);
        out.append(')');
        at++;
        if (lazyQuantifierFollows()) {
            preferShortest(start);
        }
    }

    /** Whether the cursor is on a non-greedy quantifier ({@code *?}, {@code +?}, {@code ??}, {@code {m,n}?}). */
    private boolean lazyQuantifierFollows() {
        int k = at;
        if (k < source.length() && source.charAt(k) == '{') {
            k = source.indexOf('}', k);
            if (k < 0) {
                return false;
            }
        } else if (k >= source.length() || "*+?".indexOf(source.charAt(k)) < 0) {
            return false;
        }
        return k + 1 < source.length() && source.charAt(k + 1) == '?';
    }

    /**
     * In PostgreSQL a non-greedy quantifier on a group makes the whole group prefer the shortest match (as
     * SIMILAR TO's {@code {1,1}?} relies on); Java keeps the inner quantifiers greedy, so they are made
     * non-greedy in the group's translation, from {@code start} on.
     */
    private void preferShortest(int start) {
        boolean inClass = false;
        for (int k = start; k < out.length(); k++) {
            char c = out.charAt(k);
            if (c == '\\') {
                k++;
                if (k + 1 < out.length() && (out.charAt(k) == 'x' || out.charAt(k) == 'p') && out.charAt(k + 1) == '{') {
                    k = out.indexOf("}", k);
                }
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                if (k + 1 < out.length() && out.charAt(k + 1) == '^') {
                    k++;
                }
                if (k + 1 < out.length() && out.charAt(k + 1) == ']') {
                    k++;
                }
            } else if (c == '*' || c == '+' || c == '?' && out.charAt(k - 1) != '(' || c == '}') {
                if (k + 1 >= out.length() || out.charAt(k + 1) != '?') {
                    out.insert(k + 1, '?');
                }
                k++;
            }
        }
    }

    /**
     * An escape at the cursor, outside brackets or inside them; returns whether it is an atom a quantifier
     * may follow (constraints such as {@code \m} are not).
     */
    private boolean escape(boolean inBracket) {
        at++;
        if (at >= source.length()) {
            throw invalid("invalid regular expression: invalid escape \\ sequence");
        }
        char c = source.charAt(at++);
        switch (c) {
            case 'd', 'D', 's', 'S', 'w', 'W', 'n', 'r', 't', 'f' -> out.append('\\').append(c);
            case 'a' -> out.append("\\x07");
            case 'b' -> out.append("\\x08");
            case 'B' -> out.append("\\\\");
            case 'e' -> out.append("\\x1B");
            case 'v' -> out.append("\\x0B");
            case 'c' -> {
                if (at >= source.length()) {
                    throw invalid("invalid regular expression: invalid escape \\ sequence");
                }
                codePoint(source.charAt(at++) & 0x1F);
            }
            case 'x' -> codePoint(hex(0, 8));
            case 'u' -> codePoint(hex(4, 4));
            case 'U' -> codePoint(hex(8, 8));
            case '0' -> codePoint(octal());
            case 'm', 'M', 'y', 'Y', 'A', 'Z' -> {
                if (inBracket) {
                    throw invalid("invalid regular expression: invalid escape \\ sequence");
                }
                out.append(switch (c) {
                    case 'm' -> "\\b(?=\\w)";
                    case 'M' -> "\\b(?<=\\w)";
                    case 'y' -> "\\b";
                    case 'Y' -> "\\B";
                    case 'A' -> "\\A";
                    default -> "\\z";
                });
                return false;
            }
            default -> {
                if (c >= '1' && c <= '9' && !inBracket) {
                    int number = c - '0';
                    while (at < source.length() && Character.isDigit(source.charAt(at))
                            && number * 10 + source.charAt(at) - '0' <= groups) {
                        number = number * 10 + source.charAt(at++) - '0';
                    }
                    if (number > groups) {
                        throw invalid("invalid regular expression: invalid backreference number");
                    }
                    out.append('\\').append(number);
                } else if (Character.isLetterOrDigit(c)) {
                    throw invalid("invalid regular expression: invalid escape \\ sequence");
                } else {
                    out.append('\\').append(c);
                }
            }
        }
        return true;
    }

    private int hex(int minimum, int maximum) {
        int value = 0;
        int digits = 0;
        while (digits < maximum && at < source.length() && Character.digit(source.charAt(at), 16) >= 0) {
            value = value * 16 + Character.digit(source.charAt(at++), 16);
            digits++;
        }
        if (digits < Math.max(minimum, 1) || value > Character.MAX_CODE_POINT) {
            throw invalid("invalid regular expression: invalid escape \\ sequence");
        }
        return value;
    }

    private int octal() {
        int value = 0;
        for (int digits = 0; digits < 2 && at < source.length() && source.charAt(at) >= '0' && source.charAt(at) <= '7';
             digits++) {
            value = value * 8 + source.charAt(at++) - '0';
        }
        return value;
    }

    private void codePoint(int codePoint) {
        out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    /** A bracket expression at the cursor, as a Java character class with only its own specials escaped. */
    private void bracket() {
        if (source.startsWith("[[:<:]]", at) || source.startsWith("[[:>:]]", at)) {
            out.append(source.charAt(at + 3) == '<' ? "\\b(?=\\w)" : "\\b(?<=\\w)");
            at += 7;
            return;
        }
        at++;
        out.append('[');
        boolean negated = at < source.length() && source.charAt(at) == '^';
        if (negated) {
            out.append('^');
            at++;
        }
        boolean first = true;
        while (true) {
            if (at >= source.length()) {
                throw invalid("invalid regular expression: brackets [] not balanced");
            }
            char c = source.charAt(at);
            if (c == ']' && !first) {
                break;
            }
            first = false;
            if (c == '[' && at + 1 < source.length() && ":.=".indexOf(source.charAt(at + 1)) >= 0) {
                bracketItem(source.charAt(at + 1));
            } else if (c == '\\') {
                escape(true);
            } else if (c == '-' && (out.charAt(out.length() - 1) == '[' || out.charAt(out.length() - 1) == '^'
                    && out.charAt(out.length() - 2) == '[' || at + 1 < source.length() && source.charAt(at + 1) == ']')) {
                out.append("\\-");
                at++;
            } else {
                if (c == '[' || c == '&' || c == '^' || c == ']') {
                    out.append('\\');
                }
                int codePoint = source.codePointAt(at);
                out.appendCodePoint(codePoint);
                at += Character.charCount(codePoint);
            }
        }
        if (negated && flags.newlineDot()) {
            out.append("\\n");
        }
        out.append(']');
        at++;
    }

    /** {@code [:class:]}, {@code [.c.]} or {@code [=c=]} inside brackets. */
    private void bracketItem(char kind) {
        int close = source.indexOf(kind + "]", at + 2);
        if (close < 0) {
            throw invalid("invalid regular expression: brackets [] not balanced");
        }
        String name = source.substring(at + 2, close);
        at = close + 2;
        if (kind != ':') {
            if (name.codePointCount(0, name.length()) != 1) {
                throw invalid("invalid regular expression: invalid collating element");
            }
            int codePoint = name.codePointAt(0);
            if (Character.isLetterOrDigit(codePoint)) {
                out.appendCodePoint(codePoint);
            } else {
                codePoint(codePoint);
            }
            return;
        }
        out.append(switch (name) {
            case "alpha" -> "\\p{IsAlphabetic}";
            case "digit" -> "0-9";
            case "alnum" -> "\\p{IsAlphabetic}0-9";
            case "upper" -> flags.caseInsensitive() ? "\\p{IsAlphabetic}" : "\\p{IsUppercase}";
            case "lower" -> flags.caseInsensitive() ? "\\p{IsAlphabetic}" : "\\p{IsLowercase}";
            case "space" -> "\\s\\x0B";
            case "blank" -> " \\t";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "0-9A-Fa-f";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "word" -> "\\w";
            default -> throw invalid("invalid regular expression: invalid character class");
        });
    }

    private static BasaltException invalid(String message) {
        return BasaltException.of(SqlState.INVALID_REGULAR_EXPRESSION, message);
    }
}
