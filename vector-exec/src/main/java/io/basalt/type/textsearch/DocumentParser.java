package io.basalt.type.textsearch;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document into the tokens a text search configuration turns into lexemes, after the manner of
 * PostgreSQL's default parser: words (letters and digits), numbers (with a sign, a decimal point, or dotted like a
 * version), host names ({@code example.com}), e-mail addresses, and hyphenated words, which give the whole word and
 * then each part. Everything else (spaces, punctuation, apostrophes, underscores) separates tokens. Each token takes
 * the next position, stop words included. Not recognized as PostgreSQL does: URLs, file paths, XML tags and
 * scientific notation, which split into their words and numbers here.
 */
public final class DocumentParser {
    /** One token: its text, whether it is a number (never stemmed), and its position (from 1). */
    public record Token(String text, boolean number, int position) {
    }

    /** PostgreSQL's largest word position; later words keep it. */
    static final int MAXIMUM_POSITION = 16383;

    private DocumentParser() {
    }

    /** The tokens of {@code text}, their positions counted on from {@code lastPosition}. */
    public static List<Token> tokens(String text, int lastPosition) {
        List<Token> tokens = new ArrayList<>();
        int position = lastPosition;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            boolean signed = (c == '-' || c == '+') && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)));
            if (!Character.isLetterOrDigit(c) && !signed) {
                i++;
                continue;
            }
            int start = i;
            int end = runEnd(text, signed ? i + 1 : i);
            // joined by '-', '.' or '@' when a letter or digit follows
            while (end + 1 < n && (text.charAt(end) == '-' || text.charAt(end) == '.' || text.charAt(end) == '@')
                    && Character.isLetterOrDigit(text.charAt(end + 1))) {
                end = runEnd(text, end + 1);
            }
            position = segment(text.substring(start, end), signed, tokens, position);
            i = end;
        }
        return tokens;
    }

    private static int runEnd(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Adds the tokens of one joined segment; returns the last position used. */
    private static int segment(String segment, boolean signed, List<Token> tokens, int position) {
        String body = signed ? segment.substring(1) : segment;
        boolean hasDot = body.indexOf('.') >= 0;
        boolean hasHyphen = body.indexOf('-') >= 0;
        int at = body.indexOf('@');
        if (isNumber(body)) {
            return add(tokens, segment, true, position);
        }
        if (signed) {
            // a sign before a word is punctuation
            return segment(body, false, tokens, position);
        }
        if (at > 0 && at == body.lastIndexOf('@') && isHost(body.substring(at + 1))) {
            return add(tokens, segment, true, position);
        }
        if (hasDot && at < 0 && isHost(body)) {
            return add(tokens, segment, true, position);
        }
        if (hasDot || at >= 0) {
            int last = position;
            for (String piece : body.split("[.@]")) {
                if (!piece.isEmpty()) {
                    last = segment(piece, false, tokens, last);
                }
            }
            return last;
        }
        if (hasHyphen) {
            String[] parts = body.split("-");
            int last = add(tokens, body, false, position);
            for (String part : parts) {
                last = add(tokens, part, hasDigit(part), last);
            }
            return last;
        }
        return add(tokens, body, hasDigit(body), position);
    }

    private static int add(List<Token> tokens, String text, boolean number, int position) {
        int next = Math.min(position + 1, MAXIMUM_POSITION);
        tokens.add(new Token(text, number, next));
        return next;
    }

    /** Digits, optionally with one decimal point, or dotted groups of digits (a version). */
    private static boolean isNumber(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;
            }
        }
        return !text.isEmpty() && text.charAt(0) != '.';
    }

    /** Dotted labels of letters, digits and hyphens, the last one with a letter. */
    private static boolean isHost(String text) {
        String[] labels = text.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                    return false;
                }
            }
        }
        String last = labels[labels.length - 1];
        for (int i = 0; i < last.length(); i++) {
            if (Character.isLetter(last.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
