package io.basalt.type.json;

import java.math.BigDecimal;
import java.util.List;

/**
 * JSON text as PostgreSQL writes it: {@code jsonb}'s output form ({@code {"a": 1, "b": [1, 2]}}: a space
 * after each colon and comma), jsonb_pretty's indented form, and strings escaped as escape_json does.
 */
public final class JsonText {
    private JsonText() {
    }

    /** jsonb_out's text of a tree. */
    public static String format(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value, -1);
        return out.toString();
    }

    /** The text with no space between tokens, as json_strip_nulls writes the json it keeps. */
    public static String compact(JsonNode value) {
        StringBuilder out = new StringBuilder();
        appendCompact(out, value);
        return out.toString();
    }

    private static void appendCompact(StringBuilder out, JsonNode value) {
        switch (value) {
            case JsonNode.JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    out.append(i > 0 ? "," : "");
                    appendCompact(out, a.elements().get(i));
                }
                out.append(']');
            }
            case JsonNode.JsonObject o -> {
                out.append('{');
                for (int i = 0; i < o.keys().size(); i++) {
                    out.append(i > 0 ? "," : "");
                    appendString(out, o.keys().get(i));
                    out.append(':');
                    appendCompact(out, o.values().get(i));
                }
                out.append('}');
            }
            default -> append(out, value, -1);
        }
    }

    /** jsonb_pretty's text: four spaces per level, each element and member on its own line. */
    public static String pretty(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    /**
     * Appends {@code value}; {@code indent} is the nesting level for pretty printing, or -1 for the compact
     * form.
     */
    private static void append(StringBuilder out, JsonNode value, int indent) {
        switch (value) {
            case JsonNode.JsonNull ignored -> out.append("null");
            case JsonNode.JsonBoolean b -> out.append(b.value() ? "true" : "false");
            case JsonNode.JsonNumber n -> out.append(formatNumber(n.value()));
            case JsonNode.JsonString s -> appendString(out, s.value());
            case JsonNode.JsonDatetime d -> appendString(out, JsonDatetimeText.format(d));
            case JsonNode.JsonArray a -> {
                out.append('[');
                List<JsonNode> elements = a.elements();
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(indent < 0 ? ", " : ",");
                    }
                    newline(out, indent + 1, indent);
                    append(out, elements.get(i), indent < 0 ? -1 : indent + 1);
                }
                newline(out, indent, indent);
                out.append(']');
            }
            case JsonNode.JsonObject o -> {
                out.append('{');
                for (int i = 0; i < o.keys().size(); i++) {
                    if (i > 0) {
                        out.append(indent < 0 ? ", " : ",");
                    }
                    newline(out, indent + 1, indent);
                    appendString(out, o.keys().get(i));
                    out.append(": ");
                    append(out, o.values().get(i), indent < 0 ? -1 : indent + 1);
                }
                newline(out, indent, indent);
                out.append('}');
            }
        }
    }

    private static void newline(StringBuilder out, int level, int indent) {
        if (indent < 0) {
            return;
        }
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("    ");
        }
    }

    /** A number as numeric_out writes it: plain digits, the scale kept. */
    public static String formatNumber(BigDecimal value) {
        return value.toPlainString();
    }

    /** {@code "text"} with escape_json's escapes. */
    public static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < ' ') {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendString(out, text);
        return out.toString();
    }
}
