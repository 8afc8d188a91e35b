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
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Foreign keys between concurrent transactions, as PostgreSQL's row locks make them behave: a new referencing row
 * waits for a transaction that deleted (or re-keyed) the row it references, a deleted (or re-keyed) referenced row
 * waits for transactions whose new rows reference it, and neither can leave a referencing row without its
 * referenced one, whichever commits first. Each waiting statement runs on a thread of its own; the test goes on once
 * the wait-for graph shows it waiting. Expected outcomes were checked against PostgreSQL 15 with two sessions.
 */
class ForeignKeyWaitTest {
    private static CompletableFuture<String> inBackground(Session session, String sql) {
        return WaitingStatements.inBackground(session, sql, QueryResult::commandTag);
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

    /** Parents 1 and 2, child 100 of parent 2; {@code action} is the key's ON DELETE clause. */
    private static Database linked(String action) {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            run(session, "CREATE TABLE parents (id int PRIMARY KEY, v int)");
            run(session, "CREATE TABLE children (id int PRIMARY KEY, parent int REFERENCES parents(id) " + action + ")");
            run(session, "INSERT INTO parents VALUES (1, 1), (2, 2)");
            run(session, "INSERT INTO children VALUES (100, 2)");
        }
        return database;
    }

    private static String state(Session session) {
        return text(session, "SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM parents) || ' / ' "
                + "|| coalesce((SELECT string_agg(id || '->' || parent, ',' ORDER BY id) FROM children), '-')");
    }

