package io.basalt.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type Basalt raises to its users. It carries a SQLSTATE, a message worded as
 * PostgreSQL words it, optional DETAIL and HINT lines, and the 1-based character position in the
 * statement text where the problem was found (0 when there is none).
 *
 * <p>User errors and internal errors are built by different factories: {@link #internal} is for
 * bugs (SQLSTATE XX000) and never reuses a user-facing code.
 */
public final class BasaltException extends RuntimeException {
    private final SqlState sqlState;
    private final String detail;
    private final String hint;
    private final int position;

    private BasaltException(SqlState sqlState, String message, String detail, String hint, int position, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
        this.detail = detail;
        this.hint = hint;
        this.position = position;
    }

    public static BasaltException of(SqlState state, String message) {
        return new BasaltException(state, message, null, null, 0, null);
    }

    public static BasaltException at(SqlState state, int position, String message) {
        return new BasaltException(state, message, null, null, position, null);
    }

    /** An internal error: a bug in Basalt, not a problem with the user's input. */
    public static BasaltException internal(String message, Throwable cause) {
        return new BasaltException(SqlState.INTERNAL_ERROR, message, null, null, 0, cause);
    }

    public static BasaltException internal(String message) {
        return internal(message, null);
    }

    public BasaltException withDetail(String newDetail) {
        return new BasaltException(sqlState, getMessage(), newDetail, hint, position, getCause());
    }

    public BasaltException withHint(String newHint) {
        return new BasaltException(sqlState, getMessage(), detail, newHint, position, getCause());
    }

    /** The same error placed at a position, unless it already has one. */
    public BasaltException withPositionIfAbsent(int newPosition) {
        if (position > 0 || newPosition <= 0) {
            return this;
        }
        return new BasaltException(sqlState, getMessage(), detail, hint, newPosition, getCause());
    }

    public SqlState sqlState() {
        return sqlState;
    }

    public String detail() {
        return detail;
    }

    public String hint() {
        return hint;
    }

    /** 1-based character offset into the statement text, or 0 when the error has no position. */
    public int position() {
        return position;
    }
}
