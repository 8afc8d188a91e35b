package io.basalt.sql.ast;

import java.util.List;

/**
 * One column of CREATE TABLE: name, type, and its column constraints in the order written.
 */
public record ColumnDefinition(String name, TypeName type, List<ColumnConstraint> constraints, int position)
        implements Node {
    public ColumnDefinition {
        constraints = List.copyOf(constraints);
    }
}
