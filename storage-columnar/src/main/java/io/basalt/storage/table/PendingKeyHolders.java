package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.storage.lock.LockOwner;
import java.util.List;
import java.util.Set;

/**
 * Finds the open transaction that a statement's new rows must wait for on a unique key, as PostgreSQL's inserter
 * waits when the index holds the key in a tuple of a transaction still in progress: another open transaction whose
 * own live rows hold the key (its INSERT or UPDATE), or that deleted the committed row holding it (its DELETE or
 * UPDATE). Once that transaction ends the caller checks again: a key it committed makes the new row a duplicate
 * (23505), or takes ON CONFLICT's path; a key it rolled back (or freed for good) lets the row in.
 *
 * <p>Deferrable keys never wait (PostgreSQL checks them at COMMIT), and neither do rows whose key holds a NULL.
 * Called under the store's lock, which the caller gives up before it waits.
 */
final class PendingKeyHolders {
    /**
     * The transaction to wait for: {@code owner}, over {@code key} of unique key {@code index}; {@code frees} says
     * that it deleted the committed row holding the key rather than adding a row with it.
     */
    record Holder(LockOwner owner, UniqueKeyIndex index, List<Object> key, boolean frees) {
    }

    private PendingKeyHolders() {
    }

    /**
     * The first open transaction other than {@code requester} that one of {@code rows} must wait for, or null.
     * {@code own} is the requester's pending change of the table (null if none), whose deletions free keys for it.
     * Costs nothing while no other transaction has changed the table.
     */
    static Holder find(RowLockTable locks, List<UniqueKeyIndex> indexes, PendingChange own, LockOwner requester,
                       List<Batch> rows) {
        List<PendingChange> others = locks.otherChanges(requester);
        if (others.isEmpty() || indexes.isEmpty()) {
            return null;
        }
        for (int k = 0; k < indexes.size(); k++) {
            UniqueKeyIndex index = indexes.get(k);
            if (index.deferrable()) {
                continue;
            }
            for (Batch batch : rows) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> key = index.keyOf(batch, row);
                    if (key == null) {
                        continue;
                    }
                    Holder holder = holderOf(others, k, index, key, own);
                    if (holder != null) {
                        return holder;
                    }
                }
            }
        }
        return null;
    }

    /** Whether {@code holder}, now ended, left its key committed: the new row meets a row it did not see. */
    static boolean committedKey(Holder holder) {
        return !holder.frees() && holder.index().contains(holder.key());
    }

    /** Whether {@code holder} stands on one of the ON CONFLICT arbiters {@code arbiters}. */
    static boolean onArbiter(Holder holder, Set<String> arbiters) {
        return arbiters.contains(holder.index().constraintName());
    }

    private static Holder holderOf(List<PendingChange> others, int k, UniqueKeyIndex index, List<Object> key,
                                   PendingChange own) {
        for (PendingChange other : others) {
            if (other.addsKey(k, key)) {
                return new Holder(other.owner(), index, key, false);
            }
            if (other.freesKey(k, key) && index.contains(key) && (own == null || !own.freesKey(k, key))) {
                return new Holder(other.owner(), index, key, true);
            }
        }
        return null;
    }
}
