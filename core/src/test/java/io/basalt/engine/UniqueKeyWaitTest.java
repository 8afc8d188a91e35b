package io.basalt.engine;

import static io.basalt.engine.WaitingStatements.awaitWaiting;
import static io.basalt.engine.WaitingStatements.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

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
 * An INSERT (or UPDATE, or ON CONFLICT) whose unique key another open transaction holds waits for that transaction,
 * as PostgreSQL's does: the key committed makes the row a duplicate (23505) or takes ON CONFLICT's path; the key
 * rolled back lets the row in. Deadlocks and lock_timeout apply as for row locks. The waiting statement runs on a
 * thread of its own and the test goes on once the wait-for graph shows it waiting (expected outcomes checked
 * against PostgreSQL 15 with two psql sessions).
 */
class UniqueKeyWaitTest {
    private static CompletableFuture<String> inBackground(Session session, String sql) {
        return WaitingStatements.inBackground(session, sql, result -> result.returnsRows() && result.rowCount() > 0
                ? result.getText(0, 0) + "|" + result.getText(0, 1) : result.commandTag());
    }

    private static List<String> rows(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            List<String> values = new ArrayList<>();
            for (int row = 0; row < result.rowCount(); row++) {
                values.add(result.getText(row, 0) + "|" + result.getText(row, 1));
            }
            return values;
        }
    }

    private static Database keyed() {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            session.execute("CREATE TABLE t (id int PRIMARY KEY, v text)").close();
            session.execute("INSERT INTO t VALUES (5, 'five')").close();
        }
        return database;
    }

    @Test
    void insertOfAKeyAnOpenTransactionInsertedFailsOnceItCommits() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (1, 'b')");
            awaitWaiting(1);
            assertThat(waiting).isNotDone();
            first.execute("COMMIT").close();
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(failure.getMessage()).isEqualTo("duplicate key value violates unique constraint \"t_pkey\"");
            assertThat(failure.detail()).isEqualTo("Key (id)=(1) already exists.");
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|a", "5|five");
        }
    }

    @Test
    void insertGoesAheadWhenTheOtherInserterRollsBack() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            second.execute("BEGIN").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (1, 'b')");
            awaitWaiting(1);
            first.execute("ROLLBACK").close();
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            second.execute("COMMIT").close();
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|b", "5|five");
        }
    }

    @Test
    void insertOfAKeyAnOpenTransactionDeletesWaitsAndGoesAheadWhenItCommits() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("DELETE FROM t WHERE id = 5").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (5, 'new')");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("5|new");
        }
    }

    @Test
    void insertOfAKeyAnOpenTransactionDeletesFailsWhenItRollsBack() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("DELETE FROM t WHERE id = 5").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (5, 'new')");
            awaitWaiting(1);
            first.execute("ROLLBACK").close();
            assertThat(failureOf(waiting).sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("5|five");
        }
    }

    @Test
    void updateToAKeyAnOpenTransactionInsertedWaits() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (6, 'a')").close();
            CompletableFuture<String> waiting = inBackground(second, "UPDATE t SET id = 6 WHERE id = 5");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.UNIQUE_VIOLATION);
            assertThat(failure.detail()).isEqualTo("Key (id)=(6) already exists.");
        }
    }

    @Test
    void onConflictDoNothingSkipsTheRowTheOtherCommitted() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            CompletableFuture<String> waiting = inBackground(second,
                    "INSERT INTO t VALUES (1, 'b'), (2, 'b') ON CONFLICT DO NOTHING");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|a", "2|b", "5|five");
        }
    }

    @Test
    void onConflictDoNothingInsertsWhenTheOtherRollsBack() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (1, 'b') ON CONFLICT (id) DO NOTHING");
            awaitWaiting(1);
            first.execute("ROLLBACK").close();
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|b", "5|five");
        }
    }

    @Test
    void onConflictDoUpdateUpdatesTheRowTheOtherCommitted() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            CompletableFuture<String> waiting = inBackground(second,
                    "INSERT INTO t VALUES (1, 'c') ON CONFLICT (id) DO UPDATE SET v = t.v || excluded.v RETURNING *");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).isEqualTo("1|ac");
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|ac", "5|five");
        }
    }

    @Test
    void onConflictInRepeatableReadFailsWhenTheOtherCommits() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            for (String insert : List.of("INSERT INTO t VALUES (1, 'b') ON CONFLICT (id) DO UPDATE SET v = 'x'",
                    "INSERT INTO t VALUES (1, 'b') ON CONFLICT (id) DO NOTHING")) {
                first.execute("DELETE FROM t WHERE id = 1").close();
                second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
                rows(second, "SELECT id, v FROM t");
                first.execute("BEGIN").close();
                first.execute("INSERT INTO t VALUES (1, 'a')").close();
                CompletableFuture<String> waiting = inBackground(second, insert);
                awaitWaiting(1);
                first.execute("COMMIT").close();
                BasaltException failure = failureOf(waiting);
                assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
                assertThat(failure.getMessage()).isEqualTo("could not serialize access due to concurrent update");
                second.execute("ROLLBACK").close();
            }
        }
    }

    @Test
    void crossedInsertsDeadlock() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            second.execute("BEGIN").close();
            second.execute("INSERT INTO t VALUES (2, 'b')").close();
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO t VALUES (1, 'b')");
            awaitWaiting(1);
            BasaltException deadlock = failureOf(inBackground(first, "INSERT INTO t VALUES (2, 'a')"));
            assertThat(deadlock.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
            assertThat(deadlock.getMessage()).isEqualTo("deadlock detected");
            assertThat(deadlock.context()).startsWith("while inserting index tuple (").endsWith(") in relation \"t_pkey\"");
            first.execute("ROLLBACK").close();
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            second.execute("COMMIT").close();
            assertThat(rows(first, "SELECT id, v FROM t ORDER BY id")).containsExactly("1|b", "2|b", "5|five");
        }
    }

    @Test
    void lockTimeoutBoundsTheWait() throws Exception {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            second.execute("SET lock_timeout = '1ms'").close();
            BasaltException failure = failureOf(inBackground(second, "INSERT INTO t VALUES (1, 'b')"));
            assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
            assertThat(failure.getMessage()).isEqualTo("canceling statement due to lock timeout");
            first.execute("ROLLBACK").close();
        }
    }

    @Test
    void nullKeysAndOtherKeysDoNotWait() {
        try (Database database = keyed(); Session first = database.connect(); Session second = database.connect()) {
            first.execute("CREATE TABLE u (id int UNIQUE)").close();
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1, 'a')").close();
            first.execute("INSERT INTO u VALUES (NULL)").close();
            try (QueryResult result = second.execute("INSERT INTO t VALUES (2, 'b')")) {
                assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
            }
            try (QueryResult result = second.execute("INSERT INTO u VALUES (NULL)")) {
                assertThat(result.commandTag()).isEqualTo("INSERT 0 1");
            }
            first.execute("COMMIT").close();
        }
    }
}
