package io.basalt.jdbc;

import io.basalt.error.BasaltException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransactionRollbackException;

/**
 * Engine failures as JDBC exceptions: the SQLSTATE as {@link SQLException#getSQLState()}, PostgreSQL's message
 * (with its DETAIL and HINT on lines of their own, as psql shows them) as the message, and the subclass JDBC
 * assigns to the SQLSTATE's class (23 integrity, 40 rollback, 42 syntax or access, 22 data, 0A not supported), so
 * that tools translating exceptions by class or by state both work.
 */
final class SqlExceptions {
    private SqlExceptions() {
    }

    /** {@code failure} as a SQLException; a BasaltException keeps its SQLSTATE, anything else is XX000. */
    static SQLException of(Throwable failure) {
        if (failure instanceof SQLException sql) {
            return sql;
        }
        if (!(failure instanceof BasaltException basalt)) {
            return new SQLException(String.valueOf(failure.getMessage()), "XX000", failure);
        }
        String state = basalt.sqlState().code();
        StringBuilder message = new StringBuilder(String.valueOf(basalt.getMessage()));
        if (basalt.detail() != null) {
            message.append("\n  Detail: ").append(basalt.detail());
        }
        if (basalt.hint() != null) {
            message.append("\n  Hint: ").append(basalt.hint());
        }
        return of(message.toString(), state, basalt);
    }

    /** A SQLException of the class JDBC assigns to {@code state}. */
    static SQLException of(String message, String state, Throwable cause) {
        String stateClass = state.substring(0, 2);
        return switch (stateClass) {
            case "23" -> new SQLIntegrityConstraintViolationException(message, state, cause);
            case "40" -> new SQLTransactionRollbackException(message, state, cause);
            case "42" -> new SQLSyntaxErrorException(message, state, cause);
            case "22" -> new SQLDataException(message, state, cause);
            case "0A" -> new SQLFeatureNotSupportedException(message, state, cause);
            default -> new SQLException(message, state, cause);
        };
    }

    /** A client-side usage error (PostgreSQL's drivers use 08003 for a closed connection, 22023 for bad arguments). */
    static SQLException usage(String message, String state) {
        return of(message, state, null);
    }

    static SQLException closed(String what) {
        return usage("This " + what + " has been closed.", "08003");
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by Basalt's JDBC driver", "0A000");
    }
}
