package io.basalt.engine;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.sql.ast.CursorStatement;
import io.basalt.storage.transaction.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;

/**
 * A session's cursors (DECLARE, FETCH, MOVE, CLOSE). A cursor's rows are computed when it is declared, in the
 * declaring statement's snapshot, which is the snapshot PostgreSQL's cursor reads too; FETCH then copies the rows it
 * moves over out of them. A cursor without HOLD ends with its transaction block; one WITH HOLD outlives the commit
 * of the transaction that declared it. Either ends when that transaction, or a savepoint taken before the DECLARE,
 * rolls back. Ended cursors are dropped (and their rows freed) the next time the session uses a cursor.
 *
 * <p>PostgreSQL runs a cursor's query as FETCH asks for rows, so a query that fails does so at a FETCH, not at the
 * DECLARE. Here the query runs at DECLARE from an internal savepoint; when it fails, what it did is rolled back, the
 * DECLARE succeeds, and the first FETCH or MOVE reports the failure (failing the transaction block as PostgreSQL's
 * FETCH does); after that the cursor cannot be run (55000 "portal ... cannot be run"). Unlike PostgreSQL, rows before
 * the failing one are not handed out first. Errors in the query's text (unknown tables, types) are reported by the
 * DECLARE, as in PostgreSQL.
 *
 * <p>Positions are PostgreSQL's: 0 is before the first row, 1..n a row, n + 1 after the last. Moving past either end
 * leaves the cursor there; a fetch of k rows leaves it on the last row returned.
 */
final class SessionCursors {
    /** Name of the savepoint a DECLARE runs its query from; no SQL name can be it. */
    private static final String DECLARE_SAVEPOINT = "\0declare";

    private static final class Cursor {
        /** The query's rows; null when it failed. */
        final QueryResultImpl rows;
        /** The query's failure, until a FETCH or MOVE reports it. */
        BasaltException failure;
        /** Whether a FETCH or MOVE reported the query's failure: the cursor cannot run any more. */
        boolean failed;
        final boolean scroll;
        final boolean hold;
        final Transaction declaredIn;
        long position;
        volatile boolean rolledBack;

        Cursor(QueryResultImpl rows, boolean scroll, boolean hold, Transaction declaredIn) {
            this.rows = rows;
            this.scroll = scroll;
            this.hold = hold;
            this.declaredIn = declaredIn;
        }

        void close() {
            if (rows != null) {
                rows.close();
            }
        }
    }

    private final Map<String, Cursor> cursors = new LinkedHashMap<>();
    private final Supplier<Transaction> block;
    private final Supplier<BufferAllocator> allocators;

    /** {@code block} gives the session's open transaction block (null outside one). */
    SessionCursors(Supplier<Transaction> block, Supplier<BufferAllocator> allocators) {
        this.block = block;
        this.allocators = allocators;
    }

    /**
     * DECLARE: checks that the cursor may exist here, then keeps {@code rows} (the query's result, which the cursor
     * then owns) under its name. {@code statementTransaction} is the transaction the DECLARE runs in.
     */
    QueryResultImpl declare(CursorStatement.Declare declare, Transaction statementTransaction,
                            Supplier<QueryResultImpl> query) {
        dropEnded();
        if (!declare.hold() && block.get() == null) {
            throw BasaltException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (cursors.containsKey(declare.name())) {
            throw BasaltException.of(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
        }
        QueryResultImpl rows = null;
        BasaltException failure = null;
        if (statementTransaction == null) {
            rows = query.get();
        } else {
            statementTransaction.savepoint(DECLARE_SAVEPOINT);
            try {
                rows = query.get();
            } catch (BasaltException queryFailure) {
                statementTransaction.rollbackTo(DECLARE_SAVEPOINT);
                failure = queryFailure;
            } finally {
                statementTransaction.release(DECLARE_SAVEPOINT);
            }
        }
        Cursor cursor = new Cursor(rows, declare.scroll(), declare.hold(), statementTransaction);
        cursor.failure = failure;
        if (statementTransaction != null) {
            statementTransaction.onRollback(() -> cursor.rolledBack = true);
        }
        cursors.put(declare.name(), cursor);
        return QueryResultImpl.command("DECLARE CURSOR", 0, List.of());
    }

    /** FETCH (the rows moved over, in the order moved) or MOVE (their count). */
    QueryResultImpl fetch(CursorStatement.Fetch fetch) {
        dropEnded();
        Cursor cursor = cursors.get(fetch.name());
        if (cursor == null) {
            throw BasaltException.of(SqlState.INVALID_CURSOR_NAME, "cursor \"" + fetch.name() + "\" does not exist");
        }
        if (cursor.failure != null) {
            BasaltException failure = cursor.failure;
            cursor.failure = null;
            cursor.failed = true;
            throw failure;
        }
        if (cursor.failed) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
                    "portal \"" + fetch.name() + "\" cannot be run");
        }
        long[] rows = move(cursor, fetch.direction(), fetch.count());
        if (fetch.move()) {
            return QueryResultImpl.command("MOVE " + rows.length, rows.length, List.of());
        }
        return cursor.rows.copyRows(rows, "FETCH " + rows.length, allocators.get());
    }

