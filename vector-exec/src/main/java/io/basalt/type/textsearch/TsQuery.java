package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;

/**
 * A tsquery: lexemes combined with {@code !} (not), {@code <->} / {@code <N>} (followed by, at distance N),
 * {@code &} (and) and {@code |} (or), binding in that order, left to right. An operand may carry weights
 * ({@code 'fox':AB}) and a prefix mark ({@code 'jump':*}). Basalt stores a tsquery as the text {@link #text}
 * writes, which is how PostgreSQL prints one; an empty query (only stop words) is the empty text.
 */
public sealed interface TsQuery {
    /** A lexeme; {@code weights} has bit 3 for A down to bit 0 for D, 0 for any weight. */
    record Operand(String lexeme, int weights, boolean prefix) implements TsQuery {
    }

    record Not(TsQuery operand) implements TsQuery {
    }

    record And(TsQuery left, TsQuery right) implements TsQuery {
    }

    record Or(TsQuery left, TsQuery right) implements TsQuery {
    }

    record Phrase(TsQuery left, TsQuery right, int distance) implements TsQuery {
    }

    /**
     * Reads tsquery input as PostgreSQL's tsquery type does: lexemes as written (no normalization). Returns null
     * for a query without operands.
     *
     * @throws BasaltException 42601 for malformed input
     */
    static TsQuery parse(String text) {
        return new TsQueryParser(text, null).parseAll();
    }

    /**
     * Reads a query as {@code to_tsquery} does: each operand's words become lexemes through {@code configuration}
     * (several join with {@code <->}); stop words drop out with their operators, their distance kept inside a
     * phrase. Returns null when nothing is left.
     */
    static TsQuery normalized(String text, TextSearchConfiguration configuration) {
        TsQuery parsed = new TsQueryParser(text, configuration).parseAll();
        return parsed == null ? null : TsQueryCleaner.clean(parsed);
    }

    /** The query's text as PostgreSQL prints it; the empty string for null. */
    static String text(TsQuery query) {
        if (query == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        write(query, out);
        return out.toString();
    }

    private static void write(TsQuery query, StringBuilder out) {
        switch (query) {
            case Operand operand -> {
                out.append(TsVector.quote(operand.lexeme()));
                if (operand.prefix() || operand.weights() != 0) {
                    out.append(':');
                    if (operand.prefix()) {
                        out.append('*');
                    }
                    for (int bit = 3; bit >= 0; bit--) {
                        if ((operand.weights() & (1 << bit)) != 0) {
                            out.append(TsVector.weightLetter(bit));
                        }
                    }
                }
            }
            case Not not -> {
                out.append('!');
                child(not.operand(), priority(not), false, out);
            }
            case And and -> binary(and, and.left(), and.right(), " & ", out);
            case Or or -> binary(or, or.left(), or.right(), " | ", out);
            case Phrase phrase -> binary(phrase, phrase.left(), phrase.right(),
                    phrase.distance() == 1 ? " <-> " : " <" + phrase.distance() + "> ", out);
        }
    }

    private static void binary(TsQuery parent, TsQuery left, TsQuery right, String operator, StringBuilder out) {
        child(left, priority(parent), false, out);
        out.append(operator);
        child(right, priority(parent), parent instanceof Phrase && right instanceof Phrase, out);
    }

    private static void child(TsQuery child, int parentPriority, boolean forceParentheses, StringBuilder out) {
        boolean parentheses = forceParentheses || priority(child) < parentPriority;
        if (parentheses) {
            out.append("( ");
        }
        write(child, out);
        if (parentheses) {
            out.append(" )");
        }
    }

    private static int priority(TsQuery query) {
        return switch (query) {
            case Operand ignored -> 5;
            case Not ignored -> 4;
            case Phrase ignored -> 3;
            case And ignored -> 2;
            case Or ignored -> 1;
        };
    }

    /** Builds the left-deep chain of {@code operands} joined by and. */
    static TsQuery andAll(List<TsQuery> operands) {
        TsQuery result = null;
        for (TsQuery operand : operands) {
            result = result == null ? operand : new And(result, operand);
        }
        return result;
    }

    /** A malformed query's error. */
    static BasaltException syntax(String text) {
        return BasaltException.of(SqlState.SYNTAX_ERROR, "syntax error in tsquery: \"" + text + "\"");
    }

    /** The operands of {@code query}, left to right. */
    static List<Operand> operands(TsQuery query) {
        List<Operand> found = new ArrayList<>();
        collect(query, found);
        return found;
    }

    private static void collect(TsQuery query, List<Operand> found) {
        switch (query) {
            case Operand operand -> found.add(operand);
            case Not not -> collect(not.operand(), found);
            case And and -> {
                collect(and.left(), found);
                collect(and.right(), found);
            }
            case Or or -> {
                collect(or.left(), found);
                collect(or.right(), found);
            }
            case Phrase phrase -> {
                collect(phrase.left(), found);
                collect(phrase.right(), found);
            }
        }
    }
}
