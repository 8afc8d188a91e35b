package io.basalt.sql.ast;

import java.util.List;

/** {@code DROP [MATERIALIZED] VIEW [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
public record DropViewStatement(List<QualifiedName> names, boolean materialized, boolean ifExists, boolean cascade,
                                int position) implements Statement {
    public DropViewStatement {
        names = List.copyOf(names);
    }
}
