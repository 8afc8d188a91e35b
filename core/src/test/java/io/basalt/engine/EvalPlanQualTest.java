package io.basalt.engine;

import static io.basalt.engine.WaitingStatements.awaitWaiting;
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
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * READ COMMITTED UPDATE and DELETE re-check only the rows another transaction changed meanwhile (PostgreSQL's
 * EvalPlanQual): after waiting, the newest version of such a row is evaluated again against the WHERE clause (and
 * the joins of UPDATE ... FROM / DELETE ... USING) and changed if it still matches, while the statement's other rows
 * keep its snapshot: a row another session committed during the wait is not touched. Expected results were taken
 * from PostgreSQL 15 with concurrent psql sessions. Blocked statements run on threads of their own; the test goes
 * on once the wait-for graph shows them waiting.
 */
class EvalPlanQualTest {
    /** Runs {@code sql} on {@code session} on a new thread; returns its rows as "a|b" lines, sorted, or its tag. */
    private static CompletableFuture<List<String>> inBackground(Session session, String sql) {
        return CompletableFuture.supplyAsync(() -> {
            try (QueryResult result = session.execute(sql)) {
                List<String> lines = new ArrayList<>();
                lines.add(result.commandTag());
                if (result.returnsRows()) {
                    List<String> rows = new ArrayList<>();
                    for (int row = 0; row < result.rowCount(); row++) {
                        rows.add(result.getText(row, 0) + "|" + result.getText(row, 1));
                    }
                    rows.sort(null);
                    lines.addAll(rows);
                }
                return lines;
            }
        }, runnable -> new Thread(runnable).start());
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

    private static Database table(String rows) {
        Database database = Basalt.inMemory();
        try (Session session = database.connect()) {
            session.execute("CREATE TABLE e (id int PRIMARY KEY, v int)").close();
            session.execute("INSERT INTO e VALUES " + rows).close();
        }
        return database;
    }

    @Test
    void aRowCommittedDuringTheWaitIsNotTouchedAndTheWaitedRowIsRechecked() throws Exception {
        try (Database database = table("(1, 1), (2, 2)"); Session first = database.connect();
             Session second = database.connect(); Session third = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = v + 10 WHERE id = 1").close();
            CompletableFuture<List<String>> waiting = inBackground(second,
                    "UPDATE e SET v = v * 2 WHERE v < 5 RETURNING *");
            awaitWaiting(1);
            third.execute("INSERT INTO e VALUES (3, 3)").close();
            first.execute("COMMIT").close();
            // row 1 is now 11 and no longer matches; row 3 is not in the statement's snapshot
            assertThat(waiting.get()).containsExactly("UPDATE 1", "2|4");
            assertThat(rows(first, "SELECT id, v FROM e ORDER BY id")).containsExactly("1|11", "2|4", "3|3");
        }
    }

    @Test
    void theNewestVersionIsUpdatedWhenItStillMatches() throws Exception {
        try (Database database = table("(1, 1), (2, 2)"); Session first = database.connect();
             Session second = database.connect(); Session third = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = v + 1 WHERE id = 1").close();
            CompletableFuture<List<String>> waiting = inBackground(second,
                    "UPDATE e SET v = v * 2 WHERE v < 5 RETURNING *");
            awaitWaiting(1);
            third.execute("INSERT INTO e VALUES (3, 3)").close();
            first.execute("COMMIT").close();
            assertThat(waiting.get()).containsExactly("UPDATE 2", "1|4", "2|4");
            assertThat(rows(first, "SELECT id, v FROM e ORDER BY id")).containsExactly("1|4", "2|4", "3|3");
        }
    }

    @Test
    void updateFromRechecksTheJoinOnTheNewVersion() throws Exception {
        try (Database database = table("(1, 1), (2, 2)"); Session first = database.connect();
             Session second = database.connect()) {
            first.execute("CREATE TABLE o (id int, d int)").close();
            first.execute("INSERT INTO o VALUES (1, 10), (2, 20)").close();
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = 100 WHERE id = 1").close();
            CompletableFuture<List<String>> waiting = inBackground(second,
                    "UPDATE e SET v = e.v + o.d FROM o WHERE o.id = e.id AND e.v < 50 RETURNING e.*");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).containsExactly("UPDATE 1", "2|22");
            assertThat(rows(first, "SELECT id, v FROM e ORDER BY id")).containsExactly("1|100", "2|22");
        }
    }

    @Test
    void deleteSkipsADeletedRowAndRechecksAnUpdatedOne() throws Exception {
        try (Database database = table("(1, 1), (2, 2), (3, 3)"); Session first = database.connect();
             Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = 7 WHERE id = 1").close();
            first.execute("DELETE FROM e WHERE id = 2").close();
            CompletableFuture<List<String>> waiting = inBackground(second, "DELETE FROM e WHERE v < 5 RETURNING *");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).containsExactly("DELETE 1", "3|3");
            assertThat(rows(first, "SELECT id, v FROM e ORDER BY id")).containsExactly("1|7");
        }
    }

    @Test
    void aRowUpdatedTwiceByTheOtherTransactionIsFollowedToItsLastVersion() throws Exception {
        try (Database database = table("(1, 1), (2, 2)"); Session first = database.connect();
             Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = v + 1 WHERE id = 1").close();
            first.execute("UPDATE e SET v = v + 1 WHERE id = 1").close();
            CompletableFuture<List<String>> waiting = inBackground(second, "UPDATE e SET v = v * 10 RETURNING *");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).containsExactly("UPDATE 2", "1|30", "2|20");
        }
    }

    @Test
    void concurrentIncrementsInABlockAllApply() throws Exception {
        try (Database database = table("(1, 0), (2, 0)"); Session first = database.connect();
             Session second = database.connect()) {
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = v + 1 WHERE id = 1").close();
            second.execute("BEGIN").close();
            second.execute("UPDATE e SET v = v + 100 WHERE id = 2").close();
            CompletableFuture<List<String>> waiting = inBackground(second, "UPDATE e SET v = v + 10");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            assertThat(waiting.get()).containsExactly("UPDATE 2");
            second.execute("COMMIT").close();
            assertThat(rows(first, "SELECT id, v FROM e ORDER BY id")).containsExactly("1|11", "2|110");
        }
    }

    @Test
    void repeatableReadStillFails() throws Exception {
        try (Database database = table("(1, 1), (2, 2)"); Session first = database.connect();
             Session second = database.connect()) {
            second.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
            rows(second, "SELECT id, v FROM e");
            first.execute("BEGIN").close();
            first.execute("UPDATE e SET v = 5 WHERE id = 1").close();
            CompletableFuture<List<String>> waiting = inBackground(second, "UPDATE e SET v = v * 2");
            awaitWaiting(1);
            first.execute("COMMIT").close();
            try {
                waiting.get();
                throw new AssertionError("the statement succeeded");
            } catch (ExecutionException e) {
                BasaltException failure = (BasaltException) e.getCause();
                assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
            }
            second.execute("ROLLBACK").close();
        }
    }
}
