package io.basalt.storage.lock;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One database's table-level locks ({@link RelationLockMode}), as PostgreSQL's lock manager keeps them: each table
 * (named by its schema-qualified name) has the set of modes each transaction holds on it, a transaction keeps what
 * it took until it ends, and asking for a mode another transaction holds in conflict waits for that transaction
 * ({@link LockWaits}: deadlock detection, lock_timeout, cancel). Locks are never released one by one: a holder that
 * has ended is dropped the next time anyone looks at the table.
 *
 * <p>Differences from PostgreSQL: a waiting request does not queue ahead of later compatible ones (a SELECT is not
 * held back behind a waiting ALTER TABLE), and locks taken after a savepoint stay after ROLLBACK TO it.
 *
 * <p>Thread-safe: each table's holders are guarded by their own monitor, which is never held while waiting.
 */
public final class RelationLocks {
    /** The transactions holding locks on one table, each with its set of mode bits. */
    private static final class Holders {
        private final String schema;
        private final String name;
        private final Map<LockOwner, Integer> modes = new HashMap<>();

        Holders(String schema, String name) {
            this.schema = schema;
            this.name = name;
        }
    }

    private final Map<String, Holders> byRelation = new ConcurrentHashMap<>();

    /**
     * Takes {@code mode} on {@code relation} for {@code owner}, waiting for conflicting holders to end when
     * {@code wait} is set.
     *
     * @return whether it had to wait (the table may have changed meanwhile: the caller looks it up again)
     * @throws BasaltException 55P03 when another transaction holds a conflicting lock and {@code wait} is not set or
     *     lock_timeout passed, 40P01 when waiting would close a cycle, 57014 when cancelled
     */
    public boolean acquire(LockOwner owner, String schema, String name, RelationLockMode mode, boolean wait) {
        String relation = schema + "." + name;
        Holders holders = byRelation.computeIfAbsent(relation, ignored -> new Holders(schema, name));
        boolean waited = false;
        while (true) {
            LockOwner blocker = null;
            synchronized (holders) {
                Iterator<Map.Entry<LockOwner, Integer>> entries = holders.modes.entrySet().iterator();
                while (entries.hasNext()) {
                    Map.Entry<LockOwner, Integer> entry = entries.next();
                    LockOwner holder = entry.getKey();
                    if (holder.ended()) {
                        entries.remove();
                    } else if (holder != owner && blocker == null && mode.conflictsWithAny(entry.getValue())) {
                        blocker = holder;
                    }
                }
                if (blocker == null) {
                    holders.modes.merge(owner, mode.bit(), (held, added) -> held | added);
                    return waited;
                }
            }
            if (!wait) {
                throw BasaltException.of(SqlState.LOCK_NOT_AVAILABLE,
                        "could not obtain lock on relation \"" + name + "\"");
            }
            LockWaits.awaitEnd(owner, blocker, null, mode.lockName() + " on relation " + relation);
            waited = true;
        }
    }

    /** A held lock, as pg_locks lists it. */
    public record HeldLock(String schema, String name, LockOwner owner, RelationLockMode mode) {
    }

    /** The locks held now by transactions that have not ended, table by table. */
    public List<HeldLock> held() {
        List<HeldLock> held = new ArrayList<>();
        for (Holders holders : byRelation.values()) {
            synchronized (holders) {
                for (Map.Entry<LockOwner, Integer> entry : holders.modes.entrySet()) {
                    if (entry.getKey().ended()) {
                        continue;
                    }
                    for (RelationLockMode mode : RelationLockMode.values()) {
                        if ((entry.getValue() & mode.bit()) != 0) {
                            held.add(new HeldLock(holders.schema, holders.name, entry.getKey(), mode));
                        }
                    }
                }
            }
        }
        return held;
    }
}
