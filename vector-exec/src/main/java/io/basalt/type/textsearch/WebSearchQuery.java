package io.basalt.type.textsearch;

import java.util.ArrayList;
import java.util.List;

/**
 * websearch_to_tsquery: a query written as people type into a search box, read as PostgreSQL reads it. Words
 * next to each other are joined by {@code &}; a word {@code or} (any case) between two operands is {@code |}; a
 * {@code -} in front of an operand negates it; text in double quotes is one operand whose words form a phrase
 * ({@code <->}). Everything else that could be tsquery syntax ({@code ! & | ( ) <}) is skipped, and a word ends at
 * a space, such a character, a double quote or a colon. Each operand's words become lexemes through the
 * configuration as phraseto_tsquery makes them (several join with {@code <->}, stop words keep their distance);
 * an operand of stop words only drops out with its operator, as in to_tsquery. {@code !} binds tightest, then
 * {@code &}, then {@code |}.
 */
public final class WebSearchQuery {
    /** A piece of the query as read: an operand (its query, or {@link TsQueryCleaner#REMOVED}) or an operator. */
    private record Piece(TsQuery operand, char operator) {
    }

    private final String text;
    private final TextSearchConfiguration configuration;
    private final List<Piece> pieces = new ArrayList<>();
    private int position;

    private WebSearchQuery(String text, TextSearchConfiguration configuration) {
        this.text = text;
        this.configuration = configuration;
    }

    /** The query {@code text} means, its words normalized by {@code configuration}; null when nothing is left. */
    public static TsQuery parse(String text, TextSearchConfiguration configuration) {
        WebSearchQuery reader = new WebSearchQuery(text, configuration);
        reader.read();
        if (reader.pieces.isEmpty()) {
            return null;
        }
        int[] next = {0};
        TsQuery query = reader.or(next);
        return TsQueryCleaner.clean(query);
    }

    /** Splits the text into operands and operators, alternating (negations before operands). */
    private void read() {
        boolean waitingOperand = true;
        while (position < text.length()) {
            char c = text.charAt(position);
            if (waitingOperand) {
                if (c == '-') {
                    position++;
                    pieces.add(new Piece(null, '!'));
                } else if (c == '"') {
                    int start = ++position;
                    while (position < text.length() && text.charAt(position) != '"') {
                        position++;
                    }
                    operand(text.substring(start, position));
                    if (position < text.length()) {
                        position++;
                    }
                    waitingOperand = false;
                } else if (isOperator(c) || Character.isWhitespace(c)) {
                    position++;
                } else {
                    int start = position++;
                    while (position < text.length() && !endsWord(text.charAt(position))) {
                        position++;
                    }
                    operand(text.substring(start, position));
                    waitingOperand = false;
                }
            } else if (c == '"') {
                pieces.add(new Piece(null, '&'));
                waitingOperand = true;
            } else if (orOperator()) {
                position += 2;
                pieces.add(new Piece(null, '|'));
                waitingOperand = true;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else {
                pieces.add(new Piece(null, '&'));
                waitingOperand = true;
            }
        }
        if (waitingOperand && !pieces.isEmpty()) {
            pieces.add(new Piece(TsQueryCleaner.REMOVED, (char) 0)); // an operator left without its operand
        }
    }

    private void operand(String words) {
        TsQuery query = TsQueryWords.of(words, configuration, true);
        pieces.add(new Piece(query == null ? TsQueryCleaner.REMOVED : query, (char) 0));
    }

    /** Whether {@code or} starts here as an operator: not part of a word, and some operand after it. */
    private boolean orOperator() {
        if (!text.regionMatches(true, position, "or", 0, 2)) {
            return false;
        }
        int after = position + 2;
        if (after >= text.length()) {
            return false;
        }
        char c = text.charAt(after);
        if (c == '-' || c == '_' || Character.isLetterOrDigit(c)) {
            return false;
        }
        for (int i = after + 1; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOperator(char c) {
        return c == '!' || c == '&' || c == '|' || c == '(' || c == ')' || c == '<';
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || isOperator(c) || c == '"' || c == ':';
    }

    private TsQuery or(int[] next) {
        TsQuery left = and(next);
        while (next[0] < pieces.size() && pieces.get(next[0]).operator() == '|') {
            next[0]++;
            left = new TsQuery.Or(left, and(next));
        }
        return left;
    }

    private TsQuery and(int[] next) {
        TsQuery left = not(next);
        while (next[0] < pieces.size() && pieces.get(next[0]).operator() == '&') {
            next[0]++;
            left = new TsQuery.And(left, not(next));
        }
        return left;
    }

    private TsQuery not(int[] next) {
        if (next[0] >= pieces.size()) {
            return TsQueryCleaner.REMOVED;
        }
        Piece piece = pieces.get(next[0]++);
        if (piece.operator() == '!') {
            return new TsQuery.Not(not(next));
        }
        return piece.operand();
    }
}
