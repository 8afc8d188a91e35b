package io.basalt.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type Basalt raises to its users. It carries a SQLSTATE, a message worded as
 * PostgreSQL words it, optional DETAIL, HINT and CONTEXT lines (CONTEXT says where inside a running statement
 * the error arose, e.g. {@code COPY t, line 3, column a: "x"}), and the 1-based character position in the
 * statement text where the problem was found (0 when there is none).
 *
 * <p>User errors and internal errors are built by different factories: {@link #internal} is for
 * bugs (SQLSTATE XX000) and never reuses a user-facing code.
 *
 * <p>It can also carry the notices the failed statement raised before the error ({@link #withNotices}), which a
 * client shows before the error, as PostgreSQL sends them first.
 */
public final class BasaltException extends RuntimeException {
    private final SqlState sqlState;
    private final String detail;
    private final String hint;
    private final String context;
    private final int position;
    private java.util.List<String> notices = java.util.List.of();

    private BasaltException(SqlState sqlState, String message, String detail, String hint, String context, int position,
                            Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.sqlState = requireNonNull(sqlState, "sqlState is null");
        this.detail = detail;
        this.hint = hint;
        this.context = context;
        this.position = position;
    }

    /** This error with {@code earlier} (notices raised before it) ahead of the notices it carries already. */
    public BasaltException withNotices(java.util.List<String> earlier) {
        if (earlier.isEmpty()) {
            return this;
        }
        BasaltException copy = new BasaltException(sqlState, getMessage(), detail, hint, context, position, getCause());
        java.util.List<String> all = new java.util.ArrayList<>(earlier);
        all.addAll(notices);
        copy.notices = java.util.List.copyOf(all);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** The notices the failed statement raised before the error, in order (empty when none). */
    public java.util.List<String> notices() {
        return notices;
    }

    private BasaltException carrying(BasaltException source) {
        this.notices = source.notices;
        return this;
    }

    public static BasaltException of(SqlState state, String message) {
        return new BasaltException(state, message, null, null, null, 0, null);
    }

    public static BasaltException at(SqlState state, int position, String message) {
        return new BasaltException(state, message, null, null, null, position, null);
    }

    /** An internal error: a bug in Basalt, not a problem with the user's input. */
    public static BasaltException internal(String message, Throwable cause) {
        return new BasaltException(SqlState.INTERNAL_ERROR, message, null, null, null, 0, cause);
    }

    public static BasaltException internal(String message) {
        return internal(message, null);
    }

    public BasaltException withDetail(String newDetail) {
        return new BasaltException(sqlState, getMessage(), newDetail, hint, context, position, getCause()).carrying(this);
    }

    public BasaltException withHint(String newHint) {
        return new BasaltException(sqlState, getMessage(), detail, newHint, context, position, getCause()).carrying(this);
    }

    /** The same error placed at a position, unless it already has one. */
    public BasaltException withPositionIfAbsent(int newPosition) {
        if (position > 0 || newPosition <= 0) {
            return this;
        }
        return new BasaltException(sqlState, getMessage(), detail, hint, context, newPosition, getCause())
                .carrying(this);
    }

    /** The same error with a CONTEXT line (replacing any it had). */
    public BasaltException withContext(String newContext) {
        return new BasaltException(sqlState, getMessage(), detail, hint, newContext, position, getCause()).carrying(this);
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

    /** Where inside a running statement the error arose, or null. */
    public String context() {
        return context;
    }

    /** 1-based character offset into the statement text, or 0 when the error has no position. */
    public int position() {
        return position;
    }
}
