package io.basalt.binder;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;

/**
 * Rewords the binder's generic "not supported yet" errors for a subquery or a set-returning function into what
 * PostgreSQL reports where such an expression is not allowed at all (a column DEFAULT, a partition key or bound):
 * {@code cannot use subquery in ...} and {@code set-returning functions are not allowed in ...}, both 0A000.
 */
final class ExpressionContextErrors {
    private ExpressionContextErrors() {
    }

    /**
     * {@code e} reworded, or {@code e} itself when it is about something else; {@code withPosition} keeps the
     * position of the subquery or call.
     */
    static BasaltException reword(BasaltException e, String subqueryMessage, String setReturningMessage,
                                  boolean withPosition) {
        if (e.sqlState() != SqlState.FEATURE_NOT_SUPPORTED || e.getMessage() == null) {
            return e;
        }
        String message = e.getMessage();
        String reworded = null;
        if (message.startsWith("subqueries in ")) {
            reworded = subqueryMessage;
        } else if (message.startsWith("set-returning function ") && message.contains(" in this position")
                || message.startsWith("set-returning user-defined functions outside FROM")) {
            reworded = setReturningMessage;
        }
        if (reworded == null) {
            return e;
        }
        return withPosition ? BasaltException.at(SqlState.FEATURE_NOT_SUPPORTED, e.position(), reworded)
                : BasaltException.of(SqlState.FEATURE_NOT_SUPPORTED, reworded);
    }
}
