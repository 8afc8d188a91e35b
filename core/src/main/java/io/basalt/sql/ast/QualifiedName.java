package io.basalt.sql.ast;

import java.util.List;

/**
 * A possibly qualified name such as {@code schema.table} or {@code t.column}. Unquoted identifiers are
 * already folded to lower case by the lexer; quoted ones keep their spelling.
 */
public record QualifiedName(List<String> parts, int position) implements Node {
    public QualifiedName {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("empty name");
        }
    }

    public static QualifiedName of(String name, int position) {
        return new QualifiedName(List.of(name), position);
    }

    /** The last part: the object's own name. */
    public String last() {
        return parts.getLast();
    }

    @Override
    public String toString() {
        return String.join(".", parts);
    }
}
