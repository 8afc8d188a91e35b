package io.basalt.exec.function.set;

import io.basalt.type.LogicalType;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.path.JsonPathEvaluator;
import io.basalt.type.json.path.JsonPathParser;
import io.basalt.type.json.path.JsonPathTimeZone;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jsonb_path_query(target jsonb, path jsonpath, vars jsonb, silent boolean)} and
 * {@code jsonb_path_query_tz}: one jsonb row per item the path selects; any NULL argument gives no rows.
 */
public final class JsonPathQueryFunction extends ComputedRowsFunction {
    private final JsonPathTimeZone timeZone;

    /** {@code timeZone}: the session's settings, and whether this is the _tz variant that may use them. */
    public JsonPathQueryFunction(JsonPathTimeZone timeZone) {
        this.timeZone = timeZone;
    }

    @Override
    public String name() {
        return timeZone.use() ? "jsonb_path_query_tz" : "jsonb_path_query";
    }

    @Override
    public List<LogicalType> outputTypes() {
        return List.of(LogicalType.JSONB);
    }

    @Override
    public List<List<Object>> rows(Object[] arguments) {
        List<List<Object>> rows = new ArrayList<>();
        for (Object argument : arguments) {
            if (argument == null) {
                return rows;
            }
        }
        List<JsonNode> items = JsonPathEvaluator.query(JsonPathParser.parse((String) arguments[1]),
                ((Jsonb) arguments[0]).toNode(), ((Jsonb) arguments[2]).toNode(), (Boolean) arguments[3], timeZone);
        for (JsonNode item : items) {
            List<Object> row = new ArrayList<>(1);
            row.add(Jsonb.of(item));
            rows.add(row);
        }
        return rows;
    }
}
