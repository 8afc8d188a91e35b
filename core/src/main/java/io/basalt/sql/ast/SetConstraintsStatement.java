package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code SET CONSTRAINTS { ALL | name [, ...] } { DEFERRED | IMMEDIATE }}.
 *
 * @param names the constraints named (optionally schema-qualified), or null for ALL
 */
public record SetConstraintsStatement(List<QualifiedName> names, boolean deferred, int position) implements Statement {
    public SetConstraintsStatement {
        names = names == null ? null : List.copyOf(names);
    }
}
