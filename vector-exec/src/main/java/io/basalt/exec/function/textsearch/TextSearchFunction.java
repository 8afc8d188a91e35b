package io.basalt.exec.function.textsearch;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import io.basalt.type.textsearch.DocumentParser;
import io.basalt.type.textsearch.JsonDocuments;
import io.basalt.type.textsearch.TextSearchConfiguration;
import io.basalt.type.textsearch.TsHeadline;
import io.basalt.type.textsearch.TsMatch;
import io.basalt.type.textsearch.TsQuery;
import io.basalt.type.textsearch.TsQueryEdits;
import io.basalt.type.textsearch.TsQueryWords;
import io.basalt.type.textsearch.TsRank;
import io.basalt.type.textsearch.TsVector;
import io.basalt.type.textsearch.TsVectorEdits;
import io.basalt.type.textsearch.WebSearchQuery;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * PostgreSQL's text search functions, value by value: to_tsvector of text, json and jsonb, json(b)_to_tsvector,
 * to_tsquery, plainto_tsquery, phraseto_tsquery, the {@code @@} match, length / numnode, the tsvector edits
 * ({@link TsVectorEdits}), the tsquery operators and querytree ({@link TsQueryEdits}), ts_rank and ts_rank_cd
 * ({@link TsRank}), ts_headline ({@link TsHeadline}). A configuration argument comes first when {@code configured}; without it the configuration is the
 * one default_text_search_config named when the call was bound. NULL in any argument gives NULL.
 */
public final class TextSearchFunction implements ScalarFunction {
    public enum Kind { TO_TSVECTOR, JSON_TO_TSVECTOR, TO_TSQUERY, PLAINTO_TSQUERY, PHRASETO_TSQUERY,
        WEBSEARCH_TO_TSQUERY, MATCH, LENGTH,
        NUMNODE, SETWEIGHT, STRIP, TS_DELETE, TS_FILTER, CONCAT, TSVECTOR_TO_ARRAY, ARRAY_TO_TSVECTOR, QUERY_AND,
        QUERY_OR, QUERY_NOT, TSQUERY_PHRASE, QUERYTREE, TS_RANK, TS_RANK_CD, TS_HEADLINE }

    private final Kind kind;
    private final boolean configured;
    /** The configuration when none is given: default_text_search_config when the call was bound. */
    private final TextSearchConfiguration standard;

    public TextSearchFunction(Kind kind, boolean configured) {
        this(kind, configured, TextSearchConfiguration.ENGLISH);
    }

    public TextSearchFunction(Kind kind, boolean configured, TextSearchConfiguration standard) {
        this.kind = kind;
        this.configured = configured;
        this.standard = standard;
    }

    public Kind kind() {
        return kind;
    }

    /** Equal calls compute equal results: an index over {@code to_tsvector('english', body)} matches a query's. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TextSearchFunction that && kind == that.kind && configured == that.configured
                && (configured || standard == that.standard); // a configured call reads its own argument
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, configured, configured ? null : standard);
    }

    @Override
    public String name() {
        return switch (kind) {
            case MATCH -> "@@";
            case CONCAT, QUERY_OR -> "||";
            case QUERY_AND -> "&&";
            case QUERY_NOT -> "!!";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
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
                : standard;
        return switch (kind) {
            case TO_TSVECTOR -> switch (types[first].id()) {
                case JSON, JSONB -> JsonDocuments.strings(json(values[first], types[first]), configuration).text();
                default -> TsVector.of(DocumentParser.tokens((String) values[first], 0), configuration).text();
            };
            case JSON_TO_TSVECTOR -> JsonDocuments.filtered(json(values[first], types[first]),
                    json(values[first + 1], types[first + 1]), configuration).text();
            case TO_TSQUERY -> TsQuery.text(TsQuery.normalized((String) values[first], configuration));
            case PLAINTO_TSQUERY, PHRASETO_TSQUERY -> plainQuery((String) values[first], configuration);
            case WEBSEARCH_TO_TSQUERY -> TsQuery.text(WebSearchQuery.parse((String) values[first], configuration));
            case MATCH -> match(values, types);
            case LENGTH -> (long) TsVector.parse((String) values[0]).lexemes().size();
            case NUMNODE -> (long) numberOfNodes(TsQuery.parse((String) values[0]));
            case SETWEIGHT -> TsVectorEdits.setWeight(vector(values[0]), TsVectorEdits.weight((String) values[1]),
                    values.length > 2 ? ((ArrayValue) values[2]).elements() : null).text();
            case STRIP -> TsVectorEdits.strip(vector(values[0])).text();
            case TS_DELETE -> TsVectorEdits.delete(vector(values[0]), values[1] instanceof ArrayValue array
                    ? array.elements() : List.of(values[1])).text();
            case TS_FILTER -> TsVectorEdits.filter(vector(values[0]), ((ArrayValue) values[1]).elements()).text();
            case CONCAT -> TsVectorEdits.concat(vector(values[0]), vector(values[1])).text();
            case TSVECTOR_TO_ARRAY -> ArrayValue.of(TsVectorEdits.toArray(vector(values[0])));
            case ARRAY_TO_TSVECTOR -> TsVectorEdits.fromArray(((ArrayValue) values[0]).elements()).text();
            case QUERY_AND -> TsQuery.text(TsQueryEdits.and(query(values[0]), query(values[1])));
            case QUERY_OR -> TsQuery.text(TsQueryEdits.or(query(values[0]), query(values[1])));
            case QUERY_NOT -> TsQuery.text(TsQueryEdits.not(query(values[0])));
            case TSQUERY_PHRASE -> TsQuery.text(TsQueryEdits.phrase(query(values[0]), query(values[1]),
                    values.length > 2 ? ((Number) values[2]).longValue() : 1));
            case QUERYTREE -> TsQueryEdits.queryTree(query(values[0]));
            case TS_RANK, TS_RANK_CD -> rank(values, types);
            case TS_HEADLINE -> headline(values, types, first, configuration);
        };
    }

    /** ts_headline of text, or of json(b): the same document with every string value headlined. */
    private static Object headline(Object[] values, LogicalType[] types, int first,
                                   TextSearchConfiguration configuration) {
        TsQuery query = query(values[first + 1]);
        String options = values.length > first + 2 ? (String) values[first + 2] : null;
        TypeId documentType = types[first].id();
        if (documentType != TypeId.JSON && documentType != TypeId.JSONB) {
            return TsHeadline.headline((String) values[first], query, options, configuration);
        }
        JsonNode headlined = headlined(json(values[first], types[first]), query, options, configuration);
        return documentType == TypeId.JSONB ? Jsonb.of(headlined) : JsonText.compact(headlined);
    }

