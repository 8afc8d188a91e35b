package io.basalt.exec.function.json;

import io.basalt.exec.expression.EvaluationContext;
import io.basalt.exec.expression.ScalarFunction;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.path.JsonPath;
import io.basalt.type.json.path.JsonPathEvaluator;
import io.basalt.type.json.path.JsonPathParser;
import io.basalt.type.json.path.JsonPathTimeZone;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * The scalar SQL/JSON path functions and operators: jsonb_path_exists, jsonb_path_match,
 * jsonb_path_query_array, jsonb_path_query_first and their _tz variants (arguments: target jsonb, path jsonpath,
 * vars jsonb, silent boolean) and the operators {@code @?} and {@code @@}, which are exists and match with silent set and
 * no vars. Any NULL argument gives NULL. The path arrives as its jsonpath text and is parsed once per batch
 * while it stays the same; each row's document is decoded to a tree and evaluated.
 */
public final class JsonPathFunction implements ScalarFunction {
    public enum Kind {
        EXISTS("jsonb_path_exists"), MATCH("jsonb_path_match"), QUERY_ARRAY("jsonb_path_query_array"),
        QUERY_FIRST("jsonb_path_query_first"), EXISTS_OPERATOR("@?"), MATCH_OPERATOR("@@");

        private final String displayName;

        Kind(String displayName) {
            this.displayName = displayName;
        }
    }

    private final Kind kind;
    private final JsonPathTimeZone timeZone;

    /** {@code timeZone}: the session's settings, and whether this is the _tz variant that may use them. */
    public JsonPathFunction(Kind kind, JsonPathTimeZone timeZone) {
        this.kind = kind;
        this.timeZone = timeZone;
    }

    /** Which function or operator this is. */
    public Kind kind() {
        return kind;
    }

    @Override
    public String name() {
        return timeZone.use() ? kind.displayName + "_tz" : kind.displayName;
    }

    @Override
    public FieldVector apply(FieldVector[] arguments, int rows, LogicalType resultType, EvaluationContext context) {
        FieldVector out = context.newVector(resultType, rows);
        String pathText = null;
        JsonPath path = null;
        for (int i = 0; i < rows; i++) {
            Object document = ValueAccess.get(arguments[0], i);
            String text = (String) ValueAccess.get(arguments[1], i);
            Object vars = arguments.length > 2 ? ValueAccess.get(arguments[2], i) : null;
            Object silent = arguments.length > 3 ? ValueAccess.get(arguments[3], i) : Boolean.FALSE;
            if (document == null || text == null || arguments.length > 2 && vars == null || silent == null) {
                continue;
            }
            if (!text.equals(pathText)) {
                path = JsonPathParser.parse(text);
                pathText = text;
            }
            Object result = compute(path, ((Jsonb) document).toNode(),
                    vars == null ? null : ((Jsonb) vars).toNode(), (Boolean) silent);
            if (result != null) {
                ValueAccess.set(out, i, result);
            }
        }
        return out;
    }

    private Object compute(JsonPath path, JsonNode document, JsonNode vars, boolean silent) {
        return switch (kind) {
            case EXISTS -> JsonPathEvaluator.exists(path, document, vars, silent, timeZone);
            case MATCH -> JsonPathEvaluator.match(path, document, vars, silent, timeZone);
            case EXISTS_OPERATOR -> JsonPathEvaluator.exists(path, document, null, true, timeZone);
            case MATCH_OPERATOR -> JsonPathEvaluator.match(path, document, null, true, timeZone);
            case QUERY_ARRAY -> Jsonb.of(new JsonNode.JsonArray(
                    JsonPathEvaluator.query(path, document, vars, silent, timeZone)));
            case QUERY_FIRST -> {
                List<JsonNode> items = JsonPathEvaluator.query(path, document, vars, silent, timeZone);
                yield items.isEmpty() ? null : Jsonb.of(items.getFirst());
            }
        };
    }
}
