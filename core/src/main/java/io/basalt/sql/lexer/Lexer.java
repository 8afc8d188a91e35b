package io.basalt.sql.lexer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens the way PostgreSQL 15's scanner does: whitespace and {@code --} / nested
 * {@code /* *}{@code /} comments skipped, unquoted names folded to lower case (ASCII letters only) and looked
 * up in the {@link Keyword} table, names truncated to 63 bytes, numbers with PostgreSQL's rejection of trailing
 * junk ({@code 123abc}), {@code $n} parameters, and multi-character operators cut as PostgreSQL cuts them (a
 * {@code +} or {@code -} may end a multi-character operator only if it also holds one of {@code ~!@#^&|`?%}, so
 * {@code 1 =- 2} is {@code 1 = -2}). Quoted text is delegated to {@link QuotedTextScanner}.
 *
 * <p>The result always ends with one {@link TokenKind#END_OF_INPUT} token. Lexical errors are thrown as
 * {@link io.basalt.error.BasaltException}s with PostgreSQL's messages and positions.
 */
public final class Lexer {
    /** PostgreSQL's NAMEDATALEN - 1: the longest name, in bytes. */
    static final int MAX_IDENTIFIER_BYTES = 63;
    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    /** Characters whose presence lets a multi-character operator end in {@code +} or {@code -}. */
    private static final String NON_SQL_OPERATOR_CHARS = "~!@#^&|`?%";

    private final SqlSource source;
    private final String text;
    private final QuotedTextScanner quotedText;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private Lexer(SqlSource source) {
        this.source = source;
        this.text = source.text();
        this.quotedText = new QuotedTextScanner(source);
    }

    /** All tokens of {@code sql}, ending with END_OF_INPUT. */
    public static List<Token> tokenize(String sql) {
        return tokenize(new SqlSource(sql));
    }

    public static List<Token> tokenize(SqlSource source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            skipWhitespaceAndComments();
            if (index >= text.length()) {
                tokens.add(new Token(TokenKind.END_OF_INPUT, "", null, text.length(), text.length(),
                        source.endPosition()));
                return;
            }
            scanToken();
        }
    }

    private void skipWhitespaceAndComments() {
        while (index < text.length()) {
            char c = text.charAt(index);
            if (isWhitespace(c)) {
                index++;
            } else if (c == '-' && charAt(index + 1) == '-') {
                index = endOfLineComment(index);
            } else if (c == '/' && charAt(index + 1) == '*') {
                index = endOfBlockComment(index);
            } else {
                return;
            }
        }
    }

    /** PostgreSQL 15's {@code space}: space, tab, newline, carriage return, form feed. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    /** The index of the newline (or end of text) that ends the {@code --} comment starting at {@code start}. */
    int endOfLineComment(int start) {
        int i = start + 2;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    /** The index just past the (possibly nested) block comment starting at {@code start}. */
    private int endOfBlockComment(int start) {
        int depth = 0;
        int i = start;
        while (i < text.length()) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw source.errorAtOrNear("unterminated /* comment", start, text.length());
    }

    private void scanToken() {
        char c = text.charAt(index);
        int start = index;
        switch (c) {
            case '\'' -> {
                QuotedTextScanner.Scanned string = quotedText.standardString(start, start);
                add(TokenKind.STRING, string.value(), start, string.end());
            }
            case '"' -> {
                QuotedTextScanner.Scanned name = quotedText.quotedIdentifier(start);
                add(TokenKind.QUOTED_IDENTIFIER, truncate(name.value()), start, name.end());
            }
            case '$' -> scanDollar(start);
            case '(' -> add(TokenKind.LEFT_PAREN, "(", start, start + 1);
            case ')' -> add(TokenKind.RIGHT_PAREN, ")", start, start + 1);
            case '[' -> add(TokenKind.LEFT_BRACKET, "[", start, start + 1);
            case ']' -> add(TokenKind.RIGHT_BRACKET, "]", start, start + 1);
            case ',' -> add(TokenKind.COMMA, ",", start, start + 1);
            case ';' -> add(TokenKind.SEMICOLON, ";", start, start + 1);
            case ':' -> {
                if (charAt(start + 1) == ':') {
                    add(TokenKind.TYPECAST, "::", start, start + 2);
                } else if (charAt(start + 1) == '=') {
                    add(TokenKind.COLON_EQUALS, ":=", start, start + 2);
                } else {
                    add(TokenKind.COLON, ":", start, start + 1);
                }
            }
            case '.' -> {
                if (isDigit(charAt(start + 1))) {
                    scanNumber(start);
                } else if (charAt(start + 1) == '.') {
                    add(TokenKind.DOT_DOT, "..", start, start + 2);
                } else {
                    add(TokenKind.DOT, ".", start, start + 1);
                }
            }
            default -> {
                if (isDigit(c)) {
                    scanNumber(start);
                } else if (isIdentifierStart(c)) {
                    scanWord(start);
                } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                    scanOperator(start);
                } else {
                    int end = start + Character.charCount(text.codePointAt(start));
                    add(TokenKind.OTHER, text.substring(start, end), start, end);
                }
            }
        }
    }

    /** A name, or a prefixed string: {@code E'..'}, {@code U&'..'}, {@code B'..'}, {@code X'..'}, {@code N'..'}. */
    private void scanWord(int start) {
        char c = Character.toLowerCase(text.charAt(start));
        char next = charAt(start + 1);
        if (next == '\'') {
            switch (c) {
                case 'e' -> {
                    QuotedTextScanner.Scanned string = quotedText.escapeString(start);
                    add(TokenKind.STRING, string.value(), start, string.end());
                    return;
                }
                case 'b' -> {
                    QuotedTextScanner.Scanned bits = quotedText.bitString(start, "unterminated bit string literal");
                    add(TokenKind.BIT_STRING, bits.value(), start, bits.end());
                    return;
                }
                case 'x' -> {
                    QuotedTextScanner.Scanned hex =
                            quotedText.bitString(start, "unterminated hexadecimal string literal");
                    add(TokenKind.HEX_STRING, hex.value(), start, hex.end());
                    return;
                }
                case 'n' -> {
                    // N'...' is the type name NCHAR followed by a string constant, as in PostgreSQL.
                    add(TokenKind.IDENTIFIER, "nchar", Keyword.NCHAR, start, start + 1);
                    QuotedTextScanner.Scanned string = quotedText.standardString(start + 1, start + 1);
                    add(TokenKind.STRING, string.value(), start + 1, string.end());
                    return;
                }
                default -> {
                }
            }
        }
        if (c == 'u' && next == '&' && (charAt(start + 2) == '\'' || charAt(start + 2) == '"')) {
            if (charAt(start + 2) == '\'') {
                QuotedTextScanner.Scanned string = quotedText.unicodeString(start);
                add(TokenKind.STRING, string.value(), start, string.end());
            } else {
                QuotedTextScanner.Scanned name = quotedText.unicodeIdentifier(start);
                add(TokenKind.QUOTED_IDENTIFIER, truncate(name.value()), start, name.end());
            }
            return;
        }
        int end = start + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        String name = truncate(foldCase(text.substring(start, end)));
        add(TokenKind.IDENTIFIER, name, Keyword.lookup(name), start, end);
    }

    /** {@code $n}, a dollar-quoted string, or a lone {@code $} (which no rule accepts). */
    private void scanDollar(int start) {
        if (isDigit(charAt(start + 1))) {
            int end = start + 1;
            while (isDigit(charAt(end))) {
                end++;
            }
            if (end < text.length() && isIdentifierStart(text.charAt(end))) {
                throw source.errorAtOrNear("trailing junk after parameter", start, endOfJunk(end));
            }
            String digits = text.substring(start + 1, end);
            if (digits.length() > 9) {
                throw source.errorAtOrNear("parameter number too large", start, end);
            }
            add(TokenKind.PARAMETER, digits, start, end);
            return;
        }
        int tagEnd = start + 1;
        if (isIdentifierStart(charAt(tagEnd))) {
            tagEnd++;
            while (isIdentifierStart(charAt(tagEnd)) || isDigit(charAt(tagEnd))) {
                tagEnd++;
            }
        }
        if (charAt(tagEnd) == '$') {
            QuotedTextScanner.Scanned body = quotedText.dollarString(start, text.substring(start, tagEnd + 1));
            add(TokenKind.STRING, body.value(), start, body.end());
        } else {
            add(TokenKind.OTHER, "$", start, start + 1);
        }
    }

    /**
     * A numeric constant: digits with an optional fraction and exponent, or a fraction alone ({@code .5}).
     * {@code 1..2} is the integer 1 followed by {@code ..}. Letters right after a number are an error, as in
     * PostgreSQL 15.
     */
    private void scanNumber(int start) {
        int i = start;
        if (charAt(start) == '0' && radixOf(charAt(start + 1)) != 0) {
            scanRadixInteger(start);
            return;
        }
        while (isDigit(charAt(i))) {
            i++;
        }
        if (charAt(i) == '.' && charAt(i + 1) != '.') {
            i++;
            while (isDigit(charAt(i))) {
                i++;
            }
        }
        char e = charAt(i);
        if (e == 'e' || e == 'E') {
            int exponent = i + 1;
            if (charAt(exponent) == '+' || charAt(exponent) == '-') {
                exponent++;
                if (!isDigit(charAt(exponent))) {
                    throw source.errorAtOrNear("trailing junk after numeric literal", start, exponent);
                }
            }
            if (isDigit(charAt(exponent))) {
                i = exponent;
                while (isDigit(charAt(i))) {
                    i++;
                }
            }
        }
        if (i < text.length() && isIdentifierStart(text.charAt(i))) {
            throw source.errorAtOrNear("trailing junk after numeric literal", start, endOfJunk(i));
        }
        add(TokenKind.NUMBER, text.substring(start, i), start, i);
    }

    private static int radixOf(char prefix) {
        return switch (prefix) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    /**
     * {@code 0x1F}, {@code 0o17}, {@code 0b101} (PostgreSQL 16's non-decimal integer constants, which 15
     * rejects as trailing junk): the token carries the value in decimal, so that the parser types it as any
     * integer constant (integer, bigint or numeric by size). A prefix without digits is an invalid integer.
     */
    private void scanRadixInteger(int start) {
        int radix = radixOf(charAt(start + 1));
        int i = start + 2;
        while (i < text.length() && Character.digit(text.charAt(i), radix) >= 0) {
            i++;
        }
        if (i < text.length() && isIdentifierPart(text.charAt(i))) {
            throw source.errorAtOrNear("trailing junk after numeric literal", start, endOfJunk(i));
        }
        if (i == start + 2) {
            String kind = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary";
            throw source.errorAtOrNear("invalid " + kind + " integer", start, i);
        }
        String decimal = new java.math.BigInteger(text.substring(start + 2, i), radix).toString();
        add(TokenKind.NUMBER, decimal, start, i);
    }

    private int endOfJunk(int junkStart) {
        int end = junkStart + 1;
        while (end < text.length() && isIdentifierPart(text.charAt(end))) {
            end++;
        }
        return end;
    }

    private void scanOperator(int start) {
        int end = start;
        while (end < text.length() && OPERATOR_CHARS.indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        // A comment start inside the run ends the operator there.
        for (int i = start + 1; i < end; i++) {
            if ((text.charAt(i - 1) == '/' && text.charAt(i) == '*')
                    || (text.charAt(i - 1) == '-' && text.charAt(i) == '-')) {
                end = i - 1;
                break;
            }
        }
        if (end - start > 1 && isPlusOrMinus(text.charAt(end - 1)) && !containsNonSqlOperatorChar(start, end - 1)) {
            while (end - start > 1 && isPlusOrMinus(text.charAt(end - 1))) {
                end--;
            }
        }
        String operator = text.substring(start, end);
        if (operator.length() > MAX_IDENTIFIER_BYTES) {
            throw source.errorAtOrNear("operator too long", start, end);
        }
        if (operator.equals("=>")) {
            add(TokenKind.EQUALS_GREATER, operator, start, end);
        } else {
            add(TokenKind.OPERATOR, operator, start, end);
        }
    }

    private static boolean isPlusOrMinus(char c) {
        return c == '+' || c == '-';
    }

    private boolean containsNonSqlOperatorChar(int start, int end) {
        for (int i = start; i < end; i++) {
            if (NON_SQL_OPERATOR_CHARS.indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void add(TokenKind kind, String value, int start, int end) {
        add(kind, value, null, start, end);
    }

    private void add(TokenKind kind, String value, Keyword keyword, int start, int end) {
        tokens.add(new Token(kind, value, keyword, start, end, source.positionOf(start)));
        index = end;
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** PostgreSQL's {@code ident_start}: an ASCII letter, underscore, or any non-ASCII character. */
    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** PostgreSQL's {@code ident_cont}: an identifier start, a digit, or {@code $}. */
    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    /** Lower-cases ASCII letters only, as PostgreSQL does for names in a UTF-8 database. */
    static String foldCase(String name) {
        StringBuilder folded = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (folded == null) {
                    folded = new StringBuilder(name);
                }
                folded.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return folded == null ? name : folded.toString();
    }

    /** Cuts a name to 63 UTF-8 bytes without splitting a character, as PostgreSQL does (it warns; we do not). */
    static String truncate(String name) {
        if (name.length() * 3 <= MAX_IDENTIFIER_BYTES
                || name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        int bytes = 0;
        int i = 0;
        while (i < name.length()) {
            int codePoint = name.codePointAt(i);
            int length = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + length > MAX_IDENTIFIER_BYTES) {
                break;
            }
            bytes += length;
            i += Character.charCount(codePoint);
        }
        return name.substring(0, i);
    }
}
