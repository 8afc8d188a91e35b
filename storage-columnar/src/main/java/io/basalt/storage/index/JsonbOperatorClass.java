package io.basalt.storage.index;

/**
 * The operator classes of a GIN index over jsonb, under PostgreSQL's names: {@code jsonb_ops} (the default: keys and
 * scalars, serving {@code @>}, {@code ?}, {@code ?|} and {@code ?&}) and {@code jsonb_path_ops} (hashed paths to
 * scalars, smaller and more selective, serving {@code @>} only). See {@link JsonbIndexEntries}.
 */
public enum JsonbOperatorClass {
    JSONB_OPS("jsonb_ops"),
    JSONB_PATH_OPS("jsonb_path_ops");

    private final String sqlName;

    JsonbOperatorClass(String sqlName) {
        this.sqlName = sqlName;
    }

    public String sqlName() {
        return sqlName;
    }

    /** The class of that name (lower case), or null for another name. */
    public static JsonbOperatorClass named(String name) {
        for (JsonbOperatorClass opclass : values()) {
            if (opclass.sqlName.equals(name)) {
                return opclass;
            }
        }
        return null;
    }

    /** Whether the class serves the existence operators ({@code ?}, {@code ?|}, {@code ?&}). */
    public boolean servesExistence() {
        return this == JSONB_OPS;
    }
}
