package io.basalt.storage.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The table-lock modes' conflict table against PostgreSQL's "Conflicting Lock Modes" table, and the lock registry
 * without waiting: who may take what, a transaction never in its own way, ended holders dropped.
 */
class RelationLocksTest {
    /** A transaction that ends when told to. */
    private static final class Owner implements LockOwner {
        private final long number;
        private boolean ended;

        Owner(long number) {
            this.number = number;
        }

        @Override
        public long transactionNumber() {
            return number;
        }

        @Override
        public int processNumber() {
            return (int) number;
        }

        @Override
        public boolean ended() {
            return ended;
        }

        @Override
        public boolean awaitEnd(long nanos) {
            return ended;
        }

        @Override
        public long lockTimeoutMillis() {
            return 0;
        }
    }

    /** PostgreSQL 15's table, row by row in mode order: 'X' where the two modes conflict. */
    private static final String[] POSTGRES_CONFLICTS = {
        ".......X",
        "......XX",
        "....XXXX",
        "...XXXXX",
        "..XX.XXX",
        "..XXXXXX",
        ".XXXXXXX",
        "XXXXXXXX",
    };

    @Test
    void conflictTableIsPostgresql() {
        RelationLockMode[] modes = RelationLockMode.values();
        for (int requested = 0; requested < modes.length; requested++) {
            for (int held = 0; held < modes.length; held++) {
                assertThat(modes[requested].conflictsWithAny(modes[held].bit()))
                        .as(modes[requested] + " against " + modes[held])
                        .isEqualTo(POSTGRES_CONFLICTS[requested].charAt(held) == 'X');
            }
        }
    }

    @Test
    void modesAreNamedAsLockTableAndPgLocksSpellThem() {
        assertThat(RelationLockMode.ofSqlName("SHARE ROW EXCLUSIVE")).isEqualTo(RelationLockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(RelationLockMode.ofSqlName("ROW")).isNull();
        assertThat(RelationLockMode.SHARE_UPDATE_EXCLUSIVE.lockName()).isEqualTo("ShareUpdateExclusiveLock");
    }

    @Test
    void aConflictingHolderRefusesAnotherTransactionUntilItEnds() {
        RelationLocks locks = new RelationLocks();
        Owner first = new Owner(1);
        Owner second = new Owner(2);
        assertThat(locks.acquire(first, "public", "t", RelationLockMode.SHARE, false)).isFalse();
        assertThat(locks.acquire(second, "public", "t", RelationLockMode.ACCESS_SHARE, false)).isFalse();
        assertThatThrownBy(() -> locks.acquire(second, "public", "t", RelationLockMode.ROW_EXCLUSIVE, false))
                .isInstanceOfSatisfying(BasaltException.class, failure -> {
                    assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                    assertThat(failure.getMessage()).isEqualTo("could not obtain lock on relation \"t\"");
                });
        // another table, and the holder's own stronger mode, are free
        assertThat(locks.acquire(second, "public", "u", RelationLockMode.ACCESS_EXCLUSIVE, false)).isFalse();
        assertThat(locks.acquire(first, "public", "t", RelationLockMode.SHARE_ROW_EXCLUSIVE, false)).isFalse();
        first.ended = true;
        assertThat(locks.acquire(second, "public", "t", RelationLockMode.ACCESS_EXCLUSIVE, false)).isFalse();
        List<String> held = new ArrayList<>();
        for (RelationLocks.HeldLock lock : locks.held()) {
            held.add(lock.owner().transactionNumber() + " " + lock.name() + " " + lock.mode().lockName());
        }
        assertThat(held).containsExactlyInAnyOrder("2 t AccessShareLock", "2 t AccessExclusiveLock",
                "2 u AccessExclusiveLock");
    }
}
