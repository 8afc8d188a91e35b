package io.basalt.sql.ast;

import java.util.List;

/** {@code CREATE [UNLOGGED] SEQUENCE [IF NOT EXISTS] name [options]}; the options in the order written. */
public record CreateSequenceStatement(QualifiedName name, boolean ifNotExists, List<SequenceOption> options,
                                      int position) implements Statement {
    public CreateSequenceStatement {
        options = List.copyOf(options);
    }
}
