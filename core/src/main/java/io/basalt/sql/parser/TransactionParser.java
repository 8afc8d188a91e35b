package io.basalt.sql.parser;

import io.basalt.sql.ast.TransactionStatement;
import io.basalt.sql.ast.TransactionStatement.Kind;
import io.basalt.sql.lexer.Keyword;
import io.basalt.sql.lexer.Token;
import io.basalt.sql.lexer.TokenKind;

/**
 * Transaction control, with PostgreSQL's grammar: {@code BEGIN [WORK | TRANSACTION] [modes]},
 * {@code START TRANSACTION [modes]}, {@code COMMIT | END [WORK | TRANSACTION] [AND [NO] CHAIN]},
 * {@code ROLLBACK | ABORT [WORK | TRANSACTION] [AND [NO] CHAIN]}, {@code SAVEPOINT name},
 * {@code RELEASE [SAVEPOINT] name}, {@code ROLLBACK [WORK | TRANSACTION] TO [SAVEPOINT] name},
 * {@code SET TRANSACTION modes} and {@code SET SESSION CHARACTERISTICS AS TRANSACTION modes}. Modes are
 * {@code ISOLATION LEVEL {SERIALIZABLE | REPEATABLE READ | READ COMMITTED | READ UNCOMMITTED}},
 * {@code READ WRITE}, {@code READ ONLY} and {@code [NOT] DEFERRABLE} (shown by transaction_deferrable, without
 * other effect: it matters only to read-only serializable transactions, which never wait in Basalt), separated
 * by commas or blanks.
 * {@code SET TRANSACTION SNAPSHOT} and two-phase commit are not supported.
 */
final class TransactionParser extends ParserBase {
    TransactionParser(Grammar grammar) {
        super(grammar);
    }

    /** Whether the statement at the cursor is one this parser reads (COMMIT PREPARED and the like are not). */
    boolean atTransactionControl() {
        Token first = current();
        Token second = tokens.peek(1);
        if (first.is(Keyword.BEGIN) || first.is(Keyword.SAVEPOINT) || first.is(Keyword.RELEASE)
                || first.is(Keyword.END) || first.is(Keyword.ABORT)) {
            return true;
        }
        if (first.is(Keyword.START)) {
            return second.is(Keyword.TRANSACTION);
        }
        return (first.is(Keyword.COMMIT) || first.is(Keyword.ROLLBACK)) && !second.is(Keyword.PREPARED);
    }

    TransactionStatement statement() {
        Token first = tokens.next();
        int position = first.position();
        switch (first.keyword()) {
            case BEGIN -> {
                acceptWorkOrTransaction();
                return modes(Kind.BEGIN, position);
            }
            case START -> {
                tokens.expect(Keyword.TRANSACTION);
                return modes(Kind.START, position);
            }
            case COMMIT, END -> {
                acceptWorkOrTransaction();
                return new TransactionStatement(Kind.COMMIT, null, null, null, chain(), position);
            }
            case SAVEPOINT -> {
                return new TransactionStatement(Kind.SAVEPOINT, null, null, grammar.names().columnId(), false,
                        position);
            }
            case RELEASE -> {
                tokens.accept(Keyword.SAVEPOINT);
                return new TransactionStatement(Kind.RELEASE, null, null, grammar.names().columnId(), false,
                        position);
            }
            default -> {
                // ROLLBACK or ABORT
                acceptWorkOrTransaction();
                if (first.is(Keyword.ROLLBACK) && tokens.accept(Keyword.TO)) {
                    tokens.accept(Keyword.SAVEPOINT);
                    return new TransactionStatement(Kind.ROLLBACK_TO, null, null, grammar.names().columnId(), false,
                            position);
                }
                return new TransactionStatement(Kind.ROLLBACK, null, null, null, chain(), position);
            }
        }
    }

    /** After {@code SET}: {@code TRANSACTION modes} or {@code SESSION CHARACTERISTICS AS TRANSACTION modes}. */
    TransactionStatement setTransaction(int position) {
        if (tokens.accept(Keyword.SESSION)) {
            tokens.expect(Keyword.CHARACTERISTICS);
            tokens.expect(Keyword.AS);
            tokens.expect(Keyword.TRANSACTION);
            return modes(Kind.SET_SESSION_CHARACTERISTICS, position);
        }
        tokens.expect(Keyword.TRANSACTION);
        if (tokens.at(Keyword.SNAPSHOT)) {
            throw unsupported("SET TRANSACTION SNAPSHOT");
        }
        TransactionStatement statement = modes(Kind.SET_TRANSACTION, position);
        if (statement.isolation() == null && statement.readOnly() == null && statement.deferrable() == null
                && !sawMode) {
            throw tokens.syntaxError();
        }
        return statement;
    }

    private boolean sawMode;

    private TransactionStatement modes(Kind kind, int position) {
        String isolation = null;
        Boolean readOnly = null;
        Boolean deferrable = null;
        sawMode = false;
        while (true) {
            if (sawMode) {
                tokens.accept(TokenKind.COMMA);
            }
            if (tokens.accept(Keyword.ISOLATION)) {
                tokens.expect(Keyword.LEVEL);
                isolation = level();
            } else if (tokens.accept(Keyword.READ)) {
                readOnly = tokens.accept(Keyword.ONLY);
                if (!readOnly) {
                    tokens.expect(Keyword.WRITE);
                }
            } else if (tokens.at(Keyword.DEFERRABLE)) {
                tokens.next();
                deferrable = true;
            } else if (tokens.at(Keyword.NOT) && tokens.peek(1).is(Keyword.DEFERRABLE)) {
                tokens.next();
                tokens.next();
                deferrable = false;
            } else {
                if (sawMode && tokens.peek(-1).is(TokenKind.COMMA)) {
                    throw tokens.syntaxError();
                }
                break;
            }
            sawMode = true;
        }
        return new TransactionStatement(kind, isolation, readOnly, null, false, deferrable, position);
    }

    private String level() {
        if (tokens.accept(Keyword.SERIALIZABLE)) {
            return "serializable";
        }
        if (tokens.accept(Keyword.REPEATABLE)) {
            tokens.expect(Keyword.READ);
            return "repeatable read";
        }
        tokens.expect(Keyword.READ);
        if (tokens.accept(Keyword.UNCOMMITTED)) {
            return "read uncommitted";
        }
        tokens.expect(Keyword.COMMITTED);
        return "read committed";
    }

    private void acceptWorkOrTransaction() {
        if (!tokens.accept(Keyword.WORK)) {
            tokens.accept(Keyword.TRANSACTION);
        }
    }

    /** {@code AND [NO] CHAIN}: true for AND CHAIN. */
    private boolean chain() {
        if (!tokens.accept(Keyword.AND)) {
            return false;
        }
        boolean no = tokens.accept(Keyword.NO);
        tokens.expect(Keyword.CHAIN);
        return !no;
    }
}
