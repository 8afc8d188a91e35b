package io.basalt.type;

import java.util.Arrays;
import java.util.List;

/**
 * The canonical Java form of a composite value (see {@code ValueAccess}): its fields in order, each in its
 * field type's canonical form or null. Used for constants, parameters, text input and output and other
 * per-value paths; columns of records live in Arrow struct vectors ({@code RecordVectors}).
 */
public final class RecordValue {
    private final Object[] fields;

    private RecordValue(Object[] fields) {
        this.fields = fields;
    }

    /** A record of {@code fields} (copied). */
    public static RecordValue of(List<?> fields) {
        return new RecordValue(fields.toArray());
    }

    public static RecordValue of(Object... fields) {
        return new RecordValue(fields.clone());
    }

    public int size() {
        return fields.length;
    }

    public Object get(int index) {
        return fields[index];
    }

    /** The fields as a new list (nulls kept). */
    public List<Object> fields() {
        return Arrays.asList(fields.clone());
    }

    /** Whether every field is NULL (PostgreSQL's {@code IS NULL} of a row). */
    public boolean allNull() {
        for (Object field : fields) {
            if (field != null) {
                return false;
            }
        }
        return true;
    }

    /** Whether no field is NULL ({@code IS NOT NULL} of a row). */
    public boolean noneNull() {
        for (Object field : fields) {
            if (field == null) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordValue record && Arrays.equals(fields, record.fields);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(fields);
    }

    @Override
    public String toString() {
        return Arrays.toString(fields);
    }
}
