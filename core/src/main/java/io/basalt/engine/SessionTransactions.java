package io.basalt.engine;

import static java.util.Objects.requireNonNull;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.TransactionStatement;
import io.basalt.storage.transaction.IsolationLevel;
import io.basalt.storage.transaction.Transaction;
import io.basalt.storage.transaction.TransactionCoordinator;
import java.util.List;

/**
 * A session's transaction state, as PostgreSQL's: no block (every statement is a transaction of its own, committed
 * when it succeeds), an open block (BEGIN ... COMMIT), or a failed block (after an error every statement but
 * COMMIT, ROLLBACK and ROLLBACK TO SAVEPOINT fails with 25P02, and COMMIT rolls back). Runs the transaction control
 * statements with PostgreSQL's warnings and errors.
 *
 * <p>The statements of one query string (psql's {@code \;}, a {@code -c} string) run in an implicit block
 * ({@link #beginImplicit}): a block that BEGIN turns into an ordinary one without a warning, that COMMIT and
 * ROLLBACK end with PostgreSQL's warning "there is no transaction in progress", where savepoints and AND CHAIN
 * are refused as outside a block, which any error rolls back whole ({@link #implicitFailed}) and which commits
 * when the string ends ({@link #endImplicit}).
 *
 * <p>Not thread-safe: one session, one statement at a time.
 */
final class SessionTransactions {
    private final TransactionCoordinator coordinator;
    private final SessionSettings settings;
    private Transaction block;
    /** The session's number, which its transactions carry for deadlock reports. */
    private final int process;
    private boolean failed;
    /** Whether {@link #block} is the implicit block of a multi-statement query string. */
    private boolean implicit;
    /**
     * The block's DEFERRABLE mode, shown as transaction_deferrable; Basalt's read-only serializable transactions never
     * wait, so it changes nothing else.
     */
    private boolean deferrable;

    SessionTransactions(TransactionCoordinator coordinator, SessionSettings settings, int process) {
        this.coordinator = requireNonNull(coordinator, "coordinator is null");
        this.process = process;
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** A new transaction of this session. */
    private Transaction begin(IsolationLevel level, boolean readOnly) {
        Transaction transaction = coordinator.begin(level, readOnly);
        transaction.setProcessNumber(process);
        return transaction;
    }

    /** Whether a block opened by BEGIN (not an implicit one of a multi-statement string) is open. */
    boolean explicitBlock() {
        return block != null && !implicit;
    }

    /** The open transaction block's transaction, or null. */
    Transaction block() {
        return block;
    }

    /**
     * The transaction a statement other than transaction control runs in: the block's, or a new one for this
     * statement alone (which {@link #statementSucceeded} commits).
     *
     * @throws BasaltException 25P02 in a failed block
     */
    Transaction forStatement() {
        if (block != null) {
            if (failed) {
                throw aborted();
            }
            return block;
        }
        return begin(defaultLevel(), defaultReadOnly());
    }

    /** What runs just before a block commits (cursors WITH HOLD are run to their end). */
    private java.util.function.Consumer<Transaction> beforeCommit = ending -> { };

    void beforeCommit(java.util.function.Consumer<Transaction> action) {
        beforeCommit = java.util.Objects.requireNonNull(action, "action is null");
    }

    /** The statement succeeded: commits it unless it ran in a block. */
    void statementSucceeded(Transaction transaction) {
        if (transaction != block) {
            transaction.commit();
        }
    }

    /** A statement failed (also one that never started, such as a syntax error): a block fails, else it rolls back. */
    void statementFailed(Transaction transaction) {
        if (transaction != null && transaction != block) {
            transaction.rollback();
        } else if (block != null) {
            failed = true;
        }
    }

    /**
     * Whether the next statement runs read-only: in the block's access mode, or outside a block in
     * default_transaction_read_only's; false in a failed block, whose statements fail with 25P02 first.
     */
    boolean statementReadOnly() {
        if (block != null) {
            return !failed && block.readOnly();
        }
        return defaultReadOnly();
    }

    /** Opens the implicit block of a multi-statement query string, unless a block is open already. */
    void beginImplicit() {
        if (block == null) {
            open(begin(defaultLevel(), defaultReadOnly()), defaultDeferrable());
            implicit = true;
        }
    }

    /** The query string ended: commits its implicit block if one is still open. */
    void endImplicit() {
        endImplicitBlock(true);
    }

    /** A statement of the query string failed: its implicit block, if one is open, rolls back whole. */
    void implicitFailed() {
        endImplicitBlock(false);
    }

    /** Commits or rolls back the implicit block of a query string, if one is open. */
    private void endImplicitBlock(boolean commit) {
        if (block != null && implicit) {
            Transaction ending = block;
            close();
            if (commit) {
                beforeCommit.accept(ending);
                ending.commit();
            } else {
                ending.rollback();
            }
        }
    }

    /**
     * PostgreSQL's PreventInTransactionBlock: {@code what} (VACUUM) refuses to run in a block, implicit ones too.
     *
     * @throws BasaltException 25001 in an open block
     */
    void preventInBlock(String what) {
        if (block != null && !failed) {
            throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION, what + " cannot run inside a transaction block");
        }
    }

