package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a transaction's new rows go, as ctid shows it: the place a row shows while its transaction is open (in
 * RETURNING and in its own scans) is the place it has after COMMIT when the transactions that wrote the table before
 * it committed first; rows of transactions and savepoints that rolled back leave no place behind; places stay the
 * same across a clean reopen, a checkpoint and a crash (see docs/STATUS.md, "System columns"). Two sessions take
 * turns on one thread, so the interleaving is exactly the one written.
 */
class RowPlacementTest {
    @TempDir
    Path directory;

    /** The first column of every row of {@code sql}, as text. */
    private static List<String> column(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            List<String> values = new ArrayList<>();
            for (long row = 0; row < result.rowCount(); row++) {
                values.add(result.getText(row, 0));
            }
            return values;
        }
    }

    /** {@code "ctid:a"} per row of t, in a's order. */
    private static List<String> places(Session session) {
        return column(session, "SELECT ctid::text || ':' || a FROM t ORDER BY a");
    }

    @Test
    void transactionsCommittingInTheOrderTheyWroteKeepTheirPlaces() {
        try (Database db = Basalt.inMemory(); Session first = db.connect(); Session second = db.connect()) {
            first.execute("CREATE TABLE t (a int, b text)").close();
            first.execute("INSERT INTO t VALUES (1, 'committed')").close();
            first.execute("BEGIN").close();
            second.execute("BEGIN").close();
            assertThat(column(first, "INSERT INTO t VALUES (2, 'x'), (3, 'y') RETURNING ctid")).containsExactly(
                    "(0,2)", "(0,3)");
            assertThat(column(second, "INSERT INTO t VALUES (4, 'z') RETURNING ctid")).containsExactly("(0,4)");
            // each sees its own rows where they will be, and not the other's
            assertThat(places(first)).containsExactly("(0,1):1", "(0,2):2", "(0,3):3");
            assertThat(places(second)).containsExactly("(0,1):1", "(0,4):4");
            first.execute("COMMIT").close();
            assertThat(places(second)).containsExactly("(0,1):1", "(0,2):2", "(0,3):3", "(0,4):4");
            second.execute("COMMIT").close();
            assertThat(places(first)).containsExactly("(0,1):1", "(0,2):2", "(0,3):3", "(0,4):4");
            assertThat(column(first, "SELECT a FROM t WHERE ctid = '(0,4)'")).containsExactly("4");
        }
    }

    @Test
    void aLaterWriterCommittingFirstTakesTheFirstFreePlace() {
        try (Database db = Basalt.inMemory(); Session first = db.connect(); Session second = db.connect()) {
            first.execute("CREATE TABLE t (a int)").close();
            first.execute("BEGIN").close();
            second.execute("BEGIN").close();
            assertThat(column(first, "INSERT INTO t VALUES (1) RETURNING ctid")).containsExactly("(0,1)");
            assertThat(column(second, "INSERT INTO t VALUES (2) RETURNING ctid")).containsExactly("(0,2)");
            // COMMIT appends at the table's end: the second transaction's row takes the first place, and the first
            // transaction's row the one after it (the documented difference from PostgreSQL)
            second.execute("COMMIT").close();
            first.execute("COMMIT").close();
            assertThat(places(first)).containsExactly("(0,2):1", "(0,1):2");
            first.execute("DELETE FROM t WHERE ctid = '(0,1)'").close();
            assertThat(places(first)).containsExactly("(0,2):1");
        }
    }

    @Test
    void rolledBackRowsLeaveNoPlaceBehind() {
        try (Database db = Basalt.inMemory(); Session first = db.connect(); Session second = db.connect()) {
            first.execute("CREATE TABLE t (a int)").close();
            first.execute("BEGIN").close();
            second.execute("BEGIN").close();
            assertThat(column(first, "INSERT INTO t VALUES (1), (2) RETURNING ctid")).containsExactly("(0,1)",
                    "(0,2)");
            assertThat(column(second, "INSERT INTO t VALUES (3) RETURNING ctid")).containsExactly("(0,3)");
            first.execute("ROLLBACK").close();
            second.execute("COMMIT").close();
            assertThat(places(first)).containsExactly("(0,1):3");
            // the places the rolled-back transaction reserved are free again
            assertThat(column(first, "INSERT INTO t VALUES (4) RETURNING ctid")).containsExactly("(0,2)");

            first.execute("BEGIN").close();
            assertThat(column(first, "INSERT INTO t VALUES (5) RETURNING ctid")).containsExactly("(0,3)");
            first.execute("SAVEPOINT s").close();
            assertThat(column(first, "INSERT INTO t VALUES (6) RETURNING ctid")).containsExactly("(0,4)");
            first.execute("ROLLBACK TO SAVEPOINT s").close();
            assertThat(column(first, "INSERT INTO t VALUES (7) RETURNING ctid")).containsExactly("(0,4)");
            // a row the transaction deletes again keeps its place, dead, as a dead tuple does
            first.execute("INSERT INTO t VALUES (8)").close();
            first.execute("DELETE FROM t WHERE a = 7").close();
            assertThat(places(first)).containsExactly("(0,1):3", "(0,2):4", "(0,3):5", "(0,5):8");
            first.execute("COMMIT").close();
            assertThat(places(second)).containsExactly("(0,1):3", "(0,2):4", "(0,3):5", "(0,5):8");
            assertThat(column(second, "INSERT INTO t VALUES (9) RETURNING ctid")).containsExactly("(0,6)");
        }
    }

    @Test
    void updatesShowTheNewVersionsPlace() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE t (a int, b text)").close();
            session.execute("INSERT INTO t VALUES (1, 'x'), (2, 'y')").close();
            session.execute("BEGIN").close();
            assertThat(column(session, "UPDATE t SET b = 'z' WHERE a = 1 RETURNING ctid::text || old.ctid::text"))
                    .containsExactly("(0,3)(0,1)");
            assertThat(column(session, "UPDATE t SET b = 'w' WHERE a = 1 RETURNING ctid::text || old.ctid::text"))
                    .containsExactly("(0,4)(0,3)");
            session.execute("COMMIT").close();
            assertThat(places(session)).containsExactly("(0,4):1", "(0,2):2");
            assertThat(column(session, "UPDATE t SET b = 'v' WHERE a = 2 RETURNING new.ctid")).containsExactly(
                    "(0,5)");
        }
    }

    @Test
    void placesSurviveReopenCheckpointAndCrash() throws Exception {
        Path database = directory.resolve("db");
        List<String> expected;
        try (Database db = Basalt.open(database); Session first = db.connect(); Session second = db.connect()) {
            first.execute("CREATE TABLE t (a int, b text)").close();
            first.execute("INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c')").close();
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (4, 'd')").close();
            first.execute("ROLLBACK").close();
            second.execute("BEGIN").close();
            second.execute("UPDATE t SET b = 'B' WHERE a = 2").close();
            second.execute("DELETE FROM t WHERE a = 3").close();
            second.execute("INSERT INTO t VALUES (5, 'e')").close();
            second.execute("COMMIT").close();
            expected = places(first);
            assertThat(expected).containsExactly("(0,1):1", "(0,4):2", "(0,5):5");
        }
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(places(session)).isEqualTo(expected);
            session.execute("CHECKPOINT").close();
            assertThat(column(session, "INSERT INTO t VALUES (6, 'f') RETURNING ctid")).containsExactly("(0,6)");
        }
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(places(session)).containsExactly("(0,1):1", "(0,4):2", "(0,5):5", "(0,6):6");
            assertThat(column(session, "DELETE FROM t WHERE ctid = '(0,4)' RETURNING a")).containsExactly("2");
        }
        Path errors = directory.resolve("child-errors.txt");
        Process child = ChildJvm.of(StatementsCrashChild.class, errors, database.toString(),
                "INSERT INTO t VALUES (7, 'g')", "UPDATE t SET b = 'F' WHERE a = 6").start();
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.exists(errors) ? Files.readString(errors)
                : "").isZero();
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(places(session)).containsExactly("(0,1):1", "(0,5):5", "(0,8):6", "(0,7):7");
        }
    }
}
