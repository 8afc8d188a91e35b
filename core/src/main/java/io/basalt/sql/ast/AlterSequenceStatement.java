package io.basalt.sql.ast;

import java.util.List;

/** {@code ALTER SEQUENCE [IF EXISTS] name options}: at least one option, in the order written. */
public record AlterSequenceStatement(QualifiedName name, boolean ifExists, List<SequenceOption> options, int position)
        implements Statement {
    public AlterSequenceStatement {
        options = List.copyOf(options);
    }
}
