package io.basalt.exec.function.set;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;
import io.basalt.type.datetime.DateTimeSettings;
import io.basalt.type.json.JsonNode;
import io.basalt.type.json.JsonParser;
import io.basalt.type.json.JsonRawText;
import io.basalt.type.json.JsonText;
import io.basalt.type.json.Jsonb;
import java.util.ArrayList;
import java.util.List;

/**
 * json(b)_to_record and json(b)_to_recordset: an object (or each object of an array) made into a row of the
 * columns the caller's column definition list names. A member is found by the column's name; a missing one or
 * a JSON null is NULL (in json and jsonb columns too); json and jsonb columns take any other member as it is; a
 * composite column takes an object or a string in record syntax (else 22023, as PostgreSQL's populate_composite); an array column takes a JSON array
 * (nested arrays make more dimensions, which must match) or a string in array syntax; any other column reads
 * the member's text (a string's contents, else its JSON text) with the type's input function.
 */
public final class JsonToRecordFunction extends ComputedRowsFunction {
    private final String name;
    private final List<String> columnNames;
    private final List<LogicalType> columnTypes;
    private final DateTimeSettings settings;

    public JsonToRecordFunction(String name, List<String> columnNames, List<LogicalType> columnTypes,
                                DateTimeSettings settings) {
        this.name = name;
        this.columnNames = List.copyOf(columnNames);
        this.columnTypes = List.copyOf(columnTypes);
        this.settings = settings;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<LogicalType> outputTypes() {
        return columnTypes;
    }

    /**
     * The rows; with two arguments or more (json(b)_populate_record(set)) the first is the base record, whose
     * fields fill the columns the object has no member for (a NULL base: NULL), and the second the document.
     */
    @Override
    public List<List<Object>> rows(Object[] arguments) {
        if (arguments.length >= 2) {
            return rows(arguments[1], (io.basalt.type.RecordValue) arguments[0]);
        }
        return rows(arguments[0], null);
    }

    private List<List<Object>> rows(Object argument, io.basalt.type.RecordValue base) {
        List<List<Object>> rows = new ArrayList<>();
        if (argument == null) {
            return rows;
        }
        if (argument instanceof String text) {
            return rawRows(text, base);
        }
        JsonNode node = ((Jsonb) argument).toNode();
        if (name.endsWith("recordset")) {
            if (!(node instanceof JsonNode.JsonArray array)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                        "cannot call " + name + " on a non-array");
            }
            for (JsonNode element : array.elements()) {
                if (!(element instanceof JsonNode.JsonObject object)) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "argument of " + name + " must be an array of objects");
                }
                rows.add(row(object, base));
            }
        } else {
            if (!(node instanceof JsonNode.JsonObject object)) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, node instanceof JsonNode.JsonArray
                        ? "cannot call " + name + " on an array" : "cannot call " + name + " on a scalar");
            }
            rows.add(row(object, base));
        }
        return rows;
    }

    /** The json forms, whose json columns take members as written ({@link JsonRawText}). */
    private List<List<Object>> rawRows(String document, io.basalt.type.RecordValue base) {
        List<List<Object>> rows = new ArrayList<>();
        if (name.endsWith("recordset")) {
            List<String> elements = JsonRawText.elements(document);
            if (elements == null) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, "cannot call " + name + " on a non-array");
            }
            for (String element : elements) {
                if (JsonRawText.members(element) == null) {
                    throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE,
                            "argument of " + name + " must be an array of objects");
                }
                rows.add(rawRow(element, base));
            }
        } else {
            if (JsonRawText.members(document) == null) {
                throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, JsonRawText.elements(document) != null
                        ? "cannot call " + name + " on an array" : "cannot call " + name + " on a scalar");
            }
            rows.add(rawRow(document, base));
        }
        return rows;
    }

    private List<Object> rawRow(String object, io.basalt.type.RecordValue base) {
        List<Object> row = new ArrayList<>(columnNames.size());
        for (int c = 0; c < columnNames.size(); c++) {
            String value = JsonRawText.field(object, columnNames.get(c));
            if (value == null) {
                row.add(base == null ? null : base.get(c));
            } else if (columnTypes.get(c).id() == TypeId.JSON) {
                row.add(value.strip().equals("null") ? null : value);
            } else {
                JsonNode parsed = JsonParser.parse(value);
                LogicalType type = columnTypes.get(c);
                boolean scalarText = !(parsed instanceof JsonNode.JsonString) && !(parsed instanceof JsonNode.JsonNull)
                        && !type.isArray() && !type.isRecord() && type.id() != TypeId.JSONB;
                // the json forms give a scalar column a non-string member's text as written, spacing and all
                row.add(scalarText ? ValueConversion.parse(value.strip(), type, settings)
                        : field(parsed, type, columnNames.get(c)));
            }
        }
        return row;
    }

    private List<Object> row(JsonNode.JsonObject object, io.basalt.type.RecordValue base) {
        List<Object> row = new ArrayList<>(columnNames.size());
        for (int c = 0; c < columnNames.size(); c++) {
            JsonNode value = object.get(columnNames.get(c));
            row.add(value == null ? base == null ? null : base.get(c) : field(value, columnTypes.get(c), columnNames.get(c)));
        }
        return row;
    }

    private Object field(JsonNode value, LogicalType type, String key) {
        if (value instanceof JsonNode.JsonNull) {
            return null; // a JSON null is NULL in every column, json and jsonb ones included
        }
        if (type.id() == TypeId.JSONB) {
            return Jsonb.of(value);
        }
        if (type.id() == TypeId.JSON) {
            return JsonText.format(value);
        }
        if (type.isRecord() && !(value instanceof JsonNode.JsonObject) && !(value instanceof JsonNode.JsonString)) {
            throw BasaltException.of(SqlState.INVALID_PARAMETER_VALUE, value instanceof JsonNode.JsonArray
                    ? "cannot call populate_composite on an array" : "cannot call populate_composite on a scalar");
        }
        if (type.isRecord() && value instanceof JsonNode.JsonObject object) {
            // a nested composite: its fields from the object's members, by name
            List<Object> fields = new ArrayList<>(type.record().size());
            for (int f = 0; f < type.record().size(); f++) {
                JsonNode member = object.get(type.record().fieldNames().get(f));
                fields.add(member == null ? null : field(member, type.record().fieldTypes().get(f),
                        type.record().fieldNames().get(f)));
            }
            return io.basalt.type.RecordValue.of(fields);
        }
        if (type.isArray() && !(value instanceof JsonNode.JsonString)) {
            if (!(value instanceof JsonNode.JsonArray array)) {
                throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "expected JSON array")
                        .withHint("See the value of key \"" + key + "\".");
            }
            return array(array, type.element(), key);
        }
        return ValueConversion.parse(text(value), type, settings);
    }

    private static String text(JsonNode value) {
        return value instanceof JsonNode.JsonString string ? string.value() : JsonText.format(value);
    }

    /** A JSON array as a SQL array: nesting gives the dimensions, which must be the same at each level. */
    private Object array(JsonNode.JsonArray array, LogicalType element, String key) {
        List<Integer> lengths = new ArrayList<>();
        JsonNode probe = array;
        while (probe instanceof JsonNode.JsonArray nested) {
            lengths.add(nested.elements().size());
            if (nested.elements().isEmpty()) {
                break;
            }
            probe = nested.elements().getFirst();
        }
        List<Object> elements = new ArrayList<>();
        flatten(array, 0, lengths, element, key, "", elements);
        if (elements.isEmpty()) {
            return ArrayValue.of(List.of());
        }
        int[] shape = new int[lengths.size()];
        int[] lowerBounds = new int[lengths.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = lengths.get(i);
            lowerBounds[i] = 1;
        }
        return shape.length == 1 ? ArrayValue.of(elements) : ArrayValue.of(elements, shape, lowerBounds);
    }

    private void flatten(JsonNode.JsonArray array, int level, List<Integer> lengths, LogicalType element, String key,
                         String where, List<Object> out) {
        if (array.elements().size() != lengths.get(level)) {
            throw malformed();
        }
        for (int i = 0; i < array.elements().size(); i++) {
            JsonNode item = array.elements().get(i);
            String path = where + "[" + i + "]";
            boolean deeper = level + 1 < lengths.size();
            if (item instanceof JsonNode.JsonArray nested) {
                if (!deeper) {
                    throw malformed();
                }
                flatten(nested, level + 1, lengths, element, key, path, out);
            } else if (deeper) {
                throw BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "expected JSON array")
                        .withHint("See the array element " + path + " of key \"" + key + "\".");
            } else {
                out.add(item instanceof JsonNode.JsonNull ? null : field(item, element, key));
            }
        }
    }

    private static BasaltException malformed() {
        return BasaltException.of(SqlState.INVALID_TEXT_REPRESENTATION, "malformed JSON array")
                .withDetail("Multidimensional arrays must have sub-arrays with matching dimensions.");
    }
}
