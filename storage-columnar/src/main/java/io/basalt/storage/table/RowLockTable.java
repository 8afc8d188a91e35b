package io.basalt.storage.table;

import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.RowLockMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The row locks of one table: who holds which committed row until their transaction ends.
 *
 * <p>Two kinds of holders. A transaction's {@link PendingChange} holds every committed row it deleted (DELETE as
 * {@link RowLockMode#UPDATE}, UPDATE as {@link RowLockMode#NO_KEY_UPDATE}, a pending TRUNCATE every row): the
 * change's deletion masks are the lock, so an UPDATE of millions of rows costs no lock entries. SELECT ... FOR
 * UPDATE / SHARE locks are entries of their own ({@link #lock}), kept per row with their owner and mode.
 *
 * <p>Not thread-safe: every method is called under the store's lock. Holders are removed when their transaction
 * ends ({@link #forget}, {@link #releaseAll}), before it signals its end to waiters.
 */
final class RowLockTable {
    /** An explicit lock on one row. */
    private record Held(LockOwner owner, RowLockMode mode) {
    }

    /** A row {@code rowId} that {@code holder} holds in a mode conflicting with the one asked for. */
    record Conflict(long rowId, LockOwner holder) {
    }

    private final Set<PendingChange> openChanges = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<Long, List<Held>> explicit = new HashMap<>();
    private final Map<LockOwner, List<Long>> explicitByOwner = new IdentityHashMap<>();

    /** A transaction started changing the table: its deletions lock their rows from now on. */
    void register(PendingChange change) {
        openChanges.add(change);
    }

    /** The transaction of {@code change} ended (or dropped the change). */
    void forget(PendingChange change) {
        openChanges.remove(change);
    }

    /**
     * The first of the committed rows {@code rowIds} that another open transaction holds in a mode conflicting with
     * {@code mode}, or null. Pending row ids (a transaction's own new rows) are never locked by others.
     */
    Conflict firstConflict(long[] rowIds, LockOwner requester, RowLockMode mode) {
        if (explicit.isEmpty() && !othersChanging(requester)) {
            return null;
        }
        for (long rowId : rowIds) {
            LockOwner holder = holder(rowId, requester, mode);
            if (holder != null) {
                return new Conflict(rowId, holder);
            }
        }
        return null;
    }

    /** Another open transaction holding committed row {@code rowId} in a mode conflicting with {@code mode}, or null. */
    LockOwner holder(long rowId, LockOwner requester, RowLockMode mode) {
        if (PendingChange.isPending(rowId)) {
            return null;
        }
        for (PendingChange change : openChanges) {
            if (change.owner() != requester && change.deletesCommitted(rowId)
                    && change.deletionMode(rowId).conflictsWith(mode)) {
                return change.owner();
            }
        }
        List<Held> holders = explicit.get(rowId);
        if (holders != null) {
            for (Held held : holders) {
                if (held.owner() != requester && held.mode().conflictsWith(mode)) {
                    return held.owner();
                }
            }
        }
        return null;
    }

    /**
     * Records that {@code owner} holds row {@code rowId} in {@code mode} (or a stronger mode it held already).
     * The caller checked that no other transaction holds it in a conflicting mode.
     */
    void lock(long rowId, LockOwner owner, RowLockMode mode) {
        List<Held> holders = explicit.computeIfAbsent(rowId, ignored -> new ArrayList<>(1));
        for (int i = 0; i < holders.size(); i++) {
            Held held = holders.get(i);
            if (held.owner() == owner) {
                holders.set(i, new Held(owner, held.mode().max(mode)));
                return;
            }
        }
        holders.add(new Held(owner, mode));
        explicitByOwner.computeIfAbsent(owner, ignored -> new ArrayList<>()).add(rowId);
    }

    /** Drops every explicit lock {@code owner} holds here (its transaction ended). */
    void releaseAll(LockOwner owner) {
        List<Long> rows = explicitByOwner.remove(owner);
        if (rows == null) {
            return;
        }
        for (long rowId : rows) {
            List<Held> holders = explicit.get(rowId);
            if (holders != null) {
                holders.removeIf(held -> held.owner() == owner);
                if (holders.isEmpty()) {
                    explicit.remove(rowId);
                }
            }
        }
    }

    /** The open changes of this table that belong to transactions other than {@code requester}. */
    List<PendingChange> otherChanges(LockOwner requester) {
        List<PendingChange> others = null;
        for (PendingChange change : openChanges) {
            if (change.owner() != requester && change.owner() != null) {
                if (others == null) {
                    others = new ArrayList<>(2);
                }
                others.add(change);
            }
        }
        return others == null ? List.of() : others;
    }

    private boolean othersChanging(LockOwner requester) {
        for (PendingChange change : openChanges) {
            if (change.owner() != requester) {
                return true;
            }
        }
        return false;
    }
}
