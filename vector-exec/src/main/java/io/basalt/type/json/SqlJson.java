package io.basalt.type.json;

import io.basalt.type.ArrayValue;
import io.basalt.type.LogicalType;
import io.basalt.type.TextFormat;
import io.basalt.type.TypeId;
import io.basalt.type.ValueConversion;
import io.basalt.type.datetime.DateTimeConversion;
import io.basalt.type.datetime.DateTimeSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL values as JSON, as to_json/to_jsonb and the json building functions convert them: numbers as JSON
 * numbers (a float's NaN and infinities as strings), booleans as JSON booleans, dates and times as ISO 8601
 * strings with a {@code T} ({@code "2020-01-01T10:00:00+00:00"}), arrays as JSON arrays, json and jsonb as
 * themselves, everything else as the string of its text output.
 */
public final class SqlJson {
    private SqlJson() {
    }

    /** The value as a tree (to_jsonb); SQL NULL is JSON null. */
    public static JsonNode toNode(Object value, LogicalType type, DateTimeSettings settings) {
        if (value == null) {
            return JsonNode.NULL;
        }
        return switch (type.id()) {
            case BOOLEAN -> JsonNode.of((Boolean) value);
            case SMALLINT, INTEGER, BIGINT, NUMERIC -> new JsonNode.JsonNumber(ValueConversion.toDecimal(value, type));
            case DOUBLE, REAL -> {
                double d = (Double) value;
                String text = type.id() == TypeId.REAL ? TextFormat.formatReal(d) : TextFormat.formatDouble(d);
                yield Double.isNaN(d) || Double.isInfinite(d) ? new JsonNode.JsonString(text)
                        : new JsonNode.JsonNumber(new BigDecimal(text));
            }
            case JSON -> JsonParser.parse((String) value);
            case JSONB -> ((Jsonb) value).toNode();
            case ARRAY -> arrayNode((ArrayValue) value, 0, new int[] {0}, type.element(), settings);
            case RECORD -> {
                io.basalt.type.RecordValue record = (io.basalt.type.RecordValue) value;
                List<JsonNode> fields = new ArrayList<>(record.size());
                for (int i = 0; i < record.size(); i++) {
                    fields.add(toNode(record.get(i), type.record().fieldTypes().get(i), settings));
                }
                yield new JsonNode.JsonObject(type.record().fieldNames(), fields).normalized();
            }
            default -> new JsonNode.JsonString(text(value, type, settings));
        };
    }

    /** The value as JSON text (to_json, json_build_*): arrays without spaces, json as written. */
    public static String toText(Object value, LogicalType type, DateTimeSettings settings) {
        if (value == null) {
            return "null";
        }
        return switch (type.id()) {
            case BOOLEAN -> (Boolean) value ? "true" : "false";
            case SMALLINT, INTEGER, BIGINT, NUMERIC -> ValueConversion.toDecimal(value, type).toPlainString();
            case DOUBLE, REAL -> {
                double d = (Double) value;
                String text = type.id() == TypeId.REAL ? TextFormat.formatReal(d) : TextFormat.formatDouble(d);
                yield Double.isNaN(d) || Double.isInfinite(d) ? JsonText.quote(text) : text;
            }
            case JSON -> (String) value;
            case JSONB -> value.toString();
            case ARRAY -> {
                ArrayValue array = (ArrayValue) value;
                StringBuilder out = new StringBuilder();
                int[] at = {0};
                arrayText(array, 0, at, type.element(), settings, out);
                yield out.toString();
            }
            case RECORD -> recordText((io.basalt.type.RecordValue) value, type, false, settings);
            default -> JsonText.quote(text(value, type, settings));
        };
    }

    /** Dimension {@code dimension} of {@code array} from element {@code at[0]} on, as nested JSON array nodes. */
    private static JsonNode arrayNode(ArrayValue array, int dimension, int[] at, LogicalType element,
                                      DateTimeSettings settings) {
        int length = array.lengths().length == 0 ? 0 : array.lengths()[dimension];
        List<JsonNode> elements = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            elements.add(dimension + 1 < array.lengths().length
                    ? arrayNode(array, dimension + 1, at, element, settings)
                    : toNode(array.get(at[0]++), element, settings));
        }
        return new JsonNode.JsonArray(elements);
    }

    /** Dimension {@code dimension} of {@code array} from element {@code at[0]} on, as nested JSON arrays. */
    private static void arrayText(ArrayValue array, int dimension, int[] at, LogicalType element,
                                  DateTimeSettings settings, StringBuilder out) {
        out.append('[');
        int length = array.lengths().length == 0 ? 0 : array.lengths()[dimension];
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (dimension + 1 < array.lengths().length) {
                arrayText(array, dimension + 1, at, element, settings, out);
            } else {
                out.append(toText(array.get(at[0]++), element, settings));
            }
        }
        out.append(']');
    }

    /**
     * A record as a JSON object in PostgreSQL's {@code row_to_json} layout: {@code {"a":1,"b":"x"}}, with
     * {@code pretty} a line break (and a space) before every field but the first.
     */
    public static String recordText(io.basalt.type.RecordValue record, LogicalType type, boolean pretty,
                                    DateTimeSettings settings) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < record.size(); i++) {
            if (i > 0) {
                out.append(pretty ? ",\n " : ",");
            }
            out.append(JsonText.quote(type.record().fieldNames().get(i))).append(':')
                    .append(toText(record.get(i), type.record().fieldTypes().get(i), settings));
        }
        return out.append('}').toString();
    }

    /** The text of a non-JSON scalar as JSON strings carry it: dates and times in ISO 8601 with a T. */
    private static String text(Object value, LogicalType type, DateTimeSettings settings) {
        if (type.isDateTime()) {
            DateTimeSettings iso = DateTimeSettings.of(settings.zone(), settings.zoneAbbreviation(), "ISO, MDY",
                    "postgres");
            String text = DateTimeConversion.format(value, type, iso);
            if (type.id() == TypeId.DATE || text.indexOf(' ') < 0) {
                return text;
            }
            String withT = text.replaceFirst(" ", "T");
            if (type.id() == TypeId.TIMESTAMPTZ) {
                // ISO 8601 wants the offset's minutes: +00 becomes +00:00
                int sign = Math.max(withT.lastIndexOf('+'), withT.lastIndexOf('-'));
                if (sign > withT.indexOf('T') && withT.length() - sign == 3) {
                    withT = withT + ":00";
                }
            }
            return withT;
        }
        return io.basalt.type.ValueConversion.convert(value, type, LogicalType.TEXT, true, settings).toString();
    }
}