    @Test
    void deleteOfAParentAnOpenTransactionReferencesWaitsAndFailsOnceItCommits() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (10, 1)");
            CompletableFuture<String> waiting = inBackground(second, "DELETE FROM parents WHERE id = 1");
            awaitWaiting(1);
            assertThat(waiting).isNotDone();
            run(first, "COMMIT");
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(failure.getMessage()).isEqualTo("update or delete on table \"parents\" violates foreign key "
                    + "constraint \"children_parent_fkey\" on table \"children\"");
            assertThat(failure.detail()).isEqualTo("Key (id)=(1) is still referenced from table \"children\".");
            assertThat(state(first)).isEqualTo("1,2 / 10->1,100->2");
        }
    }

    @Test
    void deleteOfAParentGoesAheadWhenTheReferencingTransactionRollsBack() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (10, 1)");
            CompletableFuture<String> waiting = inBackground(second, "DELETE FROM parents WHERE id = 1");
            awaitWaiting(1);
            run(first, "ROLLBACK");
            assertThat(waiting.get()).isEqualTo("DELETE 1");
            assertThat(state(first)).isEqualTo("2 / 100->2");
        }
    }

    @Test
    void cascadeWaitsAndTakesTheRowsTheOtherCommitted() throws Exception {
        try (Database database = linked("ON DELETE CASCADE"); Session first = database.connect();
             Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (10, 1)");
            CompletableFuture<String> waiting = inBackground(second, "DELETE FROM parents WHERE id = 1");
            awaitWaiting(1);
            run(first, "COMMIT");
            assertThat(waiting.get()).isEqualTo("DELETE 1");
            assertThat(state(first)).isEqualTo("2 / 100->2");
        }
    }

    @Test
    void newReferencingRowWaitsForTheDeleterAndFailsOnceItCommits() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "DELETE FROM parents WHERE id = 1");
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO children VALUES (10, 1)");
            awaitWaiting(1);
            assertThat(waiting).isNotDone();
            run(first, "COMMIT");
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(failure.detail()).isEqualTo("Key (parent)=(1) is not present in table \"parents\".");
            assertThat(state(first)).isEqualTo("2 / 100->2");
        }
    }

    @Test
    void newReferencingRowGoesInWhenTheDeleterRollsBack() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "DELETE FROM parents WHERE id = 1");
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO children VALUES (10, 1)");
            awaitWaiting(1);
            run(first, "ROLLBACK");
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");
            assertThat(state(first)).isEqualTo("1,2 / 10->1,100->2");
        }
    }

    @Test
    void keyChangesWaitButOtherUpdatesOfTheParentDoNot() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "INSERT INTO parents VALUES (3, 3), (4, 4)");
            run(first, "BEGIN");
            run(first, "UPDATE parents SET v = 9 WHERE id = 1");
            assertThat(run(second, "INSERT INTO children VALUES (10, 1)")).isEqualTo("INSERT 0 1");
            run(first, "COMMIT");

            run(first, "BEGIN");
            run(first, "UPDATE parents SET id = 7 WHERE id = 3");
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO children VALUES (20, 3)");
            awaitWaiting(1);
            run(first, "ROLLBACK");
            assertThat(waiting.get()).isEqualTo("INSERT 0 1");

            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (30, 4)");
            waiting = inBackground(second, "UPDATE parents SET id = 8 WHERE id = 4");
            awaitWaiting(1);
            run(first, "COMMIT");
            assertThat(failureOf(waiting).sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(state(first)).isEqualTo("1,2,3,4 / 10->1,20->3,30->4,100->2");
        }
    }

    @Test
    void repeatableReadFailsWithASerializationFailureWhenTheReferencedRowWasDeleted() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(second, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            text(second, "SELECT count(*) FROM parents");
            run(first, "BEGIN");
            run(first, "DELETE FROM parents WHERE id = 1");
            CompletableFuture<String> waiting = inBackground(second, "INSERT INTO children VALUES (10, 1)");
            awaitWaiting(1);
            run(first, "COMMIT");
            BasaltException failure = failureOf(waiting);
            assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
            assertThat(failure.getMessage()).isEqualTo("could not serialize access due to concurrent update");
            run(second, "ROLLBACK");
        }
    }

    @Test
    void lockTimeoutNamesTheReferencedRow() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(second, "SET lock_timeout = '50ms'");
            run(first, "BEGIN");
            run(first, "DELETE FROM parents WHERE id = 1");
            BasaltException failure = failureOf(inBackground(second, "INSERT INTO children VALUES (10, 1)"));
            assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
            assertThat(failure.context()).isEqualTo("while locking tuple (0,1) in relation \"parents\"");
            run(first, "ROLLBACK");

            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (11, 1)");
            failure = failureOf(inBackground(second, "DELETE FROM parents WHERE id = 1"));
            assertThat(failure.sqlState()).isEqualTo(SqlState.LOCK_NOT_AVAILABLE);
            assertThat(failure.context()).isEqualTo("while deleting tuple (0,1) in relation \"parents\"");
            run(first, "ROLLBACK");
        }
    }

    @Test
    void crossedReferencesDeadlockAndOneGoesOn() throws Exception {
        try (Database database = linked(""); Session first = database.connect(); Session second = database.connect()) {
            run(first, "BEGIN");
            run(first, "INSERT INTO children VALUES (10, 1)");
            run(second, "BEGIN");
            run(second, "INSERT INTO children VALUES (20, 2)");
            CompletableFuture<String> waiting = inBackground(first, "DELETE FROM parents WHERE id = 2");
            awaitWaiting(1);
            BasaltException failure = failureOf(inBackground(second, "DELETE FROM parents WHERE id = 1"));
            assertThat(failure.sqlState()).isEqualTo(SqlState.DEADLOCK_DETECTED);
            run(second, "ROLLBACK");
            assertThat(failureOf(waiting).sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            run(first, "ROLLBACK");
            assertThat(state(first)).isEqualTo("1,2 / 100->2");
        }
    }

    /**
     * Writers inserting children of recent parents, deleting recent parents with their children and inserting new
     * parents (never an id used before, so that a parent cannot come back for an orphan), from several threads, in
     * transactions of a few statements (a failed one rolled back to its savepoint) that commit or roll back: whatever
     * fails, no child is ever left without its parent. Before foreign keys waited, these transactions left dozens of
     * orphans.
     */
    @Test
    void concurrentWritersNeverLeaveAnOrphan() throws Exception {
        try (Database database = Basalt.inMemory()) {
            try (Session session = database.connect()) {
                run(session, "CREATE TABLE parents (id int PRIMARY KEY)");
                run(session, "CREATE TABLE children (id int PRIMARY KEY, parent int REFERENCES parents(id))");
                run(session, "INSERT INTO parents SELECT g FROM generate_series(1, 16) g");
            }
            AtomicInteger nextChild = new AtomicInteger();
            AtomicInteger nextParent = new AtomicInteger(16);
            List<Thread> writers = new ArrayList<>();
            List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = 7919L * (w + 1);
                Thread writer = new Thread(() -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    try (Session session = database.connect()) {
                        run(session, "SET lock_timeout = '2s'");
                        for (int round = 0; round < 150; round++) {
                            try {
                                run(session, "BEGIN");
                                for (int s = 0; s < 4; s++) {
                                    int parent = nextParent.get() - random.nextInt(16);
                                    int pick = random.nextInt(10);
                                    run(session, "SAVEPOINT statement");
                                    try {
                                        if (pick < 5) {
                                            run(session, "INSERT INTO children VALUES ("
                                                    + nextChild.incrementAndGet() + ", " + parent + ")");
                                        } else if (pick < 7) {
                                            run(session, "DELETE FROM children WHERE parent = " + parent);
                                            run(session, "DELETE FROM parents WHERE id = " + parent);
                                        } else {
                                            run(session, "INSERT INTO parents VALUES ("
                                                    + nextParent.incrementAndGet() + ")");
                                        }
                                    } catch (BasaltException violation) {
                                        if (violation.sqlState() != SqlState.FOREIGN_KEY_VIOLATION) {
                                            throw violation;
                                        }
                                        run(session, "ROLLBACK TO SAVEPOINT statement");
                                    }
                                    text(session, "SELECT count(*) FROM children");
                                }
                                run(session, random.nextInt(4) == 0 ? "ROLLBACK" : "COMMIT");
                            } catch (BasaltException expected) {
                                run(session, "ROLLBACK");
                            }
                        }
                    } catch (Throwable failure) {
                        unexpected.add(failure);
                    }
                });
                writers.add(writer);
                writer.start();
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(unexpected).isEmpty();
            try (Session session = database.connect()) {
                assertThat(text(session, "SELECT count(*) FROM children c WHERE NOT EXISTS "
                        + "(SELECT 1 FROM parents p WHERE p.id = c.parent)")).isEqualTo("0");
            }
        }
    }
}
