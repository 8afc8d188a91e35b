package io.basalt.sql.ast;

import java.util.List;

/**
 * {@code TRUNCATE [TABLE] [ONLY] name [*] [, ...] [RESTART IDENTITY | CONTINUE IDENTITY] [CASCADE | RESTRICT]}.
 * {@code ONLY} and {@code *} concern inheritance, which Basalt does not have, and are accepted without effect.
 */
public record TruncateStatement(List<QualifiedName> tables, boolean restartIdentity, boolean cascade, int position)
        implements Statement {
    public TruncateStatement {
        tables = List.copyOf(tables);
    }
}
