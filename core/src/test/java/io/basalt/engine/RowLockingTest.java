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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Row locks between sessions, as PostgreSQL takes them: a writer of a row another open transaction changed or
 * locked waits for it to end, then re-reads (READ COMMITTED) or fails (REPEATABLE READ); SELECT ... FOR UPDATE /
 * SHARE with NOWAIT and SKIP LOCKED; lock_timeout; deadlocks. A blocked statement runs on a thread of its own; the
 * test goes on once the wait-for graph shows it waiting, so nothing depends on how long anything takes.
 */
class RowLockingTest {
    /** Runs {@code sql} on {@code session} on a new thread. */
    private static CompletableFuture<String> inBackground(Session session, String sql) {
        return WaitingStatements.inBackground(session, sql, result -> result.returnsRows() && result.rowCount() > 0
                ? result.getText(0, 0) : result.commandTag());
    }

    private static String text(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static List<String> column(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            List<String> values = new ArrayList<>();
            for (int row = 0; row < result.rowCount(); row++) {
                values.add(result.getText(row, 0));
            }
            return values;
        }
    }

    private static Database accounts() {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            session.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int)").close();
            session.execute("INSERT INTO accounts VALUES (1, 1000), (2, 1000), (3, 1000)").close();
        }
        return database;
    }

    @Test
    void readCommittedUpdatesOfOneRowWaitAndBothApply() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE accounts SET balance = balance - 100 WHERE id = 1").close();
            CompletableFuture<String> waiting = inBackground(second,
                    "UPDATE accounts SET balance = balance - 100 WHERE id = 1");
            awaitWaiting(1);
            assertThat(waiting).isNotDone();
            first.execute("COMMIT").close();
            assertThat(waiting.get()).isEqualTo("UPDATE 1");
            assertThat(text(first, "SELECT balance FROM accounts WHERE id = 1")).isEqualTo("800");
        }
    }

    @Test
    void readCommittedRechecksTheWhereClauseAgainstTheNewVersion() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE accounts SET balance = 0 WHERE id = 2").close();
            CompletableFuture<String> waiting = inBackground(second,
                    "UPDATE accounts SET balance = balance + 1 WHERE balance = 1000");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            // row 2 no longer matches once committed: only rows 1 and 3 change
            assertThat(waiting.get()).isEqualTo("UPDATE 2");
            assertThat(column(first, "SELECT balance FROM accounts ORDER BY id")).containsExactly("1001", "0", "1001");
        }
    }

    @Test
    void repeatableReadFailsAfterTheHolderCommits() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(text(second, "SELECT balance FROM accounts WHERE id = 1")).isEqualTo("1000");
            first.execute("BEGIN").close();
            first.execute("UPDATE accounts SET balance = 1 WHERE id = 1").close();
            CompletableFuture<String> waiting = inBackground(second, "UPDATE accounts SET balance = 2 WHERE id = 1");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
            assertThat(failure.getMessage()).isEqualTo("could not serialize access due to concurrent update");
            second.execute("ROLLBACK").close();
            assertThat(text(first, "SELECT balance FROM accounts WHERE id = 1")).isEqualTo("1");
        }
    }

    @Test
    void repeatableReadGoesOnWhenTheHolderRollsBack() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(text(second, "SELECT balance FROM accounts WHERE id = 1")).isEqualTo("1000");
            first.execute("BEGIN").close();
            first.execute("DELETE FROM accounts WHERE id = 1").close();
            CompletableFuture<String> waiting = inBackground(second, "UPDATE accounts SET balance = 2 WHERE id = 1");
            awaitWaiting(1);
            first.execute("ROLLBACK").close();
            assertThat(waiting.get()).isEqualTo("UPDATE 1");
            second.execute("COMMIT").close();
            assertThat(text(first, "SELECT balance FROM accounts WHERE id = 1")).isEqualTo("2");
        }
    }

    @Test
    void aDeadlockFailsTheTransactionThatClosesTheCycle() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            second.execute("BEGIN").close();
            first.execute("UPDATE accounts SET balance = 1 WHERE id = 1").close();
            second.execute("UPDATE accounts SET balance = 2 WHERE id = 2").close();
            CompletableFuture<String> waiting = inBackground(first, "UPDATE accounts SET balance = 1 WHERE id = 2");
            awaitWaiting(1);
            assertThatThrownBy(() -> second.execute("UPDATE accounts SET balance = 2 WHERE id = 1"))
                    .isInstanceOfSatisfying(BasaltException.class, failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
                        assertThat(failure.getMessage()).isEqualTo("deadlock detected");
                        assertThat(failure.detail()).matches("Process \\d+ waits for ShareLock on transaction \\d+; "
                                + "blocked by process \\d+\\.\nProcess \\d+ waits for ShareLock on transaction \\d+; "
                                + "blocked by process \\d+\\.");
                        assertThat(failure.context()).matches("while updating tuple \\(\\d+,\\d+\\) in relation "
                                + "\"accounts\"");
                    });
            second.execute("ROLLBACK").close();
            assertThat(waiting.get()).isEqualTo("UPDATE 1");
            first.execute("COMMIT").close();
            assertThat(column(first, "SELECT balance FROM accounts ORDER BY id")).containsExactly("1", "1", "1000");
        }
    }

    @Test
    void lockTimeoutCancelsTheWait() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("DELETE FROM accounts WHERE id = 3").close();
            second.execute("SET lock_timeout = '5ms'").close();
            assertThatThrownBy(() -> second.execute("UPDATE accounts SET balance = 0 WHERE id = 3"))
                    .isInstanceOfSatisfying(BasaltException.class, failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                        assertThat(failure.getMessage()).isEqualTo("canceling statement due to lock timeout");
                    });
            first.execute("ROLLBACK").close();
            assertThat(text(second, "UPDATE accounts SET balance = 0 WHERE id = 3 RETURNING balance")).isEqualTo("0");
        }
    }

    @Test
    void forUpdateNowaitAndSkipLocked() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            assertThat(column(first, "SELECT id FROM accounts WHERE id = 1 FOR UPDATE")).containsExactly("1");
            second.execute("BEGIN").close();
            assertThatThrownBy(() -> second.execute("SELECT * FROM accounts FOR UPDATE NOWAIT"))
                    .isInstanceOfSatisfying(BasaltException.class, failure -> {
                        assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
                        assertThat(failure.getMessage()).isEqualTo(
                                "could not obtain lock on row in relation \"accounts\"");
                    });
            second.execute("ROLLBACK").close();
            // a job queue: each worker takes the first row nobody holds
            second.execute("BEGIN").close();
            assertThat(column(second, "SELECT id FROM accounts ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"))
                    .containsExactly("2");
            try (Session third = database.connect()) {
                third.execute("BEGIN").close();
                assertThat(column(third, "SELECT id FROM accounts ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"))
                        .containsExactly("3");
                assertThat(column(third, "SELECT id FROM accounts ORDER BY id FOR UPDATE SKIP LOCKED"))
                        .containsExactly("3");
                third.execute("COMMIT").close();
            }
            second.execute("COMMIT").close();
            // an UPDATE of a row locked FOR UPDATE waits for the lock's transaction
            CompletableFuture<String> waiting = inBackground(second, "UPDATE accounts SET balance = 5 WHERE id = 1");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).isEqualTo("UPDATE 1");
        }
    }

    @Test
    void sharedLocksConflictAsPostgresqlSays() throws Exception {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            second.execute("BEGIN").close();
            assertThat(column(first, "SELECT id FROM accounts WHERE id = 1 FOR SHARE")).containsExactly("1");
            assertThat(column(second, "SELECT id FROM accounts WHERE id = 1 FOR SHARE NOWAIT")).containsExactly("1");
            assertThat(column(first, "SELECT id FROM accounts WHERE id = 2 FOR KEY SHARE")).containsExactly("2");
            assertThat(column(second, "SELECT id FROM accounts WHERE id = 2 FOR NO KEY UPDATE NOWAIT"))
                    .containsExactly("2");
            assertThatThrownBy(() -> second.execute("SELECT id FROM accounts WHERE id = 1 FOR NO KEY UPDATE NOWAIT"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE));
            second.execute("ROLLBACK").close();
            second.execute("BEGIN").close();
            assertThatThrownBy(() -> second.execute("SELECT id FROM accounts WHERE id = 2 FOR UPDATE NOWAIT"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE));
            second.execute("ROLLBACK").close();
            first.execute("COMMIT").close();
            assertThat(column(second, "SELECT id FROM accounts ORDER BY id FOR UPDATE NOWAIT"))
                    .containsExactly("1", "2", "3");
        }
    }

    @Test
    void forUpdateAtRepeatableReadFailsOnARowChangedSinceTheSnapshot() {
        try (Database database = accounts(); Session first = database.connect(); Session second = database.connect()) {
            second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            assertThat(text(second, "SELECT count(*) FROM accounts")).isEqualTo("3");
            first.execute("UPDATE accounts SET balance = 7 WHERE id = 3").close();
            assertThatThrownBy(() -> second.execute("SELECT * FROM accounts WHERE id = 3 FOR UPDATE"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            failure -> assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE));
            second.execute("ROLLBACK").close();
            assertThat(column(second, "SELECT balance FROM accounts WHERE id = 3 FOR UPDATE")).containsExactly("7");
        }
    }
}
