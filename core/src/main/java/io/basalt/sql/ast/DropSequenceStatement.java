package io.basalt.sql.ast;

import java.util.List;

/** {@code DROP SEQUENCE [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropSequenceStatement(List<QualifiedName> names, boolean ifExists, boolean cascade, int position)
        implements Statement {
    public DropSequenceStatement {
        names = List.copyOf(names);
    }
}
