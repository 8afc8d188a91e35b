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
 * A session's cursors (DECLARE, FETCH, MOVE, CLOSE). A cursor's query is opened when it is declared, in the
 * declaring statement's snapshot, which is the snapshot PostgreSQL's cursor reads too, and runs as FETCH and MOVE
 * reach its rows ({@link CursorRows}: the top pipeline is pulled batch by batch; sorts and aggregates under it run
 * whole when it opens). FETCH copies the rows it moves over out of the rows read. A cursor without HOLD ends with its
 * transaction block; one WITH HOLD is run to its end when that block commits ({@link #beforeCommit}) and outlives
 * it. Either ends when its transaction, or a savepoint taken before the DECLARE, rolls back. Ended cursors are
 * dropped (and their rows freed) the next time the session uses a cursor.
 *
 * <p>A failure while the query is opened (in a sort or aggregate under the top pipeline) is rolled back from an
 * internal savepoint; the DECLARE succeeds and the first FETCH or MOVE reports the failure (failing the transaction
 * block as PostgreSQL's FETCH does). A failure in a row of the top pipeline is reported by the FETCH or MOVE that
 * reaches the batch holding it, after the rows before it were handed out by earlier ones. After either the cursor
 * cannot be run (55000 "portal ... cannot be run"). Errors in the query's text (unknown tables, types) are reported
 * by the DECLARE, as in PostgreSQL.
 *
 * <p>Positions are PostgreSQL's: 0 is before the first row, 1..n a row, n + 1 after the last. Moving past either end
 * leaves the cursor there; a fetch of k rows leaves it on the last row returned.
 */
final class SessionCursors {
    /** Name of the savepoint a DECLARE runs its query from; no SQL name can be it. */
    private static final String DECLARE_SAVEPOINT = "\0declare";

    private static final class Cursor {
        /** The query's rows; null when it failed. */
        final CursorRows rows;
        /** The query's failure, until a FETCH or MOVE reports it. */
        BasaltException failure;
        /** Whether a FETCH or MOVE reported the query's failure: the cursor cannot run any more. */
        boolean failed;
        final boolean scroll;
        final boolean hold;
        final Transaction declaredIn;
        long position;
        volatile boolean rolledBack;

        Cursor(CursorRows rows, boolean scroll, boolean hold, Transaction declaredIn) {
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
                            Supplier<CursorRows> query) {
        dropEnded();
        if (!declare.hold() && block.get() == null) {
            throw BasaltException.of(SqlState.NO_ACTIVE_SQL_TRANSACTION,
                    "DECLARE CURSOR can only be used in transaction blocks");
        }
        if (cursors.containsKey(declare.name())) {
            throw BasaltException.of(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
        }
        CursorRows rows = null;
        BasaltException failure = null;
        // a cursor WITH HOLD declared outside a block: its transaction commits with the DECLARE
        boolean materialize = declare.hold() && statementTransaction != block.get();
        if (statementTransaction == null) {
            rows = query.get();
        } else {
            statementTransaction.savepoint(DECLARE_SAVEPOINT);
            try {
                rows = query.get();
                if (materialize) {
                    rows.readAll();
                }
            } catch (BasaltException queryFailure) {
                if (rows != null) {
                    rows.close();
                    rows = null;
                }
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
        long[] rows;
        try {
            rows = move(cursor, fetch.direction(), fetch.count());
        } catch (BasaltException queryFailure) {
            if (queryFailure.sqlState() != SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE) {
                cursor.failed = true;
            }
            throw queryFailure;
        }
        if (rows.length > 0 && !cursor.rows.keeps(rows[0])) {
            // a NO SCROLL cursor forgets what it passed; only a backward move could ask for it, and that fails above
            throw BasaltException.internal("cursor row " + rows[0] + " is no longer kept");
        }
        QueryResultImpl result = fetch.move() ? QueryResultImpl.command("MOVE " + rows.length, rows.length, List.of())
                : cursor.rows.copyRows(rows, "FETCH " + rows.length, allocators.get());
        cursor.rows.forgetBefore(cursor.position);
        return result;
    }

    /**
     * The block {@code ending} is about to commit: its cursors WITH HOLD run to their end now, while what they read
     * is still there (PostgreSQL materializes them at COMMIT too); a failure is reported by their next FETCH.
     */
    void beforeCommit(Transaction ending) {
        for (Cursor cursor : cursors.values()) {
            if (cursor.hold && cursor.declaredIn == ending && cursor.rows != null && !cursor.rolledBack) {
                try {
                    cursor.rows.readAll();
                } catch (BasaltException failure) {
                    cursor.failure = failure;
                }
            }
        }
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
        CursorRows rows = cursor.rows;
        return switch (direction) {
            case FORWARD -> count > 0 ? forward(cursor, count, rows.readUpTo(reach(cursor.position, count)))
                    : count < 0 ? backward(cursor, -count) : relative(cursor, 0, rows.readUpTo(cursor.position));
            case BACKWARD -> count > 0 ? backward(cursor, count)
                    : count < 0 ? forward(cursor, -count, rows.readUpTo(reach(cursor.position, -count)))
                    : relative(cursor, 0, rows.readUpTo(cursor.position));
            case ABSOLUTE -> {
                long rowCount = count < 0 ? rows.readAll() : rows.readUpTo(count);
                yield absolute(cursor, count > 0 ? count : count < 0 ? rowCount + 1 + count : 0, rowCount);
            }
            case RELATIVE -> relative(cursor, count,
                    count > 0 ? rows.readUpTo(reach(cursor.position, count)) : rows.readUpTo(cursor.position));
        };
    }

    /** The number of rows a move of {@code count} from {@code position} needs read (at most Long.MAX_VALUE). */
    private static long reach(long position, long count) {
        long sum = position + count;
        return sum < 0 ? Long.MAX_VALUE : sum;
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
