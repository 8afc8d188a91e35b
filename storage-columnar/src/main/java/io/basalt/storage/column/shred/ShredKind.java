package io.basalt.storage.column.shred;

import io.basalt.type.LogicalType;

/**
 * The scalar type of a shredded JSONB path: what every fitting row holds there, and the SQL type its typed
 * sub-column is stored as. A row fits a kind only when its value's {@code ->>} text is exactly what the typed value
 * prints: a JSON string (its unescaped text), a JSON number whose text is a whole number in a 64-bit integer (scale
 * 0: {@code 1.0} and {@code 1e-3} do not fit, {@code 1e3} is stored as 1000 and does), {@code true}/{@code false}, and
 * for paths that hold fractions a JSON number of any scale from 0 to {@link PackedDecimal#MAXIMUM_SCALE} whose unscaled
 * value fits {@link PackedDecimal} (the scale is kept per row, so {@code 1.50} prints as {@code 1.50}), and a JSON
 * array ({@link #ARRAY}), whose sub-column holds the member itself rather than a text.
 */
public enum ShredKind {
    STRING(1, LogicalType.TEXT),
    LONG(2, LogicalType.BIGINT),
    BOOLEAN(3, LogicalType.BOOLEAN),
    /** Numbers with a fraction (and the whole ones among them), each stored as a {@link PackedDecimal}. */
    DECIMAL(4, LogicalType.BIGINT),
    /**
     * A JSON array of anything (scalars of any types, nested arrays and objects, empty), stored as the member's own
     * JSONB bytes: {@code ->} reads it as it is, and containment ({@code @>}, {@code <@}) and jsonpath tests over
     * the member look at the array alone, never at the rest of the document. Written from data file format version 4.
     */
    ARRAY(5, LogicalType.JSONB);

    private final int id;
    private final LogicalType type;

    ShredKind(int id, LogicalType type) {
        this.id = id;
        this.type = type;
    }

    /** The byte the data file records the kind as. */
    public int id() {
        return id;
    }

    /** The type of the typed sub-column. */
    public LogicalType type() {
        return type;
    }

    /** The kind recorded as {@code id}, or null when no kind has it (a damaged or newer file). */
    public static ShredKind ofId(int id) {
        for (ShredKind kind : values()) {
            if (kind.id == id) {
                return kind;
            }
        }
        return null;
    }
}
