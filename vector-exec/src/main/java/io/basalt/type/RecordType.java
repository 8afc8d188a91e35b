package io.basalt.type;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import java.util.List;

/**
 * The shape of a composite (row) type: its fields' names and types in order, and the type's name, which is
 * null for PostgreSQL's anonymous {@code record} (a ROW constructor's value) and otherwise the name of a
 * table's row type or of a {@code CREATE TYPE ... AS (...)} type, as {@code format_type} prints it.
 *
 * <p>Encoded (in Arrow metadata and on disk) as {@code (<name>;<field>;<field>...)} where the name is empty for
 * an anonymous record and each part is length-prefixed ({@code 3:abc}) so that names and nested types need no
 * escaping; the closing parenthesis keeps an encoded record from ending in an array's {@code []}.
 */
public record RecordType(String name, List<String> fieldNames, List<LogicalType> fieldTypes) {
    public RecordType {
        fieldNames = List.copyOf(requireNonNull(fieldNames, "fieldNames is null"));
        fieldTypes = List.copyOf(requireNonNull(fieldTypes, "fieldTypes is null"));
        if (fieldNames.size() != fieldTypes.size()) {
            throw BasaltException.internal("record type with " + fieldNames.size() + " names and "
                    + fieldTypes.size() + " types");
        }
    }

    /** An anonymous record whose fields are named f1, f2, ... as PostgreSQL names a ROW constructor's fields. */
    public static RecordType anonymous(List<LogicalType> fieldTypes) {
        String[] names = new String[fieldTypes.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "f" + (i + 1);
        }
        return new RecordType(null, List.of(names), fieldTypes);
    }

    public int size() {
        return fieldTypes.size();
    }

    /** The position of the field named {@code fieldName}, or -1. */
    public int indexOf(String fieldName) {
        return fieldNames.indexOf(fieldName);
    }

    public boolean isAnonymous() {
        return name == null;
    }

    /** This type under another name (null: anonymous). */
    public RecordType named(String newName) {
        return new RecordType(newName, fieldNames, fieldTypes);
    }

    public String encode() {
        StringBuilder out = new StringBuilder("(");
        part(out, name == null ? "" : name);
        for (int i = 0; i < fieldNames.size(); i++) {
            out.append(';');
            part(out, fieldNames.get(i));
            part(out, fieldTypes.get(i).encode());
        }
        return out.append(')').toString();
    }

    private static void part(StringBuilder out, String text) {
        out.append(text.length()).append(':').append(text);
    }

    /** Decodes {@link #encode()}'s form. */
    public static RecordType decode(String encoded) {
        if (!encoded.startsWith("(") || !encoded.endsWith(")")) {
            throw BasaltException.internal("malformed record type '" + encoded + "'");
        }
        int[] at = {1};
        String name = readPart(encoded, at);
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        java.util.ArrayList<LogicalType> types = new java.util.ArrayList<>();
        while (encoded.charAt(at[0]) == ';') {
            at[0]++;
            names.add(readPart(encoded, at));
            types.add(LogicalType.decode(readPart(encoded, at)));
        }
        return new RecordType(name.isEmpty() ? null : name, names, types);
    }

    private static String readPart(String encoded, int[] at) {
        int colon = encoded.indexOf(':', at[0]);
        int length = Integer.parseInt(encoded.substring(at[0], colon));
        String part = encoded.substring(colon + 1, colon + 1 + length);
        at[0] = colon + 1 + length;
        return part;
    }
}
