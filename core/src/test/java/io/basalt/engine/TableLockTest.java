package io.basalt.engine;

import static io.basalt.engine.WaitingStatements.awaitWaiting;
import static io.basalt.engine.WaitingStatements.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Table-level locks between concurrent transactions, as PostgreSQL's lock manager makes them behave: ALTER TABLE,
 * DROP and TRUNCATE wait for the transactions that read or wrote the table and hold back those that come after
 * them until they end; LOCK TABLE takes the mode it names (NOWAIT fails at once with 55P03); lock_timeout and
 * deadlocks end a wait. Each waiting statement runs on a thread of its own; the test goes on once the wait-for
 * graph shows it waiting. Outcomes were checked against PostgreSQL 15 with two sessions.
 */
class TableLockTest {
    private static CompletableFuture<String> inBackground(Session session, String sql) {
        return WaitingStatements.inBackground(session, sql, result -> result.returnsRows() && result.rowCount() > 0
                ? result.getText(0, 0) : result.commandTag());
    }

    private static String run(Session session, String sql) {
        try (QueryResult result = session.execute(sql)) {
            return result.commandTag();
        }
    }

    private static String text(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static Database withTable() {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            run(session, "CREATE TABLE t (id int PRIMARY KEY, v int)");
            run(session, "INSERT INTO t VALUES (1, 10), (2, 20)");
        }
        return database;
    }

