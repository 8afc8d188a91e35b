package io.basalt.exec.function.json;

import java.nio.charset.StandardCharsets;

/**
 * One step of an extraction: a key (the operand of {@code -> 'k'}), an array index ({@code -> 2}, negative
 * counting from the end), or an element of a {@code #>} path, which is a key in an object and, when it spells
 * an integer, an index in an array.
 *
 * @param key   the key's UTF-8 bytes, or null when the step cannot name a member
 * @param index the index, or {@link #NO_INDEX} when the step cannot name an element
 */
record JsonbPathStep(byte[] key, int index) {
    static final int NO_INDEX = Integer.MIN_VALUE;

    static JsonbPathStep field(String key) {
        return new JsonbPathStep(key.getBytes(StandardCharsets.UTF_8), NO_INDEX);
    }

    static JsonbPathStep element(long index) {
        return new JsonbPathStep(null, index == (int) index ? (int) index : NO_INDEX);
    }

    /** A #> path element: a key, and an index if it is an integer as PostgreSQL's strtol reads it. */
    static JsonbPathStep pathElement(String text) {
        return new JsonbPathStep(text.getBytes(StandardCharsets.UTF_8), parseIndex(text));
    }

    static int parseIndex(String text) {
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return NO_INDEX;
        }
        try {
            long value = Long.parseLong(trimmed.startsWith("+") ? trimmed.substring(1) : trimmed);
            return value == (int) value ? (int) value : NO_INDEX;
        } catch (NumberFormatException notInteger) {
            return NO_INDEX;
        }
    }
}