    /** Runs a transaction control statement; an error in a block fails the block, as any other. */
    QueryResultImpl control(TransactionStatement statement) {
        try {
            return run(statement);
        } catch (RuntimeException | Error failure) {
            if (block != null && !block.ended()) {
                failed = true;
            }
            throw failure;
        }
    }

    private QueryResultImpl run(TransactionStatement statement) {
        return switch (statement.kind()) {
            case BEGIN, START -> begin(statement);
            case COMMIT -> commit(statement.chain());
            case ROLLBACK -> rollback(statement.chain());
            case SAVEPOINT -> {
                requireBlock("SAVEPOINT");
                block.savepoint(statement.savepoint());
                yield QueryResultImpl.command("SAVEPOINT", 0, List.of());
            }
            case RELEASE -> {
                requireBlock("RELEASE SAVEPOINT");
                block.release(statement.savepoint());
                showValues();
                yield QueryResultImpl.command("RELEASE", 0, List.of());
            }
            case ROLLBACK_TO -> {
                if (block == null || implicit) {
                    throw outsideBlock("ROLLBACK TO SAVEPOINT");
                }
                block.rollbackTo(statement.savepoint());
                failed = false;
                showValues();
                yield QueryResultImpl.command("ROLLBACK", 0, List.of());
            }
            case SET_TRANSACTION -> setTransaction(statement);
            case SET_SESSION_CHARACTERISTICS -> {
                if (statement.isolation() != null) {
                    settings.set("default_transaction_isolation", statement.isolation(), new java.util.ArrayList<>());
                }
                if (statement.readOnly() != null) {
                    settings.set("default_transaction_read_only", statement.readOnly() ? "on" : "off",
                            new java.util.ArrayList<>());
                }
                if (statement.deferrable() != null) {
                    settings.set("default_transaction_deferrable", statement.deferrable() ? "on" : "off",
                            new java.util.ArrayList<>());
                }
                yield QueryResultImpl.command("SET", 0, List.of());
            }
        };
    }

    private QueryResultImpl begin(TransactionStatement statement) {
        String tag = statement.kind() == TransactionStatement.Kind.BEGIN ? "BEGIN" : "START TRANSACTION";
        if (block != null && implicit) {
            // BEGIN turns the implicit block of a query string into an ordinary one, with the modes it names
            implicit = false;
            setModes(statement);
            return QueryResultImpl.command(tag, 0, List.of());
        }
        if (block != null) {
            if (failed) {
                throw aborted();
            }
            return QueryResultImpl.commandWithWarning(tag, "there is already a transaction in progress");
        }
        IsolationLevel level = statement.isolation() == null ? defaultLevel() : IsolationLevel.of(statement.isolation());
        boolean readOnly = statement.readOnly() == null ? defaultReadOnly() : statement.readOnly();
        open(begin(level, readOnly), statement.deferrable() == null ? defaultDeferrable() : statement.deferrable());
        return QueryResultImpl.command(tag, 0, List.of());
    }

    private QueryResultImpl commit(boolean chain) {
        if (block == null || implicit) {
            if (chain) {
                throw outsideBlock("COMMIT AND CHAIN");
            }
            endImplicitBlock(true);
            return QueryResultImpl.commandWithWarning("COMMIT", "there is no transaction in progress");
        }
        Transaction ending = block;
        boolean wasFailed = failed;
        boolean wasDeferrable = deferrable;
        close();
        if (wasFailed) {
            ending.rollback();
        } else {
            beforeCommit.accept(ending);
            ending.commit();
        }
        if (chain) {
            open(begin(ending.level(), ending.readOnly()), wasDeferrable);
        }
        return QueryResultImpl.command(wasFailed ? "ROLLBACK" : "COMMIT", 0, List.of());
    }

