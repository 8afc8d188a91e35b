package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code LOCK [TABLE] [ONLY] name [*] [, ...] [IN lockmode MODE] [NOWAIT]}.
 *
 * @param tables the relations, in the order written
 * @param mode the lock mode in upper case with single spaces ("ACCESS EXCLUSIVE" when left out)
 * @param nowait whether NOWAIT was written
 */
public record LockStatement(List<QualifiedName> tables, String mode, boolean nowait, int position)
        implements Statement {
    public LockStatement {
        tables = List.copyOf(tables);
        requireNonNull(mode, "mode is null");
    }
}
