package io.basalt.exec.function.textsearch;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.Jsonb;
import io.basalt.type.textsearch.DocumentParser;
import io.basalt.type.textsearch.JsonDocuments;
import io.basalt.type.textsearch.TextSearchConfiguration;
import io.basalt.type.textsearch.TsMatch;
import io.basalt.type.textsearch.TsQuery;
import io.basalt.type.textsearch.TsVector;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's text search functions, value by value: to_tsvector of text, json and jsonb, json(b)_to_tsvector,
 * to_tsquery, plainto_tsquery, phraseto_tsquery, the {@code @@} match, and length / numnode. A configuration
 * argument comes first when {@code configured}; without it the configuration is {@code english}, PostgreSQL's
 * default_text_search_config. NULL in any argument gives NULL.
 */
public final class TextSearchFunction implements ScalarFunction {
    public enum Kind { TO_TSVECTOR, JSON_TO_TSVECTOR, TO_TSQUERY, PLAINTO_TSQUERY, PHRASETO_TSQUERY, MATCH, LENGTH,
        NUMNODE }

    private final Kind kind;
    private final boolean configured;

    public TextSearchFunction(Kind kind, boolean configured) {
        this.kind = kind;
        this.configured = configured;
    }

    @Override
    public String name() {
        return kind == Kind.MATCH ? "@@" : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        LogicalType[] types = new LogicalType[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            types[a] = LogicalType.of(arguments[a].getField());
        }
        Object[] values = new Object[arguments.length];
        for (int i = 0; i < rows; i++) {
            boolean anyNull = false;
            for (int a = 0; a < arguments.length; a++) {
                values[a] = ValueAccess.get(arguments[a], i);
                anyNull |= values[a] == null;
            }
            if (!anyNull) {
                ValueAccess.set(out, i, compute(values, types));
            }
        }
        out.setValueCount(rows);
        return out;
    }

    private Object compute(Object[] values, LogicalType[] types) {
        int first = configured ? 1 : 0;
        TextSearchConfiguration configuration = configured ? TextSearchConfiguration.named((String) values[0])
                : TextSearchConfiguration.ENGLISH;
        return switch (kind) {
            case TO_TSVECTOR -> switch (types[first].id()) {
                case JSON, JSONB -> JsonDocuments.strings(json(values[first], types[first]), configuration).text();
                default -> TsVector.of(DocumentParser.tokens((String) values[first], 0), configuration).text();
            };
            case JSON_TO_TSVECTOR -> JsonDocuments.filtered(json(values[first], types[first]),
                    json(values[first + 1], types[first + 1]), configuration).text();
            case TO_TSQUERY -> TsQuery.text(TsQuery.normalized((String) values[first], configuration));
            case PLAINTO_TSQUERY, PHRASETO_TSQUERY -> plainQuery((String) values[first], configuration);
            case MATCH -> match(values, types);
            case LENGTH -> (long) TsVector.parse((String) values[0]).lexemes().size();
            case NUMNODE -> (long) numberOfNodes(TsQuery.parse((String) values[0]));
        };
    }

    private static JsonNode json(Object value, LogicalType type) {
        return type.id() == TypeId.JSONB ? ((Jsonb) value).toNode() : JsonParser.parse((String) value);
    }

    private String plainQuery(String text, TextSearchConfiguration configuration) {
        return TsQuery.text(plain(text, configuration, kind));
    }

    /** plainto_tsquery (lexemes joined by and) or phraseto_tsquery (by their distances). */
    private static TsQuery plain(String text, TextSearchConfiguration configuration, Kind kind) {
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
            } else if (kind == Kind.PLAINTO_TSQUERY) {
                query = new TsQuery.And(query, operands.get(k));
            } else {
                query = new TsQuery.Phrase(query, operands.get(k), positions.get(k) - positions.get(k - 1));
            }
        }
        return query;
    }

    /** tsvector @@ tsquery in either order; text on the left is parsed with the default configuration. */
    private static boolean match(Object[] values, LogicalType[] types) {
        int vectorSide = types[0].id() == TypeId.TSQUERY ? 1 : 0;
        Object document = values[vectorSide];
        TsVector vector = types[vectorSide].id() == TypeId.TSVECTOR ? TsVector.parse((String) document)
                : TsVector.of(DocumentParser.tokens((String) document, 0), TextSearchConfiguration.ENGLISH);
        String queryText = (String) values[1 - vectorSide];
        // text @@ text is to_tsvector(text) @@ plainto_tsquery(text)
        TsQuery query = types[1 - vectorSide].id() == TypeId.TSQUERY ? TsQuery.parse(queryText)
                : plain(queryText, TextSearchConfiguration.ENGLISH, Kind.PLAINTO_TSQUERY);
        return TsMatch.matches(vector, query);
    }

    private static int numberOfNodes(TsQuery query) {
        return switch (query) {
            case null -> 0;
            case TsQuery.Operand ignored -> 1;
            case TsQuery.Not not -> 1 + numberOfNodes(not.operand());
            case TsQuery.And and -> 1 + numberOfNodes(and.left()) + numberOfNodes(and.right());
            case TsQuery.Or or -> 1 + numberOfNodes(or.left()) + numberOfNodes(or.right());
            case TsQuery.Phrase phrase -> 1 + numberOfNodes(phrase.left()) + numberOfNodes(phrase.right());
        };
    }
}
