package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's EvalPlanQual for one READ COMMITTED UPDATE or DELETE: the rows of its target that another transaction
 * changed after the statement's snapshot (it waited for that transaction's row lock, or met the row already gone).
 *
 * <p>The statement runs in rounds. In a round, the store leaves such rows out of the change it stages ({@link
 * #select}) and keeps the others, which keep the statement's snapshot, as in PostgreSQL: a row deleted meanwhile
 * is simply not changed; a row updated meanwhile is <em>lost</em> here and its newest version is re-checked. The
 * session then runs the statement again with a new snapshot as the next round ({@link #nextRound}), whose sink keeps
 * only the newest versions of the lost rows ({@link #filters}, {@link #accepted}): the WHERE clause, the joins of
 * UPDATE ... FROM / DELETE ... USING and the SET list are evaluated again on them, and a version that no longer
 * matches is left alone. Differences from PostgreSQL: the other tables of a join are read at the new snapshot rather
 * than as the rows first joined, and each round scans the target again (a point lookup for a key).
 *
 * <p>A row's newest version is found through the successors the store records at COMMIT ({@link
 * PendingChange#committedSuccessors}); where none is known (a very large UPDATE, ON CONFLICT, a second table), the
 * statement fails with 40001 as before and the session runs all of it again with a new snapshot. The stores keep
 * those successors while a round may still ask for them ({@link InMemoryTableStore#pinSuccessors}); {@link #close}
 * lets them go. Used on the statement's own thread only.
 */
public final class ConcurrentlyUpdatedRows implements AutoCloseable {
    /** The rounds of the UPDATE or DELETE running on this thread; unbound for every other statement. */
    public static final ScopedValue<ConcurrentlyUpdatedRows> CURRENT = ScopedValue.newInstance();

    /** The pins every round of the statement took, released when the statement ends. */
    private final List<InMemoryTableStore> pinnedStores;
    private final List<Long> pinnedSnapshots;
    /** The rows of the previous round whose newest versions this round re-checks; null in the first round. */
    private final long[] recheck;
    private InMemoryTableStore store;
    private final Set<Long> dropped = new HashSet<>();
    private final List<Long> lost = new ArrayList<>();
    private Set<Long> accepted;

    /** The first round of a statement. */
    public ConcurrentlyUpdatedRows() {
        this(new ArrayList<>(), new ArrayList<>(), null, null);
    }

    private ConcurrentlyUpdatedRows(List<InMemoryTableStore> pinnedStores, List<Long> pinnedSnapshots, long[] recheck,
                                    InMemoryTableStore store) {
        this.pinnedStores = pinnedStores;
        this.pinnedSnapshots = pinnedSnapshots;
        this.recheck = recheck;
        this.store = store;
    }

    static ConcurrentlyUpdatedRows current() {
        return CURRENT.isBound() ? CURRENT.get() : null;
    }

    /** Whether this round lost rows whose newest versions another round must re-check. */
    public boolean needsAnotherRound() {
        return !lost.isEmpty();
    }

    /** The next round: it re-checks the newest versions of the rows this one lost, and takes over its pins. */
    public ConcurrentlyUpdatedRows nextRound() {
        long[] ids = new long[lost.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = lost.get(i);
        }
        return new ConcurrentlyUpdatedRows(pinnedStores, pinnedSnapshots, ids, store);
    }

    /** Releases the successors the rounds pinned (once, from the last round). */
    @Override
    public void close() {
        for (int i = 0; i < pinnedStores.size(); i++) {
            pinnedStores.get(i).unpinSuccessors(pinnedSnapshots.get(i));
        }
        pinnedStores.clear();
        pinnedSnapshots.clear();
    }

    // ---- the store's side ------------------------------------------------------------------------------------

    /**
     * Which of a statement's {@code deleted} rows of {@code target} to stage: null when all are still live (the usual
     * case); otherwise one flag per row, false for a row another transaction deleted or updated, which is recorded.
     * Store lock held.
     *
     * @throws BasaltException 40001 when such a row's newest version is unknown (the whole statement runs again)
     */
    boolean[] select(InMemoryTableStore target, long[] deleted, long snapshot) {
        boolean[] keep = null;
        for (int i = 0; i < deleted.length; i++) {
            long rowId = deleted[i];
            if (PendingChange.isPending(rowId) || target.live(rowId)) {
                continue;
            }
            if (store != null && store != target) {
                throw PendingChange.concurrentUpdate();
            }
            long newest = target.newestVersion(rowId);
            if (newest == InMemoryTableStore.UNKNOWN_VERSION) {
                throw PendingChange.concurrentUpdate();
            }
            if (keep == null) {
                keep = new boolean[deleted.length];
                java.util.Arrays.fill(keep, true);
                if (store == null) {
                    store = target;
                }
                target.pinSuccessors(snapshot);
                pinnedStores.add(target);
                pinnedSnapshots.add(snapshot);
            }
            keep[i] = false;
            dropped.add(rowId);
            if (newest >= 0) {
                lost.add(rowId);
            }
        }
        return keep;
    }

    // ---- the sink's side -------------------------------------------------------------------------------------

    /** Whether this round re-checks rows of {@code table}: its sink then keeps only {@link #accepted} rows. */
    boolean filters(TableStore table) {
        TableStore unlogged = table instanceof LoggedTableStore logged ? logged.unlogged() : table;
        return recheck != null && unlogged == store;
    }

    /** The row ids this round's sink keeps: every later version of the rows the previous round lost. */
    Set<Long> accepted() {
        if (accepted == null) {
            accepted = store.laterVersions(recheck);
        }
        return accepted;
    }

    /** Per row of {@code deleted} (the sink's rows, in order), whether the store staged it; null when it staged all. */
    boolean[] staged(long[] deleted) {
        if (dropped.isEmpty()) {
            return null;
        }
        boolean[] staged = new boolean[deleted.length];
        for (int i = 0; i < deleted.length; i++) {
            staged[i] = !dropped.contains(deleted[i]);
        }
        return staged;
    }
}