    @Test
    void alterTableWaitsForAnOpenWriterAndKeepsItsRows() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "INSERT INTO t VALUES (3, 30)");
            CompletableFuture<String> alter = inBackground(second, "ALTER TABLE t ADD COLUMN w int DEFAULT 7");
            awaitWaiting(1);
            assertThat(alter).isNotDone();
            run(first, "COMMIT");
            assertThat(alter.get()).isEqualTo("ALTER TABLE");
            assertThat(text(first, "SELECT string_agg(id || ':' || w, ',' ORDER BY id) FROM t")).isEqualTo("1:7,2:7,3:7");
        }
    }

    @Test
    void alterTableWaitsForAnOpenReader() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            assertThat(text(first, "SELECT count(*) FROM t")).isEqualTo("2");
            CompletableFuture<String> alter = inBackground(second, "ALTER TABLE t DROP COLUMN v");
            awaitWaiting(1);
            assertThat(alter).isNotDone();
            // the reader's transaction still sees the table as it was
            assertThat(text(first, "SELECT sum(v) FROM t")).isEqualTo("30");
            run(first, "COMMIT");
            assertThat(alter.get()).isEqualTo("ALTER TABLE");
        }
    }

    @Test
    void aReaderWaitsForAnUncommittedAlterationAndSeesTheOldTableAfterRollback() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "ALTER TABLE t ADD COLUMN w int DEFAULT 5");
            CompletableFuture<String> read = inBackground(second, "SELECT count(*) FROM t WHERE v > 0");
            awaitWaiting(1);
            assertThat(read).isNotDone();
            run(first, "ROLLBACK");
            assertThat(read.get()).isEqualTo("2");
            assertThatThrownBy(() -> text(second, "SELECT w FROM t")).isInstanceOf(BasaltException.class)
                    .hasMessage("column \"w\" does not exist");
        }
    }

    @Test
    void aWriterWaitsForAnOpenTruncateAndWritesIntoTheEmptiedTable() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "TRUNCATE t");
            CompletableFuture<String> insert = inBackground(second, "INSERT INTO t VALUES (1, 11)");
            awaitWaiting(1);
            assertThat(insert).isNotDone();
            run(first, "COMMIT");
            // PostgreSQL: the INSERT goes in once the TRUNCATE committed; key 1 is free then
            assertThat(insert.get()).isEqualTo("INSERT 0 1");
            assertThat(text(first, "SELECT string_agg(id || ':' || v, ',') FROM t")).isEqualTo("1:11");
        }
    }

    @Test
    void lockTableInShareModeHoldsBackWritersButNotReaders() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "LOCK TABLE t IN SHARE MODE");
            assertThat(text(second, "SELECT count(*) FROM t")).isEqualTo("2");
            CompletableFuture<String> insert = inBackground(second, "INSERT INTO t VALUES (3, 30)");
            awaitWaiting(1);
            assertThat(insert).isNotDone();
            run(first, "COMMIT");
            assertThat(insert.get()).isEqualTo("INSERT 0 1");
        }
    }

    @Test
    void lockTableNowaitFailsAtOnce() {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "SELECT * FROM t");
            run(second, "BEGIN");
            run(second, "LOCK TABLE t IN ROW EXCLUSIVE MODE NOWAIT");
            assertThatThrownBy(() -> run(second, "LOCK TABLE t NOWAIT")).isInstanceOfSatisfying(BasaltException.class,
                    failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                        assertThat(failure.getMessage()).isEqualTo("could not obtain lock on relation \"t\"");
                    });
            run(second, "ROLLBACK");
            run(first, "COMMIT");
        }
    }

    @Test
    void lockTimeoutEndsTheWait() {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "LOCK TABLE t");
            run(second, "SET lock_timeout = '50ms'");
            assertThatThrownBy(() -> text(second, "SELECT count(*) FROM t")).isInstanceOfSatisfying(
                    BasaltException.class, failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                        assertThat(failure.getMessage()).isEqualTo("canceling statement due to lock timeout");
                    });
            run(first, "COMMIT");
            assertThat(text(second, "SELECT count(*) FROM t")).isEqualTo("2");
        }
    }

    @Test
    void twoTransactionsLockingTablesInOppositeOrdersDeadlock() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "CREATE TABLE u (id int)");
            run(first, "BEGIN");
            run(first, "LOCK TABLE t");
            run(second, "BEGIN");
            run(second, "LOCK TABLE u");
            CompletableFuture<String> waiting = inBackground(first, "LOCK TABLE u");
            awaitWaiting(1);
            assertThatThrownBy(() -> run(second, "LOCK TABLE t")).isInstanceOfSatisfying(BasaltException.class,
                    failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
                        assertThat(failure.detail()).contains("waits for AccessExclusiveLock on relation public.t");
                    });
            run(second, "ROLLBACK");
            assertThat(waiting.get()).isEqualTo("LOCK TABLE");
            run(first, "COMMIT");
        }
    }

    @Test
    void truncateWaitsForAnOpenReaderAndAfterwardsNewWritersWaitForIt() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect();
             Session third = database.connect()) {
            run(first, "BEGIN");
            run(first, "SELECT * FROM t");
            run(second, "BEGIN");
            CompletableFuture<String> truncate = inBackground(second, "TRUNCATE t");
            awaitWaiting(1);
            run(first, "COMMIT");
            assertThat(truncate.get()).isEqualTo("TRUNCATE TABLE");
            CompletableFuture<String> insert = inBackground(third, "INSERT INTO t VALUES (5, 50)");
            awaitWaiting(1);
            assertThat(insert).isNotDone();
            run(second, "COMMIT");
            assertThat(insert.get()).isEqualTo("INSERT 0 1");
            assertThat(text(first, "SELECT string_agg(id::text, ',') FROM t")).isEqualTo("5");
        }
    }

    @Test
    void locksOfATransactionDoNotConflictWithEachOther() {
        try (Database database = withTable(); Session session = database.connect()) {
            run(session, "BEGIN");
            run(session, "SELECT * FROM t FOR UPDATE");
            run(session, "LOCK TABLE t IN SHARE MODE");
            run(session, "INSERT INTO t VALUES (3, 30)");
            run(session, "ALTER TABLE t ADD COLUMN w int");
            run(session, "COMMIT");
            assertThat(text(session, "SELECT count(*) FROM t")).isEqualTo("3");
        }
    }

    @Test
    void aNewForeignKeyWaitsForAnOpenDeleteOfTheReferencedTableAndChecksWhatItLeft() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "CREATE TABLE c (id int, t_id int)");
            run(first, "INSERT INTO c VALUES (1, 1)");
            run(first, "BEGIN");
            run(first, "DELETE FROM t WHERE id = 1");
            CompletableFuture<String> added = inBackground(second,
                    "ALTER TABLE c ADD CONSTRAINT c_t FOREIGN KEY (t_id) REFERENCES t (id)");
            awaitWaiting(1);
            assertThat(added).isNotDone();
            run(first, "COMMIT");
            BasaltException failure = failureOf(added);
            assertThat(failure.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(failure.getMessage()).isEqualTo(
                    "insert or update on table \"c\" violates foreign key constraint \"c_t\"");
        }
    }

    @Test
    void validateConstraintDoesNotWaitForWriters() {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "ALTER TABLE t ADD CONSTRAINT positive CHECK (v > 0) NOT VALID");
            run(first, "BEGIN");
            run(first, "INSERT INTO t VALUES (3, 30)");
            run(second, "SET lock_timeout = '5s'");
            assertThat(run(second, "ALTER TABLE t VALIDATE CONSTRAINT positive")).isEqualTo("ALTER TABLE");
            run(first, "COMMIT");
            assertThat(text(second, "SELECT count(*) FROM t")).isEqualTo("3");
        }
    }

    /**
     * Basalt's catalog shows the new name to every session at once (PostgreSQL's would show it only after COMMIT,
     * failing the reader with 42P01): the lock under the new name makes the reader wait for the outcome instead.
     */
    @Test
    void aTableRenamedInAnOpenBlockIsLockedUnderItsNewName() throws Exception {
        try (Database database = withTable(); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "ALTER TABLE t RENAME TO renamed");
            CompletableFuture<String> read = inBackground(second, "SELECT count(*) FROM renamed");
            awaitWaiting(1);
            assertThat(read).isNotDone();
            run(first, "COMMIT");
            assertThat(read.get()).isEqualTo("2");
        }
    }
}