    private QueryResultImpl rollback(boolean chain) {
        if (block == null || implicit) {
            if (chain) {
                throw outsideBlock("ROLLBACK AND CHAIN");
            }
            endImplicitBlock(false);
            return QueryResultImpl.commandWithWarning("ROLLBACK", "there is no transaction in progress");
        }
        Transaction ending = block;
        boolean wasDeferrable = deferrable;
        close();
        ending.rollback();
        if (chain) {
            open(begin(ending.level(), ending.readOnly()), wasDeferrable);
        }
        return QueryResultImpl.command("ROLLBACK", 0, List.of());
    }

    private QueryResultImpl setTransaction(TransactionStatement statement) {
        if (block == null) {
            return QueryResultImpl.commandWithWarning("SET", "SET TRANSACTION can only be used in transaction blocks");
        }
        if (failed) {
            throw aborted();
        }
        setModes(statement);
        return QueryResultImpl.command("SET", 0, List.of());
    }

    /** The isolation level and access mode that SET TRANSACTION (or a BEGIN ending an implicit block) names. */
    private void setModes(TransactionStatement statement) {
        if (statement.isolation() != null) {
            IsolationLevel level = IsolationLevel.of(statement.isolation());
            if (level != block.level()) {
                if (block.inSavepoint()) {
                    throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                            "SET TRANSACTION ISOLATION LEVEL must not be called in a subtransaction");
                }
                if (block.statementRun()) {
                    throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                            "SET TRANSACTION ISOLATION LEVEL must be called before any query");
                }
            }
            block.setLevel(level);
        }
        if (statement.readOnly() != null) {
            if (!statement.readOnly() && block.readOnly() && block.inSavepoint()) {
                throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                        "cannot set transaction read-write mode inside a read-only transaction");
            }
            if (!statement.readOnly() && block.readOnly() && block.statementRun()) {
                throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                        "transaction read-write mode must be set before any query");
            }
            block.setReadOnly(statement.readOnly());
        }
        if (statement.deferrable() != null) {
            if (block.inSavepoint()) {
                throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                        "SET TRANSACTION [NOT] DEFERRABLE cannot be called within a subtransaction");
            }
            if (block.statementRun()) {
                throw BasaltException.of(SqlState.ACTIVE_SQL_TRANSACTION,
                        "SET TRANSACTION [NOT] DEFERRABLE must be called before any query");
            }
            deferrable = statement.deferrable();
        }
        showValues();
    }

    /** The session ends: an open block rolls back. */
    void sessionClosed() {
        if (block != null) {
            Transaction ending = block;
            close();
            ending.rollback();
        }
    }

    private void open(Transaction transaction, boolean deferrable) {
        block = transaction;
        failed = false;
        this.deferrable = deferrable;
        showValues();
    }

    private void close() {
        block = null;
        failed = false;
        implicit = false;
        settings.setTransactionValue("transaction_isolation", null);
        settings.setTransactionValue("transaction_read_only", null);
        settings.setTransactionValue("transaction_deferrable", null);
    }

    private void showValues() {
        settings.setTransactionValue("transaction_isolation", block.level().displayName());
        settings.setTransactionValue("transaction_read_only", block.readOnly() ? "on" : "off");
        settings.setTransactionValue("transaction_deferrable", deferrable ? "on" : "off");
    }

    private void requireBlock(String statement) {
        if (block == null || implicit) {
            throw outsideBlock(statement);
        }
        if (failed) {
            throw aborted();
        }
    }

    private IsolationLevel defaultLevel() {
        return IsolationLevel.of(settings.show("default_transaction_isolation"));
    }

    private boolean defaultDeferrable() {
        return settings.show("default_transaction_deferrable").equals("on");
    }

    private boolean defaultReadOnly() {
        return settings.show("default_transaction_read_only").equals("on");
    }

    private static BasaltException outsideBlock(String statement) {
        return BasaltException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION, statement
                + " can only be used in transaction blocks");
    }

    static BasaltException aborted() {
        return BasaltException.of(SqlState.IN_FAILED_SQL_TRANSACTION,
                "current transaction is aborted, commands ignored until end of transaction block");
    }
}
