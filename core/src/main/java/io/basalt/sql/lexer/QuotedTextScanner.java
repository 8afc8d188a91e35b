package io.basalt.sql.lexer;

import io.basalt.error.BasaltException;
import java.util.Arrays;

/**
 * Scans everything quoted: string constants ({@code '...'} with {@code ''}, {@code E'...'} with backslash
 * escapes, {@code U&'...'} with Unicode escapes and an optional {@code UESCAPE}, {@code $tag$...$tag$}),
 * bit and hexadecimal strings, and quoted names ({@code "..."}, {@code U&"..."}).
 *
 * <p>Like PostgreSQL, a string constant continues in the next {@code '...'} when only whitespace that holds
 * at least one newline (and {@code --} comments) separates them: {@code 'foo'<newline>'bar'} is
 * {@code 'foobar'}. Each method takes the offset of the token's first character and returns the value and the
 * offset just past the token.
 */
final class QuotedTextScanner {
    private final SqlSource source;
    private final String text;

    /** A scanned token: its value and the offset just past it. */
    record Scanned(String value, int end) {
    }

    QuotedTextScanner(SqlSource source) {
        this.source = source;
        this.text = source.text();
    }

    /** {@code '...'} whose opening quote is at {@code openQuote}; errors are reported from {@code tokenStart}. */
    Scanned standardString(int tokenStart, int openQuote) {
        StringBuilder value = new StringBuilder();
        int i = openQuote + 1;
        while (true) {
            int close = text.indexOf('\'', i);
            if (close < 0) {
                throw unterminated("unterminated quoted string", tokenStart);
            }
            value.append(text, i, close);
            if (charAt(close + 1) == '\'') {
                value.append('\'');
                i = close + 2;
                continue;
            }
            int next = continuation(close + 1);
            if (next < 0) {
                return new Scanned(value.toString(), close + 1);
            }
            i = next;
        }
    }

    /** {@code E'...'} starting at {@code start} (the E): backslash escapes as PostgreSQL processes them. */
    Scanned escapeString(int start) {
        EscapeStringDecoder decoder = new EscapeStringDecoder(source);
        int i = start + 2;
        while (true) {
            if (i >= text.length()) {
                throw unterminated("unterminated quoted string", start);
            }
            char c = text.charAt(i);
            if (c == '\\') {
                if (i + 1 >= text.length()) {
                    throw unterminated("unterminated quoted string", start);
                }
                i = decoder.escape(i);
            } else if (c == '\'') {
                if (charAt(i + 1) == '\'') {
                    decoder.checkNoPendingSurrogate(i);
                    decoder.literal(text, i, i + 1);
                    i += 2;
                    continue;
                }
                decoder.checkNoPendingSurrogate(i);
                int next = continuation(i + 1);
                if (next < 0) {
                    return new Scanned(decoder.finish(), i + 1);
                }
                i = next;
            } else {
                int runEnd = i + 1;
                while (runEnd < text.length() && text.charAt(runEnd) != '\\' && text.charAt(runEnd) != '\'') {
                    runEnd++;
                }
                decoder.checkNoPendingSurrogate(i);
                decoder.literal(text, i, runEnd);
                i = runEnd;
            }
        }
    }

    /** {@code U&'...' [UESCAPE 'c']} starting at {@code start} (the U). */
    Scanned unicodeString(int start) {
        StringBuilder raw = new StringBuilder();
        SourceOffsets sourceOffsets = new SourceOffsets();
        int i = start + 3;
        while (true) {
            int close = text.indexOf('\'', i);
            if (close < 0) {
                throw unterminated("unterminated quoted string", start);
            }
            appendRaw(raw, sourceOffsets, i, close);
            if (charAt(close + 1) == '\'') {
                appendRaw(raw, sourceOffsets, close, close + 1);
                i = close + 2;
                continue;
            }
            int next = continuation(close + 1);
            if (next < 0) {
                return decodeUnicode(raw, sourceOffsets, close + 1);
            }
            i = next;
        }
    }

    /** {@code U&"..." [UESCAPE 'c']} starting at {@code start} (the U). */
    Scanned unicodeIdentifier(int start) {
        StringBuilder raw = new StringBuilder();
        SourceOffsets sourceOffsets = new SourceOffsets();
        int end = scanQuotedName(start, start + 2, raw, sourceOffsets);
        Scanned decoded = decodeUnicode(raw, sourceOffsets, end);
        if (decoded.value().isEmpty()) {
            throw source.errorAtOrNear("zero-length delimited identifier", start, end);
        }
        return decoded;
    }

    /** {@code "..."} with {@code ""} standing for one quote. */
    Scanned quotedIdentifier(int start) {
        StringBuilder name = new StringBuilder();
        int end = scanQuotedName(start, start, name, null);
        if (name.isEmpty()) {
            throw source.errorAtOrNear("zero-length delimited identifier", start, end);
        }
        return new Scanned(name.toString(), end);
    }

