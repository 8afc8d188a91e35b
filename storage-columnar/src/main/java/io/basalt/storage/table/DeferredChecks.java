package io.basalt.storage.table;

import io.basalt.error.BasaltException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The foreign-key checks one transaction defers to its COMMIT: those of DEFERRABLE INITIALLY DEFERRED constraints,
 * and of DEFERRABLE ones that SET CONSTRAINTS ... DEFERRED deferred, as PostgreSQL queues its referential-integrity
 * triggers. Two kinds wait:
 *
 * <ul>
 * <li>new referencing rows: the transaction's own live rows of the referencing table are checked at the end, each
 *     key present in the referenced table (rows a ROLLBACK TO took away are not among them any more);</li>
 * <li>referenced keys a NO ACTION constraint saw deleted or changed while rows referenced them: at the end the key
 *     must be present again or no live row may reference it. RESTRICT is never deferred.</li>
 * </ul>
 *
 * <p>Deferrable UNIQUE / PRIMARY KEY constraints wait the same way while deferred: the table's pending change is
 * checked again at the end (every live row's key held once, {@link PendingChange#checkDeferredKey}).
 *
 * <p>{@link #setMode} is SET CONSTRAINTS: a constraint made IMMEDIATE has its waiting checks run at once. One per
 * transaction, used by the session's thread only.
 */
public final class DeferredChecks {
    /** A referenced key that went away while referenced: its constraint, the key and the row it was in. */
    private record Removal(ForeignKey key, List<Object> referencedKey, Object[] referencedRow) {
    }

    private Boolean allDeferred;
    private final Map<String, Boolean> namedDeferred = new HashMap<>();
    private final Set<ForeignKey> referencingChecks = new LinkedHashSet<>();
    private final List<Removal> removals = new ArrayList<>();
    /** Deferred unique keys: per key, the pending changes whose rows it checks at the end. */
    private final Map<UniqueKeyIndex, Set<PendingChange>> uniqueChecks = new java.util.LinkedHashMap<>();

    /** Whether {@code key}'s checks wait for COMMIT in this transaction now. */
    public boolean defers(ForeignKey key) {
        if (!key.deferrable()) {
            return false;
        }
        Boolean named = namedDeferred.get(key.name());
        if (named != null) {
            return named;
        }
        return allDeferred != null ? allDeferred : key.initiallyDeferred();
    }

    /** Whether the deferrable unique key {@code index}'s checks wait for COMMIT in this transaction now. */
    public boolean defers(UniqueKeyIndex index) {
        if (!index.deferrable()) {
            return false;
        }
        Boolean named = namedDeferred.get(index.constraintName());
        if (named != null) {
            return named;
        }
        return allDeferred != null ? allDeferred : index.initiallyDeferred();
    }

    /** The rows of {@code change} are checked against deferred unique key {@code index} at the end. */
    void deferUnique(PendingChange change, UniqueKeyIndex index) {
        uniqueChecks.computeIfAbsent(index, ignored -> new LinkedHashSet<>()).add(change);
    }

    /** The new rows of {@code key}'s referencing table are checked at COMMIT. */
    void deferRows(ForeignKey key) {
        referencingChecks.add(key);
    }

    /** A NO ACTION check of a referenced key, checked at COMMIT. */
    void deferRemoval(ForeignKey key, List<Object> referencedKey, Object[] referencedRow) {
        removals.add(new Removal(key, referencedKey, referencedRow));
    }

    /**
     * SET CONSTRAINTS: {@code names} (null: ALL) become deferred or immediate for the rest of the transaction; those
     * made immediate have their waiting checks run now, in {@code transaction}.
     *
     * @throws BasaltException 23503 for a waiting check that fails
     */
    public void setMode(Set<String> names, boolean deferred, TableTransaction transaction) {
        if (names == null) {
            allDeferred = deferred;
            namedDeferred.clear();
        } else {
            for (String name : names) {
                namedDeferred.put(name, deferred);
            }
        }
        if (!deferred) {
            runUnique(name -> names == null || names.contains(name));
            run(transaction, key -> names == null || names.contains(key.name()));
        }
    }

    /** Whether checks wait. */
    public boolean isEmpty() {
        return referencingChecks.isEmpty() && removals.isEmpty() && uniqueChecks.isEmpty();
    }

    /**
     * Runs every waiting check (COMMIT, before anything is logged), in {@code transaction}.
     *
     * @throws BasaltException 23503 for the first that fails
     */
    public void checkAll(TableTransaction transaction) {
        runUnique(name -> true);
        run(transaction, key -> true);
    }

    /** Runs the waiting unique-key checks of the keys {@code which} names. */
    private void runUnique(java.util.function.Predicate<String> which) {
        for (Map.Entry<UniqueKeyIndex, Set<PendingChange>> entry : List.copyOf(uniqueChecks.entrySet())) {
            if (!which.test(entry.getKey().constraintName())) {
                continue;
            }
            for (PendingChange change : entry.getValue()) {
                synchronized (change.store()) {
                    change.checkDeferredKey(entry.getKey());
                }
            }
            uniqueChecks.remove(entry.getKey());
        }
    }

    private void run(TableTransaction transaction, java.util.function.Predicate<ForeignKey> which) {
        if (referencingChecks.isEmpty() && removals.isEmpty()) {
            return;
        }
        ScopedValue.where(TableTransaction.CURRENT, transaction).run(() -> {
            for (ForeignKey key : List.copyOf(referencingChecks)) {
                if (which.test(key)) {
                    ForeignKeyValidation.checkOwnRows(key);
                    referencingChecks.remove(key);
                }
            }
            for (Removal removal : List.copyOf(removals)) {
                if (which.test(removal.key())) {
                    ReferentialChange.locked(ReferentialChange.connected(removal.key().referencing().store()), 0,
                            () -> checkRemoval(removal, transaction));
                    removals.remove(removal);
                }
            }
        });
    }

    /** A referenced key that went away: present again, or no live row references it. */
    private static void checkRemoval(Removal removal, TableTransaction transaction) {
        ForeignKey key = removal.key();
        if (ForeignKeyChecks.present(key, removal.referencedKey())) {
            return;
        }
        InMemoryTableStore referencing = ReferentialChange.base(key.referencing().store());
        PendingChange own = transaction.change(referencing);
        boolean[] referenced = new boolean[1];
        InMemoryTableStore.RowVisitor visitor = (chunk, row, rowId) -> {
            if (!referenced[0] && (own == null || !own.deletesCommitted(rowId))) {
                referenced[0] = removal.referencedKey().equals(
                        ForeignKeyChecks.referencingKey(key, Arrays.asList(chunk), row));
            }
        };
        referencing.forEachRow(visitor);
        if (own != null) {
            own.forEachLiveRow(visitor);
        }
        if (referenced[0]) {
            throw ForeignKeyChecks.stillReferenced(key, removal.referencedRow());
        }
    }
}
