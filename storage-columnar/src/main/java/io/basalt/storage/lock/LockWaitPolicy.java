package io.basalt.storage.lock;

/**
 * What a statement does when a row it must lock is held by another open transaction: wait for that transaction to
 * end (the default, bounded by lock_timeout), fail at once (NOWAIT: 55P03), or leave the row out (SKIP LOCKED).
 */
public enum LockWaitPolicy {
    WAIT, NOWAIT, SKIP_LOCKED
}
