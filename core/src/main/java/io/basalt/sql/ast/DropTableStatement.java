package io.basalt.sql.ast;

import java.util.List;

/** {@code DROP TABLE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropTableStatement(List<QualifiedName> names, boolean ifExists, boolean cascade, int position)
        implements Statement {
    public DropTableStatement {
        names = List.copyOf(names);
    }
}
