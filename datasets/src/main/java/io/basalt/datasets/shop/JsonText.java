package io.basalt.datasets.shop;

/**
 * Builds the text of a JSON object field by field, for the attributes and address columns (TEXT holding
 * JSON until Basalt has JSONB). Strings are escaped as RFC 8259 requires.
 */
final class JsonText {
    private final StringBuilder text = new StringBuilder(96).append('{');
    private boolean first = true;

    JsonText string(String name, String value) {
        key(name);
        quote(value);
        return this;
    }

    JsonText number(String name, long value) {
        key(name);
        text.append(value);
        return this;
    }

    JsonText number(String name, double value) {
        key(name);
        text.append(value);
        return this;
    }

    JsonText bool(String name, boolean value) {
        key(name);
        text.append(value);
        return this;
    }

    JsonText strings(String name, String... values) {
        key(name);
        text.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(", ");
            }
            quote(values[i]);
        }
        text.append(']');
        return this;
    }

    /** A nested object, already built. */
    JsonText object(String name, JsonText value) {
        key(name);
        text.append(value.build());
        return this;
    }

    String build() {
        return text + "}";
    }

    private void key(String name) {
        if (!first) {
            text.append(", ");
        }
        first = false;
        quote(name);
        text.append(": ");
    }

    private void quote(String value) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (c < 0x20) {
                        text.append(String.format("\\u%04x", (int) c));
                    } else {
                        text.append(c);
                    }
                }
            }
        }
        text.append('"');
    }
}
