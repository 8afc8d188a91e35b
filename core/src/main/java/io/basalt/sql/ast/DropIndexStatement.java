package io.basalt.sql.ast;

import java.util.List;

/** {@code DROP INDEX [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropIndexStatement(List<QualifiedName> names, boolean ifExists, boolean cascade, int position)
        implements Statement {
    public DropIndexStatement {
        names = List.copyOf(names);
    }
}
