package io.basalt.sql.ast;

import static java.util.Objects.requireNonNull;

/**
 * Transaction control: BEGIN / START TRANSACTION, COMMIT / END, ROLLBACK / ABORT, SAVEPOINT, RELEASE [SAVEPOINT],
 * ROLLBACK TO [SAVEPOINT], SET TRANSACTION and SET SESSION CHARACTERISTICS AS TRANSACTION.
 *
 * @param isolation the ISOLATION LEVEL given, as SHOW prints it ({@code repeatable read}), or null
 * @param readOnly  READ ONLY (true) or READ WRITE (false) when given, else null
 * @param savepoint the savepoint's name (SAVEPOINT, RELEASE, ROLLBACK TO), else null
 * @param chain     COMMIT / ROLLBACK AND CHAIN
 * @param deferrable DEFERRABLE (true) or NOT DEFERRABLE (false) when given, else null
 */
public record TransactionStatement(Kind kind, String isolation, Boolean readOnly, String savepoint, boolean chain,
                                   Boolean deferrable, int position) implements Statement {
    /** Which statement. */
    public enum Kind {
        BEGIN, START, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO, SET_TRANSACTION, SET_SESSION_CHARACTERISTICS
    }

    public TransactionStatement {
        requireNonNull(kind, "kind is null");
    }

    /** A statement that names no DEFERRABLE mode. */
    public TransactionStatement(Kind kind, String isolation, Boolean readOnly, String savepoint, boolean chain,
                                int position) {
        this(kind, isolation, readOnly, savepoint, chain, null, position);
    }
}
