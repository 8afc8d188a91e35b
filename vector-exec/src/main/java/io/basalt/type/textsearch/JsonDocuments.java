package io.basalt.type.textsearch;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.json.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The text search documents of JSON values: {@code to_tsvector(json)} reads every string value, and
 * {@code json_to_tsvector(document, filter)} the kinds of items its filter names ("string", "numeric", "boolean",
 * "key", "all"), in document order. Each item is parsed on its own; when earlier items gave lexemes, the next one
 * starts one position further on, so that a phrase cannot match across two items.
 */
public final class JsonDocuments {
    private static final int STRINGS = 1;
    private static final int NUMBERS = 2;
    private static final int BOOLEANS = 4;
    private static final int KEYS = 8;
    private static final String FLAG_HINT = "Possible values are: \"string\", \"numeric\", \"boolean\", \"key\", and \"all\".";

    private final TextSearchConfiguration configuration;
    private final int kinds;
    private final List<DocumentParser.Token> tokens = new ArrayList<>();
    private int position;
    private boolean anyLexeme;

    private JsonDocuments(TextSearchConfiguration configuration, int kinds) {
        this.configuration = configuration;
        this.kinds = kinds;
    }

    /** {@code to_tsvector(config, json)}: the string values. */
    public static TsVector strings(JsonNode document, TextSearchConfiguration configuration) {
        return of(document, configuration, STRINGS);
    }

    /** {@code json_to_tsvector(config, document, filter)}. */
    public static TsVector filtered(JsonNode document, JsonNode filter, TextSearchConfiguration configuration) {
        return of(document, configuration, kinds(filter));
    }

    private static TsVector of(JsonNode document, TextSearchConfiguration configuration, int kinds) {
        JsonDocuments walk = new JsonDocuments(configuration, kinds);
        walk.visit(document);
        return TsVector.of(walk.tokens, configuration);
    }

    private void visit(JsonNode node) {
        switch (node) {
            case JsonNode.JsonObject object -> {
                for (int i = 0; i < object.keys().size(); i++) {
                    if ((kinds & KEYS) != 0) {
                        item(object.keys().get(i));
                    }
                    visit(object.values().get(i));
                }
            }
            case JsonNode.JsonArray array -> array.elements().forEach(this::visit);
            case JsonNode.JsonString string -> {
                if ((kinds & STRINGS) != 0) {
                    item(string.value());
                }
            }
            case JsonNode.JsonNumber number -> {
                if ((kinds & NUMBERS) != 0) {
                    item(number.value().toPlainString());
                }
            }
            case JsonNode.JsonBoolean bool -> {
                if ((kinds & BOOLEANS) != 0) {
                    item(bool.value() ? "true" : "false");
                }
            }
            default -> {
            }
        }
    }

    private void item(String text) {
        if (anyLexeme) {
            position = Math.min(position + 1, DocumentParser.MAXIMUM_POSITION);
        }
        List<DocumentParser.Token> found = DocumentParser.tokens(text, position);
        for (DocumentParser.Token token : found) {
            tokens.add(token);
            position = token.position();
            anyLexeme |= configuration.lexeme(token.text(), token.number()) != null;
        }
    }

    private static int kinds(JsonNode filter) {
        return switch (filter) {
            case JsonNode.JsonString flag -> kind(flag.value());
            case JsonNode.JsonArray flags -> {
                int kinds = 0;
                for (JsonNode element : flags.elements()) {
                    if (!(element instanceof JsonNode.JsonString flag)) {
                        throw notString();
                    }
                    kinds |= kind(flag.value());
                }
                yield kinds;
            }
            case JsonNode.JsonObject ignored -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "wrong flag type, only arrays and scalars are allowed");
            default -> throw notString();
        };
    }

    private static BasaltException notString() {
        return BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "flag array element is not a string")
                .withHint(FLAG_HINT);
    }

    private static int kind(String flag) {
        return switch (flag.toLowerCase(java.util.Locale.ROOT)) {
            case "string" -> STRINGS;
            case "numeric" -> NUMBERS;
            case "boolean" -> BOOLEANS;
            case "key" -> KEYS;
            case "all" -> STRINGS | NUMBERS | BOOLEANS | KEYS;
            default -> throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                    "wrong flag in flag array: \"" + flag + "\"").withHint(FLAG_HINT);
        };
    }
}
