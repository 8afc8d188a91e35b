package io.basalt.storage.table;

import io.basalt.exec.batch.Batch;
import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.LockWaits;
import io.basalt.storage.lock.RowLockMode;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.FieldVector;

/**
 * What a statement's change to tables connected by foreign keys must wait for before it is made, as PostgreSQL's
 * referential-integrity checks wait on row locks. PostgreSQL's check of a new referencing row locks the referenced
 * row FOR KEY SHARE, which waits for a transaction deleting that row or changing its key, and keeps a later one
 * from doing so until the inserter ends. Here the pending changes are the locks, looked up by key:
 *
 * <ul>
 * <li>a new referencing row waits for another open transaction that deleted the committed referenced row holding
 *     its key, or changed that row's key (without adding the key back): once that one ends, a committed deletion
 *     fails the check (23503; REPEATABLE READ and SERIALIZABLE: 40001, as PostgreSQL's), a rollback lets the row in;</li>
 * <li>a deleted referenced row, or one whose key changes, waits for every other open transaction whose live new
 *     rows reference its key; once that one commits, its rows are referencing rows like any other (NO ACTION and
 *     RESTRICT fail with 23503, CASCADE and SET NULL / DEFAULT act on them);</li>
 * <li>a deleted or updated row waits for another open transaction holding it (its deletion, or SELECT ... FOR
 *     UPDATE / SHARE), and a new row waits on a unique key another open transaction holds, as a statement on a
 *     table without foreign keys does in {@link InMemoryTableStore}.</li>
 * </ul>
 *
 * <p>The statement looks for these while it holds the locks of every connected table (so nothing changes between
 * the look and the change), and waits, if it must, after giving them up: {@link ReferentialChange} then plans the
 * change again from the start against the newest state. Without other open transactions on the tables nothing is
 * looked at.
 */
final class ForeignKeyWaits {
    /**
     * One wait: the transaction to wait for and PostgreSQL's CONTEXT line for it; for a new referencing row, the
     * referenced table, its unique key and the key the row needs (else null), checked again after the wait.
     */
    record Wait(LockOwner holder, String context, InMemoryTableStore referenced, UniqueKeyIndex index,
                List<Object> neededKey) {
    }

    private ForeignKeyWaits() {
    }

    /**
     * The wait for new rows {@code rows} of {@code key}'s referencing table: another open transaction that deleted
     * (or changed the key of) the committed referenced row one of them needs. All connected tables locked.
     */
    static Wait forReferencingRows(TableTransaction transaction, ForeignKey key, List<Batch> rows) {
        InMemoryTableStore referenced = ReferentialChange.base(key.referenced().store());
        List<PendingChange> others = referenced.rowLocks().otherChanges(transaction);
        if (others.isEmpty()) {
            return null;
        }
        UniqueKeyIndex index = referenced.uniqueKey(key.referencedKey());
        int k = index == null ? -1 : referenced.uniqueKeyIndexes().indexOf(index);
        if (k < 0) {
            return null;
        }
        for (Batch batch : rows) {
            for (int row = 0; row < batch.rowCount(); row++) {
                List<Object> referencingKey = ForeignKeyChecks.referencingKey(key, batch.columns(), row);
                if (referencingKey == null) {
                    continue;
                }
                List<Object> probe = ForeignKeyChecks.probe(key, index, referencingKey);
                for (PendingChange other : others) {
                    if (other.freesKey(k, probe) && !other.addsKey(k, probe)) {
                        return new Wait(other.owner(), lockingContext(referenced, index, probe), referenced, index,
                                probe);
                    }
                }
            }
        }
        return null;
    }

