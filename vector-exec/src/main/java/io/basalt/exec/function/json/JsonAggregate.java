package io.basalt.exec.function.json;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.function.aggregate.AggregateFunction;
import io.basalt.exec.function.aggregate.GroupedAggregateState;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import io.basalt.type.json.SqlJson;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * json_agg, jsonb_agg (every value, NULLs as JSON null, in arrival order) and json_object_agg,
 * jsonb_object_agg (key/value pairs; a NULL key is an error, a NULL value JSON null). A group without rows
 * gives NULL. The values are kept per group as JSON text or trees and assembled when results are written:
 * json_agg writes {@code [1, 2]}, json_object_agg {@code { "k" : v, ... }}, as PostgreSQL does.
 *
 * @param valueType the type of the value argument (the second one for the object forms)
 * @param keyType   the key's type for the object forms, else null
 */
public record JsonAggregate(Kind kind, LogicalType keyType, LogicalType valueType, DateTimeSettings settings)
        implements AggregateFunction {
    public enum Kind { JSON_AGG, JSONB_AGG, JSON_OBJECT_AGG, JSONB_OBJECT_AGG }

    public JsonAggregate(Kind kind, LogicalType keyType, LogicalType valueType) {
        this(kind, keyType, valueType, DateTimeSettings.current());
    }

    @Override
    public String name() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public LogicalType argumentType() {
        return keyType != null ? keyType : valueType;
    }

    private boolean binary() {
        return kind == Kind.JSONB_AGG || kind == Kind.JSONB_OBJECT_AGG;
    }

    private boolean objects() {
        return kind == Kind.JSON_OBJECT_AGG || kind == Kind.JSONB_OBJECT_AGG;
    }

    @Override
    public LogicalType resultType() {
        return binary() ? LogicalType.JSONB : LogicalType.JSON;
    }

    @Override
    public GroupedAggregateState newState() {
        return new State();
    }

    private final class State implements GroupedAggregateState {
        /** Per group: the values (JSON text or trees), and for objects the keys, or null before the first row. */
        private final List<List<Object>> values = new ArrayList<>();
        private final List<List<String>> keys = new ArrayList<>();

        @Override
        public void ensureGroups(int groupCount) {
            while (values.size() < groupCount) {
                values.add(null);
                keys.add(null);
            }
        }

        @Override
        public void update(FieldVector argument, int[] groupIds, int rows) {
            updateArguments(new FieldVector[] {argument}, groupIds, rows);
        }

        @Override
        public void updateSingleGroup(FieldVector argument, int rows) {
            update(argument, new int[rows], rows);
        }

        @Override
        public void updateArguments(FieldVector[] arguments, int[] groupIds, int rows) {
            for (int i = 0; i < rows; i++) {
                int group = groupIds[i];
                if (values.get(group) == null) {
                    values.set(group, new ArrayList<>());
                    keys.set(group, new ArrayList<>());
                }
                if (objects()) {
                    Object key = ValueAccess.get(arguments[0], i);
                    if (key == null) {
                        // PostgreSQL 18's wordings: json_object_agg's differs from jsonb_object_agg's
                        throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                                binary() ? "field name must not be null" : "null value not allowed for object key");
                    }
                    keys.get(group).add(keyType.isString() ? (String) key : ValueAccess.text(keyType, key, settings));
                    values.get(group).add(convert(ValueAccess.get(arguments[1], i)));
                } else {
                    values.get(group).add(convert(ValueAccess.get(arguments[0], i)));
                }
            }
        }

        private Object convert(Object value) {
            return binary() ? SqlJson.toNode(value, valueType, settings) : SqlJson.toText(value, valueType, settings);
        }

        @Override
        public void merge(GroupedAggregateState other, int[] mapping, int otherGroups) {
            State theirs = (State) other;
            for (int g = 0; g < otherGroups; g++) {
                if (theirs.values.get(g) == null) {
                    continue;
                }
                int target = mapping[g];
                if (values.get(target) == null) {
                    values.set(target, new ArrayList<>());
                    keys.set(target, new ArrayList<>());
                }
                values.get(target).addAll(theirs.values.get(g));
                keys.get(target).addAll(theirs.keys.get(g));
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public void writeResults(FieldVector out, int groupCount) {
            for (int g = 0; g < groupCount; g++) {
                List<Object> group = g < values.size() ? values.get(g) : null;
                if (group == null) {
                    ValueAccess.set(out, g, null);
                    continue;
                }
                Object result = switch (kind) {
                    case JSONB_AGG -> Jsonb.of(new JsonNode.JsonArray((List<JsonNode>) (List<?>) group));
                    case JSONB_OBJECT_AGG -> Jsonb.of(new JsonNode.JsonObject(keys.get(g),
                            (List<JsonNode>) (List<?>) group));
                    case JSON_AGG -> jsonArray((List<String>) (List<?>) group);
                    case JSON_OBJECT_AGG -> {
                        StringBuilder text = new StringBuilder("{ ");
                        for (int k = 0; k < group.size(); k++) {
                            text.append(k > 0 ? ", " : "").append(JsonText.quote(keys.get(g).get(k))).append(" : ")
                                    .append(group.get(k));
                        }
                        yield text.append(" }").toString();
                    }
                };
                ValueAccess.set(out, g, result);
            }
        }
    }

    /**
     * json_agg's text: elements joined by {@code ", "}, and, as PostgreSQL writes it, a line break before every
     * element after the first that is a non-NULL array or row ({@code [[1,2], \n [3]]}).
     */
    private String jsonArray(List<String> elements) {
        boolean structured = valueType.isArray() || valueType.id() == io.basalt.type.TypeId.RECORD;
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            String element = elements.get(i);
            if (i > 0) {
                out.append(", ");
                if (structured && !element.equals("null")) {
                    out.append("\n ");
                }
            }
            out.append(element);
        }
        return out.append(']').toString();
    }
}