    /** CLOSE name, or CLOSE ALL. */
    QueryResultImpl close(CursorStatement.Close close) {
        dropEnded();
        if (close.name() == null) {
            closeAll();
        } else {
            Cursor cursor = cursors.remove(close.name());
            if (cursor == null) {
                throw BasaltException.of(SqlState.INVALID_CURSOR_NAME,
                        "cursor \"" + close.name() + "\" does not exist");
            }
            cursor.close();
        }
        return QueryResultImpl.command("CLOSE CURSOR", 0, List.of());
    }

    /** Frees every cursor: CLOSE ALL, and the end of the session. */
    void closeAll() {
        for (Cursor cursor : cursors.values()) {
            cursor.close();
        }
        cursors.clear();
    }

    /** The 0-based rows a fetch in {@code direction} returns, in order, moving the cursor. */
    private static long[] move(Cursor cursor, CursorStatement.Direction direction, long count) {
        long rowCount = cursor.rows.rowCount();
        return switch (direction) {
            case FORWARD -> count > 0 ? forward(cursor, count, rowCount)
                    : count < 0 ? backward(cursor, -count) : relative(cursor, 0, rowCount);
            case BACKWARD -> count > 0 ? backward(cursor, count)
                    : count < 0 ? forward(cursor, -count, rowCount) : relative(cursor, 0, rowCount);
            case ABSOLUTE -> absolute(cursor, count > 0 ? count : count < 0 ? rowCount + 1 + count : 0, rowCount);
            case RELATIVE -> relative(cursor, count, rowCount);
        };
    }

    private static long[] forward(Cursor cursor, long count, long rowCount) {
        long available = Math.max(0, rowCount - cursor.position);
        long taken = Math.min(count, available);
        long[] rows = new long[(int) taken];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = cursor.position + k;
        }
        cursor.position = count > available ? rowCount + 1 : cursor.position + taken;
        return rows;
    }

    private static long[] backward(Cursor cursor, long count) {
        requireScroll(cursor);
        long available = Math.max(0, cursor.position - 1);
        long taken = Math.min(count, available);
        long[] rows = new long[(int) taken];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = cursor.position - k - 2;
        }
        cursor.position = count > available ? 0 : cursor.position - taken;
        return rows;
    }

    private static long[] relative(Cursor cursor, long offset, long rowCount) {
        if (offset < 0) {
            requireScroll(cursor);
        }
        return land(cursor, cursor.position + offset, rowCount);
    }

    private static long[] absolute(Cursor cursor, long target, long rowCount) {
        if (target < cursor.position) {
            requireScroll(cursor);
        }
        return land(cursor, target, rowCount);
    }

    /** Moves to row {@code target} (1-based), or before the first / after the last when it is out of range. */
    private static long[] land(Cursor cursor, long target, long rowCount) {
        if (target <= 0) {
            cursor.position = 0;
            return new long[0];
        }
        if (target > rowCount) {
            cursor.position = rowCount + 1;
            return new long[0];
        }
        cursor.position = target;
        return new long[] {target - 1};
    }

    private static void requireScroll(Cursor cursor) {
        if (!cursor.scroll) {
            throw BasaltException.of(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward")
                    .withHint("Declare it with SCROLL option to enable backward scan.");
        }
    }

    /**
     * Drops the cursors that have ended: those whose declaring transaction (or a savepoint before them) rolled back,
     * and those without HOLD whose transaction block is over.
     */
    private void dropEnded() {
        Transaction current = block.get();
        var iterator = cursors.values().iterator();
        while (iterator.hasNext()) {
            Cursor cursor = iterator.next();
            boolean ended = cursor.rolledBack || !cursor.hold && cursor.declaredIn != current;
            if (ended) {
                cursor.close();
                iterator.remove();
            }
        }
    }
}