    /**
     * The wait for referenced rows of {@code key} whose keys {@code oldKeys} (in the constraint's column order) a
     * statement deletes or changes: another open transaction whose live new rows reference one of them. All
     * connected tables locked.
     */
    static Wait forReferencedKeys(TableTransaction transaction, ForeignKey key, Set<List<Object>> oldKeys,
                                  boolean deleting) {
        InMemoryTableStore referencing = ReferentialChange.base(key.referencing().store());
        List<PendingChange> others = referencing.rowLocks().otherChanges(transaction);
        for (PendingChange other : others) {
            List<Object>[] found = newReferenceTo(other, key, oldKeys);
            if (found[0] != null) {
                InMemoryTableStore referenced = ReferentialChange.base(key.referenced().store());
                UniqueKeyIndex index = referenced.uniqueKey(key.referencedKey());
                String context = index == null ? null : lockingContext(referenced, index,
                        ForeignKeyChecks.probe(key, index, found[0]), deleting ? "deleting" : "updating");
                return new Wait(other.owner(), context, null, null, null);
            }
        }
        return null;
    }

    /** The first key of {@code oldKeys} a live new row of {@code change} references through {@code key}, in [0]. */
    @SuppressWarnings("unchecked")
    private static List<Object>[] newReferenceTo(PendingChange change, ForeignKey key, Set<List<Object>> oldKeys) {
        List<Object>[] found = new List[1];
        change.forEachLiveRow((chunk, row, rowId) -> {
            if (found[0] == null) {
                List<Object> referencingKey = ForeignKeyChecks.referencingKey(key, Arrays.asList(chunk), row);
                if (referencingKey != null && oldKeys.contains(referencingKey)) {
                    found[0] = referencingKey;
                }
            }
        });
        return found;
    }

    /**
     * The wait for committed rows {@code rowIds} of {@code store} that a statement deletes ({@code mode}
     * {@link RowLockMode#UPDATE}) or updates: another open transaction holding one. Store locked.
     */
    static Wait forChangedRows(TableTransaction transaction, InMemoryTableStore store, long[] rowIds,
                               RowLockMode mode) {
        RowLockTable.Conflict conflict = store.rowLocks().firstConflict(rowIds, transaction, mode);
        if (conflict == null) {
            return null;
        }
        return new Wait(conflict.holder(), store.tupleContext(mode == RowLockMode.UPDATE ? "deleting" : "updating",
                conflict.rowId()), null, null, null);
    }

    /** The wait for new rows {@code rows} of {@code store} on a unique key another open transaction holds. */
    static Wait forUniqueKeys(TableTransaction transaction, InMemoryTableStore store, List<Batch> rows) {
        PendingKeyHolders.Holder holder = PendingKeyHolders.find(store.rowLocks(), store.uniqueKeyIndexes(),
                transaction.change(store), transaction, rows);
        return holder == null ? null
                : new Wait(holder.owner(), store.keyContext(holder.index().constraintName()), null, null, null);
    }

    /**
     * Waits, with no table locked, for the transaction of {@code wait} to end. A new referencing row whose referenced
     * key that transaction committed away fails with 40001 under REPEATABLE READ and SERIALIZABLE, as PostgreSQL's
     * check does on a row deleted after the transaction's snapshot; READ COMMITTED plans again and fails the check.
     *
     * @throws io.basalt.error.BasaltException 40P01 and 55P03 as {@link LockWaits#awaitEnd} does, 40001 as above
     */
    static void await(TableTransaction transaction, Wait wait) {
        LockWaits.awaitEnd(transaction, wait.holder(), wait.context());
        if (wait.neededKey() != null && !transaction.snapshotPerStatement()) {
            synchronized (wait.referenced()) {
                if (!wait.index().contains(wait.neededKey())) {
                    throw PendingChange.concurrentUpdate();
                }
            }
        }
    }

    private static String lockingContext(InMemoryTableStore referenced, UniqueKeyIndex index, List<Object> probe) {
        return lockingContext(referenced, index, probe, "locking");
    }

    /** PostgreSQL's {@code while locking tuple (0,1) in relation "t"} for the committed row holding {@code probe}. */
    private static String lockingContext(InMemoryTableStore referenced, UniqueKeyIndex index, List<Object> probe,
                                         String action) {
        long[] rowId = {-1};
        referenced.forEachRow((FieldVector[] chunk, int row, long id) -> {
            if (rowId[0] < 0 && probe.equals(index.keyOf(Arrays.asList(chunk), row))) {
                rowId[0] = id;
            }
        });
        return rowId[0] < 0 ? null : referenced.tupleContext(action, rowId[0]);
    }
}
