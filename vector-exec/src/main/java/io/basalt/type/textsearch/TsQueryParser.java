package io.basalt.type.textsearch;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tsquery syntax by precedence climbing: {@code |} lowest, then {@code &}, then {@code <->} and
 * {@code <N>}, then {@code !}, then operands and parentheses. With a configuration (to_tsquery), an operand's words
 * become lexemes through it: none (a stop word) leaves a {@link TsQueryCleaner#REMOVED} marker, several a phrase.
 */
final class TsQueryParser {
    private final String text;
    private final TextSearchConfiguration configuration;
    private int position;

    TsQueryParser(String text, TextSearchConfiguration configuration) {
        this.text = text;
        this.configuration = configuration;
    }

    TsQuery parseAll() {
        skipSpaces();
        if (position >= text.length()) {
            return null;
        }
        TsQuery query = or();
        skipSpaces();
        if (position < text.length()) {
            throw TsQuery.syntax(text);
        }
        return query;
    }

    private TsQuery or() {
        TsQuery left = and();
        while (peek('|')) {
            position++;
            left = new TsQuery.Or(left, and());
        }
        return left;
    }

    private TsQuery and() {
        TsQuery left = phrase();
        while (peek('&')) {
            position++;
            left = new TsQuery.And(left, phrase());
        }
        return left;
    }

    private TsQuery phrase() {
        TsQuery left = not();
        while (peek('<')) {
            int distance = distance();
            left = new TsQuery.Phrase(left, not(), distance);
        }
        return left;
    }

    /** Reads {@code <->} or {@code <N>}. */
    private int distance() {
        position++;
        if (position < text.length() && text.charAt(position) == '-') {
            position++;
            expect('>');
            return 1;
        }
        int start = position;
        while (position < text.length() && Character.isDigit(text.charAt(position))) {
            position++;
        }
        if (start == position || position - start > 5) {
            throw TsQuery.syntax(text);
        }
        int distance = Integer.parseInt(text.substring(start, position));
        if (distance > DocumentParser.MAXIMUM_POSITION) {
            throw io.basalt.error.BasaltException.of(io.basalt.error.SqlState.INVALID_PARAMETER_VALUE,
                    "distance in phrase operator must be an integer value between zero and "
                            + DocumentParser.MAXIMUM_POSITION + " inclusive");
        }
        expect('>');
        return distance;
    }

    private TsQuery not() {
        if (peek('!')) {
            position++;
            return new TsQuery.Not(not());
        }
        if (peek('(')) {
            position++;
            TsQuery inner = or();
            if (!peek(')')) {
                throw TsQuery.syntax(text);
            }
            position++;
            return inner;
        }
        return operand();
    }

    private TsQuery operand() {
        skipSpaces();
        StringBuilder word = new StringBuilder();
        if (position < text.length() && text.charAt(position) == '\'') {
            position++;
            while (true) {
                if (position >= text.length()) {
                    throw TsQuery.syntax(text);
                }
                char c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length()) {
                    word.append(text.charAt(position + 1));
                    position += 2;
                } else if (c == '\'' && position + 1 < text.length() && text.charAt(position + 1) == '\'') {
                    word.append('\'');
                    position += 2;
                } else if (c == '\'') {
                    position++;
                    break;
                } else {
                    word.append(c);
                    position++;
                }
            }
        } else {
            while (position < text.length() && !Character.isWhitespace(text.charAt(position))
                    && "()!&|:<".indexOf(text.charAt(position)) < 0) {
                char c = text.charAt(position);
                if (c == '\\' && position + 1 < text.length()) {
                    word.append(text.charAt(position + 1));
                    position += 2;
                } else {
                    word.append(c);
                    position++;
                }
            }
        }
        if (word.isEmpty()) {
            throw TsQuery.syntax(text);
        }
        int weights = 0;
        boolean prefix = false;
        if (position < text.length() && text.charAt(position) == ':') {
            position++;
            while (position < text.length() && "*aAbBcCdD".indexOf(text.charAt(position)) >= 0) {
                char c = text.charAt(position++);
                if (c == '*') {
                    prefix = true;
                } else {
                    weights |= 1 << TsVector.weightCode(c);
                }
            }
        }
        return configuration == null ? new TsQuery.Operand(word.toString(), weights, prefix)
                : normalizedOperand(word.toString(), weights, prefix);
    }

    private TsQuery normalizedOperand(String word, int weights, boolean prefix) {
        List<DocumentParser.Token> tokens = DocumentParser.tokens(word, 0);
        List<TsQuery> lexemes = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (DocumentParser.Token token : tokens) {
            String lexeme = configuration.lexeme(token.text(), token.number());
            if (lexeme != null && !lexeme.isEmpty()) {
                lexemes.add(new TsQuery.Operand(lexeme, weights, prefix));
                positions.add(token.position());
            }
        }
        if (lexemes.isEmpty()) {
            return TsQueryCleaner.REMOVED;
        }
        TsQuery result = lexemes.getFirst();
        for (int k = 1; k < lexemes.size(); k++) {
            result = new TsQuery.Phrase(result, lexemes.get(k), positions.get(k) - positions.get(k - 1));
        }
        return result;
    }

    private boolean peek(char c) {
        skipSpaces();
        return position < text.length() && text.charAt(position) == c;
    }

    private void expect(char c) {
        if (position >= text.length() || text.charAt(position) != c) {
            throw TsQuery.syntax(text);
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
