package io.basalt.type.json.path;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits jsonpath text into tokens the way PostgreSQL's jsonpath scanner does: punctuation and operators,
 * double-quoted strings with JSON and jsonpath escapes, numbers (decimal only; a letter right after a number
 * is "trailing junk"), {@code $name} / {@code $"name"} variables, and bare words, which the parser reads as
 * keywords or keys depending on where they stand.
 */
final class JsonPathLexer {
    enum Kind { PUNCT, STRING, NUMBER, VARIABLE, WORD, END }

    record Token(Kind kind, String text) {
        boolean is(String punctuation) {
            return kind == Kind.PUNCT && text.equals(punctuation);
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }
    }

    private static final String SPECIAL = "?%$.[]{}()|&!=<>@#,*:-+/\\\" \t\n\r\f";

    private final String text;
    private int at;

    private JsonPathLexer(String text) {
        this.text = text;
    }

    /** The tokens of {@code text}, ending with one END token; lexical errors are PostgreSQL's 42601. */
    static List<Token> tokenize(String text) {
        JsonPathLexer lexer = new JsonPathLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    static BasaltException syntaxError(String near) {
        return BasaltException.of(SqlState.SYNTAX_ERROR, near == null ? "syntax error at end of jsonpath input"
                : "syntax error at or near \"" + near + "\" of jsonpath input");
    }

    private Token next() {
        while (at < text.length() && " \t\n\r\f".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        if (at >= text.length()) {
            return new Token(Kind.END, null);
        }
        char c = text.charAt(at);
        if (c == '"') {
            at++;
            return new Token(Kind.STRING, quoted());
        }
        if (c == '$') {
            at++;
            if (at < text.length() && text.charAt(at) == '"') {
                at++;
                return new Token(Kind.VARIABLE, quoted());
            }
            int start = at;
            while (at < text.length() && isWordChar(text.charAt(at))) {
                at++;
            }
            return start == at ? new Token(Kind.PUNCT, "$") : new Token(Kind.VARIABLE, text.substring(start, at));
        }
        if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
            return number();
        }
        for (String two : new String[] {"==", "!=", "<>", "<=", ">=", "&&", "||", "**"}) {
            if (text.startsWith(two, at)) {
                at += 2;
                return new Token(Kind.PUNCT, two.equals("<>") ? "!=" : two);
            }
        }
        if (SPECIAL.indexOf(c) >= 0) {
            at++;
            return new Token(Kind.PUNCT, String.valueOf(c));
        }
        StringBuilder word = new StringBuilder();
        while (at < text.length() && (isWordChar(text.charAt(at)) || text.charAt(at) == '\\')) {
            char next = text.charAt(at++);
            if (next == '\\') {
                escape(word);
            } else {
                word.append(next);
            }
        }
        return new Token(Kind.WORD, word.toString());
    }

    private static boolean isWordChar(char c) {
        return SPECIAL.indexOf(c) < 0;
    }

    private Token number() {
        int start = at;
        boolean leadingZero = text.charAt(at) == '0';
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        boolean junk = leadingZero && at - start > 1;
        if (at < text.length() && text.charAt(at) == '.') {
            int dot = at;
            at++;
            boolean fraction = false;
            while (at < text.length() && Character.isDigit(text.charAt(at))) {
                at++;
                fraction = true;
            }
            if (!fraction && dot > start && at < text.length() && isWordChar(text.charAt(at))
                    && text.charAt(at) != 'e' && text.charAt(at) != 'E') {
                at++;
                throw trailingJunk(start);
            }
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int exponent = at + 1;
            if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
                exponent++;
            }
            if (exponent < text.length() && Character.isDigit(text.charAt(exponent))) {
                at = exponent;
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            } else {
                at++;
                throw trailingJunk(start);
            }
        }
        if (junk || at < text.length() && isWordChar(text.charAt(at))) {
            at++;
            throw trailingJunk(start);
        }
        return new Token(Kind.NUMBER, text.substring(start, at));
    }

    private BasaltException trailingJunk(int start) {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "trailing junk after numeric literal at or near \""
                + text.substring(start, Math.min(at, text.length())) + "\" of jsonpath input");
    }

    /** The body of a double-quoted string whose opening quote was read, escapes decoded. */
    private String quoted() {
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw BasaltException.of(SqlState.SYNTAX_ERROR, "unexpected end of quoted string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            escape(out);
        }
    }

    /** Decodes the escape after a backslash that was just read. */
    private void escape(StringBuilder out) {
        if (at >= text.length()) {
            throw BasaltException.of(SqlState.SYNTAX_ERROR, "unexpected end after backslash");
        }
        char e = text.charAt(at++);
        switch (e) {
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000B');
            case 'x' -> out.appendCodePoint(hex(2, 2));
            case 'u' -> {
                if (at < text.length() && text.charAt(at) == '{') {
                    at++;
                    int code = hex(1, 6);
                    if (at >= text.length() || text.charAt(at) != '}') {
                        throw invalidUnicode();
                    }
                    at++;
                    appendCode(out, code);
                } else {
                    appendCode(out, hex(4, 4));
                }
            }
            default -> out.append(e);
        }
    }

    private void appendCode(StringBuilder out, int code) {
        if (code == 0) {
            throw BasaltException.of(SqlState.UNTRANSLATABLE_CHARACTER, "unsupported Unicode escape sequence")
                    .withDetail("\\u0000 cannot be converted to text.");
        }
        out.appendCodePoint(code);
    }

    private int hex(int min, int max) {
        int value = 0;
        int digits = 0;
        while (digits < max && at < text.length() && Character.digit(text.charAt(at), 16) >= 0) {
            value = value * 16 + Character.digit(text.charAt(at), 16);
            at++;
            digits++;
        }
        if (digits < min) {
            throw invalidUnicode();
        }
        return value;
    }

    private static BasaltException invalidUnicode() {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "invalid Unicode escape sequence at or near end of jsonpath"
                + " input");
    }
}
