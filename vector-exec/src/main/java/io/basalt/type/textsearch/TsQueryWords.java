package io.basalt.type.textsearch;

import java.util.ArrayList;
import java.util.List;

/**
 * A query of the words of a text, as plainto_tsquery ({@code &} between lexemes) and phraseto_tsquery
 * ({@code <N>}, N the distance between the words' positions, so stop words keep their place) make it.
 */
public final class TsQueryWords {
    private TsQueryWords() {
    }

    /** The words of {@code text} as lexemes of {@code configuration}, joined as a phrase or by and; null for none. */
    public static TsQuery of(String text, TextSearchConfiguration configuration, boolean phrase) {
        List<TsQuery> operands = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (DocumentParser.Token token : DocumentParser.tokens(text, 0)) {
            String lexeme = configuration.lexeme(token.text(), token.number());
            if (lexeme != null && !lexeme.isEmpty()) {
                operands.add(new TsQuery.Operand(lexeme, 0, false));
                positions.add(token.position());
            }
        }
        TsQuery query = null;
        for (int k = 0; k < operands.size(); k++) {
            if (query == null) {
                query = operands.get(k);
            } else if (!phrase) {
                query = new TsQuery.And(query, operands.get(k));
            } else {
                query = new TsQuery.Phrase(query, operands.get(k), positions.get(k) - positions.get(k - 1));
            }
        }
        return query;
    }
}
