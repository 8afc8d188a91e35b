package io.basalt.sql.ast;

import java.util.List;

/** A table constraint of CREATE TABLE. {@code name} is null when not given. */
public sealed interface TableConstraint extends Node {
    String name();

    record Check(String name, Expression condition, int position) implements TableConstraint {
    }

    record Unique(String name, List<String> columns, int position) implements TableConstraint {
    }

    record PrimaryKey(String name, List<String> columns, int position) implements TableConstraint {
    }

    record ForeignKey(String name, List<String> columns, QualifiedName table, List<String> referencedColumns,
                      String onDelete, String onUpdate, int position) implements TableConstraint {
    }
}
