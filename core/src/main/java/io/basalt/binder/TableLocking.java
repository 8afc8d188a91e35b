package io.basalt.binder;

import io.basalt.storage.lock.LockOwner;
import io.basalt.storage.lock.RelationLockMode;
import io.basalt.storage.lock.RelationLocks;

/**
 * The table-level locks of the statement being bound: the session binds one to {@link #CURRENT} for each statement
 * with the database's {@link RelationLocks}, the transaction that holds what the statement takes, and whether the
 * statement may wait for a lock. The binder takes ACCESS SHARE on each table and view it reads and ROW SHARE on the
 * tables a SELECT ... FOR UPDATE / SHARE locks; the session takes the modes of the tables a statement writes or
 * alters before binding it. A statement waits only where no monitor of Basalt's is held: at the top level, outside
 * the DDL lock. Elsewhere (a statement of a function or trigger, a query bound by CREATE VIEW or CREATE TABLE AS) a
 * conflicting lock fails at once with 55P03, where PostgreSQL would wait.
 *
 * <p>With nothing bound (log replay, internal statements) no lock is taken.
 */
public final class TableLocking {
    /** The running statement's locking context. */
    public static final ScopedValue<TableLocking> CURRENT = ScopedValue.newInstance();

    private final RelationLocks locks;
    private final LockOwner owner;
    private final boolean mayWait;
    private final Object ddlLock;

    /**
     * @param mayWait whether the statement runs at the top level, where waiting holds no monitor
     * @param ddlLock the database's DDL monitor: a thread holding it never waits for a table lock
     */
    public TableLocking(RelationLocks locks, LockOwner owner, boolean mayWait, Object ddlLock) {
        this.locks = locks;
        this.owner = owner;
        this.mayWait = mayWait;
        this.ddlLock = ddlLock;
    }

    /**
     * Takes {@code mode} on the relation {@code schema.name} for the statement's transaction.
     *
     * @return whether it had to wait: the relation may have been altered, replaced or dropped meanwhile, so the
     *     caller looks it up again
     */
    public boolean lock(String schema, String name, RelationLockMode mode, boolean nowait) {
        boolean wait = !nowait && mayWait && !Thread.holdsLock(ddlLock);
        return locks.acquire(owner, schema, name, mode, wait);
    }

    /** The database's table locks (pg_locks lists them). */
    public RelationLocks locks() {
        return locks;
    }

    /** Takes {@code mode} on {@code schema.name} in the running statement, if one is bound; see {@link #lock}. */
    public static boolean take(String schema, String name, RelationLockMode mode) {
        return CURRENT.isBound() && CURRENT.get().lock(schema, name, mode, false);
    }
}