    /** {@code B'...'} or {@code X'...'} starting at {@code start}; the value is the text between the quotes. */
    Scanned bitString(int start, String unterminatedMessage) {
        StringBuilder value = new StringBuilder();
        int i = start + 2;
        while (true) {
            int close = text.indexOf('\'', i);
            if (close < 0) {
                throw unterminated(unterminatedMessage, start);
            }
            value.append(text, i, close);
            int next = continuation(close + 1);
            if (next < 0) {
                return new Scanned(value.toString(), close + 1);
            }
            i = next;
        }
    }

    /** {@code $tag$...$tag$} starting at {@code start}; {@code delimiter} is the opening {@code $tag$}. */
    Scanned dollarString(int start, String delimiter) {
        int bodyStart = start + delimiter.length();
        int close = text.indexOf(delimiter, bodyStart);
        if (close < 0) {
            throw unterminated("unterminated dollar-quoted string", start);
        }
        return new Scanned(text.substring(bodyStart, close), close + delimiter.length());
    }

    private int scanQuotedName(int tokenStart, int openQuote, StringBuilder name, SourceOffsets sourceOffsets) {
        int i = openQuote + 1;
        while (true) {
            int close = text.indexOf('"', i);
            if (close < 0) {
                throw unterminated("unterminated quoted identifier", tokenStart);
            }
            appendRaw(name, sourceOffsets, i, close);
            if (charAt(close + 1) != '"') {
                return close + 1;
            }
            appendRaw(name, sourceOffsets, close, close + 1);
            i = close + 2;
        }
    }

    private void appendRaw(StringBuilder raw, SourceOffsets sourceOffsets, int from, int to) {
        raw.append(text, from, to);
        if (sourceOffsets != null) {
            for (int i = from; i < to; i++) {
                sourceOffsets.add(i);
            }
        }
    }

    /** The source offset of each char of a literal's raw text, so that escape errors point into the source. */
    private static final class SourceOffsets {
        private int[] offsets = new int[16];
        private int size;

        void add(int offset) {
            if (size == offsets.length) {
                offsets = Arrays.copyOf(offsets, size * 2);
            }
            offsets[size++] = offset;
        }

        int[] toArray() {
            return Arrays.copyOf(offsets, size);
        }
    }

    /** Applies {@code UESCAPE} if one follows at {@code end}, then decodes the Unicode escapes of {@code raw}. */
    private Scanned decodeUnicode(StringBuilder raw, SourceOffsets sourceOffsets, int end) {
        char escape = '\\';
        int afterLiteral = end;
        int next = skipSpaceAndComments(end);
        if (startsWithWord(next, "uescape")) {
            int stringStart = skipSpaceAndComments(next + "uescape".length());
            Scanned escapeText;
            char c = charAt(stringStart);
            if (c == '\'') {
                escapeText = standardString(stringStart, stringStart);
            } else if ((c == 'e' || c == 'E') && charAt(stringStart + 1) == '\'') {
                escapeText = escapeString(stringStart);
            } else if (stringStart >= text.length()) {
                throw source.errorAtEnd("UESCAPE must be followed by a simple string literal");
            } else {
                throw source.errorAtOrNear("UESCAPE must be followed by a simple string literal", stringStart,
                        endOfWordOrChar(stringStart));
            }
            String value = escapeText.value();
            if (value.length() != 1 || !UnicodeEscapeDecoder.isValidEscapeCharacter(value.charAt(0))) {
                throw source.errorAtOrNear("invalid Unicode escape character", stringStart, escapeText.end());
            }
            escape = value.charAt(0);
            afterLiteral = escapeText.end();
        }
        int[] offsets = sourceOffsets.toArray();
        String value = new UnicodeEscapeDecoder(source, escape).decode(raw.toString(), offsets);
        return new Scanned(value, afterLiteral);
    }

    /**
     * Where the next piece of a continued string starts: just past the opening quote of {@code '...'} when
     * only horizontal space and {@code --} comments, then a newline, then any whitespace and comment lines
     * separate it from {@code afterQuote}; -1 when the string does not continue.
     */
    private int continuation(int afterQuote) {
        int i = afterQuote;
        boolean sawNewline = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                sawNewline = true;
                i++;
            } else if (Lexer.isWhitespace(c)) {
                i++;
            } else if (c == '-' && charAt(i + 1) == '-') {
                i += 2;
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else {
                break;
            }
        }
        return sawNewline && charAt(i) == '\'' ? i + 1 : -1;
    }

    private int skipSpaceAndComments(int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Lexer.isWhitespace(c)) {
                i++;
            } else if (c == '-' && charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else if (c == '/' && charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                if (close < 0) {
                    return i;
                }
                i = close + 2;
            } else {
                break;
            }
        }
        return i;
    }

    private boolean startsWithWord(int at, String lowerCaseWord) {
        return text.regionMatches(true, at, lowerCaseWord, 0, lowerCaseWord.length())
                && !Lexer.isIdentifierPart(charAt(at + lowerCaseWord.length()));
    }

    private int endOfWordOrChar(int start) {
        int end = start + 1;
        if (Lexer.isIdentifierPart(text.charAt(start))) {
            while (end < text.length() && Lexer.isIdentifierPart(text.charAt(end))) {
                end++;
            }
        }
        return end;
    }

    private BasaltException unterminated(String message, int start) {
        return source.errorAtOrNear(message, start, text.length());
    }

    private char charAt(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }
}