    private static JsonNode headlined(JsonNode node, TsQuery query, String options,
                                      TextSearchConfiguration configuration) {
        return switch (node) {
            case JsonNode.JsonString string -> new JsonNode.JsonString(
                    TsHeadline.headline(string.value(), query, options, configuration));
            case JsonNode.JsonArray array -> {
                List<JsonNode> elements = new java.util.ArrayList<>(array.elements().size());
                for (JsonNode element : array.elements()) {
                    elements.add(headlined(element, query, options, configuration));
                }
                yield new JsonNode.JsonArray(elements);
            }
            case JsonNode.JsonObject object -> {
                List<JsonNode> members = new java.util.ArrayList<>(object.values().size());
                for (JsonNode member : object.values()) {
                    members.add(headlined(member, query, options, configuration));
                }
                yield new JsonNode.JsonObject(object.keys(), members);
            }
            default -> node;
        };
    }

    private static TsVector vector(Object value) {
        return TsVector.parse((String) value);
    }

    private static TsQuery query(Object value) {
        return TsQuery.parse((String) value);
    }

    /** ts_rank or ts_rank_cd of ([weights,] vector, query [, normalization]), as a float4 held as a double. */
    private Object rank(Object[] values, LogicalType[] types) {
        boolean weighted = types[0].isArray();
        float[] weights = TsRank.DEFAULT_WEIGHTS;
        if (weighted) {
            ArrayValue given = (ArrayValue) values[0];
            weights = TsRank.weights(given.elements(), given.dimensionCount());
        }
        int first = weighted ? 1 : 0;
        TsVector vector = vector(values[first]);
        TsQuery query = query(values[first + 1]);
        int normalization = values.length > first + 2 ? (int) ((Number) values[first + 2]).longValue() : 0;
        float rank = kind == Kind.TS_RANK ? TsRank.rank(weights, vector, query, normalization)
                : TsRank.rankCoverDensity(weights, vector, query, normalization);
        return (double) rank;
    }

    private static JsonNode json(Object value, LogicalType type) {
        return type.id() == TypeId.JSONB ? ((Jsonb) value).toNode() : JsonParser.parse((String) value);
    }

    private String plainQuery(String text, TextSearchConfiguration configuration) {
        return TsQuery.text(plain(text, configuration, kind));
    }

    /** plainto_tsquery (lexemes joined by and) or phraseto_tsquery (by their distances). */
    private static TsQuery plain(String text, TextSearchConfiguration configuration, Kind kind) {
        return TsQueryWords.of(text, configuration, kind == Kind.PHRASETO_TSQUERY);
    }

    /** tsvector @@ tsquery in either order; text on the left is parsed with the default configuration. */
    private boolean match(Object[] values, LogicalType[] types) {
        int vectorSide = types[0].id() == TypeId.TSQUERY ? 1 : 0;
        Object document = values[vectorSide];
        TsVector vector = types[vectorSide].id() == TypeId.TSVECTOR ? TsVector.parse((String) document)
                : TsVector.of(DocumentParser.tokens((String) document, 0), standard);
        String queryText = (String) values[1 - vectorSide];
        // text @@ text is to_tsvector(text) @@ plainto_tsquery(text)
        TsQuery query = types[1 - vectorSide].id() == TypeId.TSQUERY ? TsQuery.parse(queryText)
                : plain(queryText, standard, Kind.PLAINTO_TSQUERY);
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
