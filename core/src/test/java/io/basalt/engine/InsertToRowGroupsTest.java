package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.storage.file.RowGroupFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Large INSERT ... SELECT straight into row groups ({@link RowGroupFiles}): the rows are in a data file of their own
 * once COMMIT returns (the log names the file), read back the same before and after reopening and after a
 * checkpoint (which copies the file's row groups into the table's file and removes it); a rollback leaves no rows
 * and no file; a snapshot taken before the commit does not see the rows; rows around the file (filling the table's
 * last chunk, and after its last whole chunk) go through the log as usual; deletes and updates of the file's rows
 * survive reopening. NULLs of every common type, constraint violations, indexes (plain, expression, unique),
 * savepoints, changes in the same transaction, several tables in one commit, ADD COLUMN, TRUNCATE and DROP read
 * the same as a temporary table (which takes the log-less path) filled the same way, before and after reopening
 * and checkpoints. The threshold is lowered to a few thousand rows for the test.
 */
class InsertToRowGroupsTest {
    @TempDir
    Path directory;

    private String before;

    @BeforeEach
    void lowerThreshold() {
        before = System.getProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY);
        System.setProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY, "5000");
    }

    @AfterEach
    void restoreThreshold() {
        if (before == null) {
            System.clearProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY);
        } else {
            System.setProperty(RowGroupFiles.MINIMUM_ROWS_PROPERTY, before);
        }
    }

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static void run(Session session, String... statements) {
        for (String sql : statements) {
            session.execute(sql).close();
        }
    }

    private List<String> rowFiles() throws IOException {
        Path data = directory.resolve("data");
        if (!Files.isDirectory(data)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(data)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.startsWith(RowGroupFiles.PREFIX)).sorted().toList();
        }
    }

    private static final String SUMMARY = "SELECT count(*) || ' ' || sum(i) || ' ' || sum(length(t)) || ' '"
            + " || min(i) || ' ' || max(i) FROM t";

    @Test
    void largeInsertGoesToAFileAndSurvivesReopenAndCheckpoint() throws IOException {
        String expected;
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, t text)",
                    "INSERT INTO t VALUES (-1, 'first'), (-2, 'second')",
                    "INSERT INTO t SELECT i, 'row ' || i FROM generate_series(1, 300000) i",
                    "INSERT INTO t VALUES (-3, 'after')");
            assertThat(rowFiles()).hasSize(1);
            expected = single(session, SUMMARY);
            assertThat(expected).isEqualTo("300003 " + (300000L * 300001 / 2 - 6) + " "
                    + (5 + 6 + 5 + rowTextBytes(300000)) + " -3 300000");
            assertThat(single(session, "SELECT t FROM t WHERE i = 123456")).isEqualTo("row 123456");
            assertThat(single(session, "SELECT count(*) FROM t WHERE i BETWEEN 1000 AND 1999")).isEqualTo("1000");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(expected);
            run(session, "DELETE FROM t WHERE i % 1000 = 7", "UPDATE t SET t = 'changed' WHERE i = 250000");
            expected = single(session, SUMMARY);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(expected);
            assertThat(single(session, "SELECT t FROM t WHERE i = 250000")).isEqualTo("changed");
            run(session, "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
            assertThat(single(session, SUMMARY)).isEqualTo(expected);
            run(session, "INSERT INTO t SELECT i, 'more ' || i FROM generate_series(300001, 320000) i");
            assertThat(rowFiles()).hasSize(1);
            expected = single(session, SUMMARY);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(expected);
            run(session, "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(expected);
            assertThat(single(session, "SELECT t FROM t WHERE i = 310000")).isEqualTo("more 310000");
        }
    }

    /** Bytes of 'row ' || i for i in 1..n. */
    private static long rowTextBytes(long n) {
        long bytes = 0;
        for (long i = 1; i <= n; i++) {
            bytes += 4 + Long.toString(i).length();
        }
        return bytes;
    }

    @Test
    void rollbackLeavesNoRowsAndNoFile() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, t text)", "INSERT INTO t VALUES (1, 'one')",
                    "BEGIN", "INSERT INTO t SELECT i, 'x' FROM generate_series(1, 100000) i", "ROLLBACK");
            assertThat(rowFiles()).isEmpty();
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("1");
            // a unique violation at COMMIT: the file written before the table was locked goes again
            run(session, "CREATE TABLE u (i bigint PRIMARY KEY)");
            run(session, "INSERT INTO u SELECT i FROM generate_series(1, 20000) i");
            assertThat(rowFiles()).hasSize(1);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("1");
            assertThat(single(session, "SELECT count(*) || ' ' || sum(i) FROM u")).isEqualTo("20000 200010000");
            assertThat(single(session, "SELECT count(*) FROM u WHERE i = 19999")).isEqualTo("1");
        }
    }

    @Test
    void aSnapshotTakenBeforeTheCommitDoesNotSeeTheRows() {
        try (Database database = Basalt.open(directory); Session reader = database.connect();
             Session writer = database.connect()) {
            run(writer, "CREATE TABLE t (i bigint, t text)", "INSERT INTO t VALUES (1, 'one')");
            run(reader, "BEGIN ISOLATION LEVEL REPEATABLE READ");
            assertThat(single(reader, "SELECT count(*) FROM t")).isEqualTo("1");
            run(writer, "BEGIN", "INSERT INTO t SELECT i, 'x' FROM generate_series(1, 50000) i");
            assertThat(single(writer, "SELECT count(*) FROM t")).isEqualTo("50001");
            assertThat(single(reader, "SELECT count(*) FROM t")).isEqualTo("1");
            run(writer, "COMMIT");
            assertThat(single(reader, "SELECT count(*) FROM t")).isEqualTo("1");
            run(reader, "COMMIT");
            assertThat(single(reader, "SELECT count(*) || ' ' || sum(i) FROM t")).isEqualTo("50001 1250025001");
        }
    }

    private static void fails(Session session, String sql, SqlState state) {
        assertThatThrownBy(() -> run(session, sql)).isInstanceOf(BasaltException.class)
                .satisfies(failure -> assertThat(((BasaltException) failure).sqlState()).isEqualTo(state));
    }

    /** Columns of every common type, each NULL in its own pattern of rows, one NULL in every row. */
    private static final String TYPED_COLUMNS = "i bigint, a int, s text, d double precision, b boolean, dt date,"
            + " n numeric(12, 3), z int";

    private static String typedRows(long from, long to) {
        return "SELECT i, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 3)::int END,"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 100) END,"
                + " CASE WHEN i % 11 = 0 THEN NULL ELSE i / 4.0 END::double precision,"
                + " CASE WHEN i % 3 = 0 THEN NULL ELSE i % 2 = 0 END,"
                + " CASE WHEN i % 13 = 0 THEN NULL ELSE DATE '2020-01-01' + (i % 1000)::int END,"
                + " CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 1000)::numeric / 8 END, NULL::int"
                + " FROM generate_series(" + from + ", " + to + ") i";
    }

    private static String typedSummary(Session session, String table) {
        return single(session, "SELECT count(*) || ' ' || sum(i) || ' ' || count(a) || ' ' || sum(a) || ' '"
                + " || count(s) || ' ' || count(DISTINCT s) || ' ' || sum(length(s)) || ' ' || count(d) || ' '"
                + " || sum(d) || ' ' || count(b) || ' ' || sum(CASE WHEN b THEN 1 ELSE 0 END) || ' ' || count(dt)"
                + " || ' ' || min(dt) || ' ' || max(dt) || ' ' || sum(dt - DATE '2020-01-01') || ' ' || count(n)"
                + " || ' ' || sum(n) || ' ' || count(z) || ' ' || count(*) FILTER (WHERE a IS NULL AND s IS NULL)"
                + " FROM " + table);
    }

    @Test
    void nullsOfEveryTypeReadBackTheSame() throws IOException {
        String expected;
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (" + TYPED_COLUMNS + ")", "CREATE TEMP TABLE ref (" + TYPED_COLUMNS + ")",
                    "INSERT INTO t " + typedRows(1, 60000), "INSERT INTO ref " + typedRows(1, 60000));
            assertThat(rowFiles()).hasSize(1);
            expected = typedSummary(session, "ref");
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            assertThat(SessionRows.rows(session, "SELECT count(*) FILTER (WHERE a IS NULL), count(*) FILTER (WHERE s IS NULL),"
                    + " count(*) FILTER (WHERE b IS NULL), count(*) FILTER (WHERE z IS NULL) FROM t"))
                    .containsExactly((60000 / 7) + "|" + (60000 / 5) + "|" + (60000 / 3) + "|60000");
            assertThat(SessionRows.rows(session, "SELECT i, a, s, d, b, dt, n, z FROM t WHERE i IN (35, 39, 51996) ORDER BY i"))
                    .isEqualTo(SessionRows.rows(session, "SELECT i, a, s, d, b, dt, n, z FROM ref WHERE i IN (35, 39, 51996)"
                            + " ORDER BY i"));
            assertThat(SessionRows.rows(session, "SELECT i, a, s, b, n FROM t WHERE i = 35"))
                    .containsExactly("35|null|null|f|4.375");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            run(session, "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            assertThat(SessionRows.rows(session, "SELECT i, a, s, b, n FROM t WHERE i = 35"))
                    .containsExactly("35|null|null|f|4.375");
        }
    }

    @Test
    void aViolatedConstraintLeavesNoRowsAndNoFile() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE c (i bigint PRIMARY KEY, v int NOT NULL, w int CHECK (w >= 0))",
                    "INSERT INTO c SELECT i, i, i FROM generate_series(1, 10) i");
            fails(session, "INSERT INTO c SELECT i, CASE WHEN i = 50000 THEN NULL ELSE 1 END, 1"
                    + " FROM generate_series(100, 60000) i", SqlState.NOT_NULL_VIOLATION);
            fails(session, "INSERT INTO c SELECT i, 1, CASE WHEN i = 59999 THEN -1 ELSE 1 END"
                    + " FROM generate_series(100, 60000) i", SqlState.CHECK_VIOLATION);
            fails(session, "INSERT INTO c SELECT i, 1, 1 FROM generate_series(5, 60000) i",
                    SqlState.UNIQUE_VIOLATION);
            fails(session, "INSERT INTO c SELECT i, 1, 1 FROM generate_series(100, 60000) i"
                    + " UNION ALL SELECT 30000, 2, 2", SqlState.UNIQUE_VIOLATION);
            run(session, "BEGIN", "INSERT INTO c SELECT i, 1, 1 FROM generate_series(100, 60000) i");
            fails(session, "INSERT INTO c VALUES (40000, 3, 3)", SqlState.UNIQUE_VIOLATION);
            run(session, "ROLLBACK");
            assertThat(rowFiles()).isEmpty();
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i) FROM c")).containsExactly("10|55");
            run(session, "INSERT INTO c SELECT i, i, i FROM generate_series(100, 60000) i");
            assertThat(rowFiles()).hasSize(1);
            fails(session, "INSERT INTO c VALUES (30000, 1, 1)", SqlState.UNIQUE_VIOLATION);
        }
        long sum = 55 + (60000L * 60001 / 2 - 99L * 100 / 2);
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i), sum(v), min(w) FROM c"))
                    .containsExactly((10 + 59901) + "|" + sum + "|" + sum + "|1");
            fails(session, "INSERT INTO c VALUES (30000, 1, 1)", SqlState.UNIQUE_VIOLATION);
            fails(session, "INSERT INTO c SELECT i, 1, 1 FROM generate_series(59000, 70000) i",
                    SqlState.UNIQUE_VIOLATION);
            run(session, "INSERT INTO c SELECT i, 1, 1 FROM generate_series(60001, 70000) i", "CHECKPOINT");
            fails(session, "INSERT INTO c VALUES (65000, 1, 1)", SqlState.UNIQUE_VIOLATION);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(rowFiles()).isEmpty();
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i) FROM c"))
                    .containsExactly((10 + 69901) + "|" + (sum + 60001L * 10000 + 10000L * 9999 / 2));
            fails(session, "INSERT INTO c VALUES (100, 1, 1)", SqlState.UNIQUE_VIOLATION);
            assertThat(SessionRows.rows(session, "SELECT v FROM c WHERE i = 43210")).containsExactly("43210");
        }
    }

    @Test
    void indexesFindTheRowsBeforeAndAfterReopening() throws IOException {
        String lookups = "SELECT (SELECT count(*) || ':' || sum(i) FROM x WHERE k = 123) || ' '"
                + " || (SELECT count(*) || ':' || sum(i) FROM x WHERE k * 2 = 246) || ' '"
                + " || (SELECT string_agg(s, ',' ORDER BY s) FROM x WHERE i = 45678) || ' '"
                + " || (SELECT count(*) FROM x WHERE s = 's 45678')";
        String expected = "60:" + (60L * 123 + 1000L * (59L * 60 / 2)) + " 60:" + (60L * 123 + 1000L * (59L * 60 / 2))
                + " s 45678 1";
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE x (i bigint, k int, s text)", "CREATE INDEX x_k ON x (k)",
                    "CREATE INDEX x_k2 ON x ((k * 2))", "CREATE UNIQUE INDEX x_i ON x (i)",
                    "INSERT INTO x SELECT i, (i % 1000)::int, 's ' || i FROM generate_series(1, 59999) i");
            assertThat(rowFiles()).hasSize(1);
            run(session, "CREATE INDEX x_s ON x (s)");
            assertThat(single(session, lookups)).isEqualTo(expected);
            fails(session, "INSERT INTO x VALUES (777, 1, 'dup')", SqlState.UNIQUE_VIOLATION);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, lookups)).isEqualTo(expected);
            fails(session, "INSERT INTO x VALUES (777, 1, 'dup')", SqlState.UNIQUE_VIOLATION);
            run(session, "UPDATE x SET k = -1 WHERE i = 123", "CHECKPOINT");
            assertThat(single(session, "SELECT count(*) FROM x WHERE k = 123")).isEqualTo("59");
            assertThat(single(session, "SELECT count(*) FROM x WHERE k = -1")).isEqualTo("1");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, "SELECT count(*) FROM x WHERE k = 123")).isEqualTo("59");
            assertThat(single(session, "SELECT count(*) || ':' || min(i) FROM x WHERE k * 2 = -2")).isEqualTo("1:123");
            assertThat(single(session, "SELECT k FROM x WHERE s = 's 45678'")).isEqualTo("678");
        }
    }

    @Test
    void savepointsKeepOrDropTheLargeInsert() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, t text)",
                    "BEGIN", "INSERT INTO t VALUES (-1, 'kept')", "SAVEPOINT a",
                    "INSERT INTO t SELECT i, 'gone' FROM generate_series(1, 50000) i", "ROLLBACK TO a",
                    "INSERT INTO t VALUES (-2, 'kept')", "COMMIT");
            assertThat(rowFiles()).isEmpty();
            assertThat(SessionRows.rows(session, "SELECT i, t FROM t ORDER BY i")).containsExactly("-2|kept", "-1|kept");
            run(session, "BEGIN", "SAVEPOINT a", "INSERT INTO t SELECT i, 'one' FROM generate_series(1, 50000) i",
                    "RELEASE a", "SAVEPOINT b", "INSERT INTO t VALUES (-3, 'gone')", "ROLLBACK TO b",
                    "SAVEPOINT c", "INSERT INTO t SELECT i, 'gone' FROM generate_series(50001, 90000) i",
                    "ROLLBACK TO c", "COMMIT");
            assertThat(rowFiles()).hasSize(1);
            assertThat(SessionRows.rows(session, "SELECT t, count(*), sum(i) FROM t GROUP BY t ORDER BY t"))
                    .containsExactly("kept|2|-3", "one|50000|" + 50000L * 50001 / 2);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT t, count(*), sum(i) FROM t GROUP BY t ORDER BY t"))
                    .containsExactly("kept|2|-3", "one|50000|" + 50000L * 50001 / 2);
        }
    }

    @Test
    void updatesAndDeletesOfTheInsertedRowsMatchATableFilledTheUsualWay() throws IOException {
        String[] changes = {
            "UPDATE {t} SET a = -a, s = s || '!' WHERE i % 1000 = 0",
            "DELETE FROM {t} WHERE i % 999 = 1",
        };
        String expected;
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (" + TYPED_COLUMNS + ")", "CREATE TEMP TABLE ref (" + TYPED_COLUMNS + ")");
            // in the insert's own transaction, then in later ones
            for (String table : List.of("t", "ref")) {
                run(session, "BEGIN", "INSERT INTO " + table + " " + typedRows(1, 40000));
                for (String change : changes) {
                    run(session, change.replace("{t}", table));
                }
                run(session, "COMMIT", "INSERT INTO " + table + " " + typedRows(40001, 90000),
                        "UPDATE " + table + " SET d = d * 2, z = 1 WHERE i % 3 = 1",
                        "DELETE FROM " + table + " WHERE i BETWEEN 60000 AND 70000");
            }
            expected = typedSummary(session, "ref");
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            assertThat(SessionRows.rows(session, "SELECT i, a, s, d, z FROM t WHERE i IN (3000, 42001, 59999, 60000, 70001)"
                    + " ORDER BY i")).isEqualTo(SessionRows.rows(session, "SELECT i, a, s, d, z FROM ref WHERE i IN (3000,"
                    + " 42001, 59999, 60000, 70001) ORDER BY i"));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            run(session, "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(typedSummary(session, "t")).isEqualTo(expected);
            assertThat(SessionRows.rows(session, "SELECT i, a, s FROM t WHERE i IN (3000, 60000, 70001) ORDER BY i"))
                    .containsExactly("3000|-9000|null", "70001|210003|v1");
        }
    }

    @Test
    void twoTablesInOneCommitThenAddColumnTruncateAndDrop() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE a (i bigint)", "CREATE TABLE b (i bigint, t text)", "BEGIN",
                    "INSERT INTO a SELECT i FROM generate_series(1, 30000) i",
                    "INSERT INTO b SELECT i, 'b' || i FROM generate_series(1, 40000) i",
                    "INSERT INTO a SELECT i FROM generate_series(30001, 50000) i", "COMMIT");
            assertThat(rowFiles()).hasSize(2);
            run(session, "ALTER TABLE a ADD COLUMN z int DEFAULT 5");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i), sum(z) FROM a"))
                    .containsExactly("50000|" + 50000L * 50001 / 2 + "|250000");
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i), max(t) FROM b"))
                    .containsExactly("40000|" + 40000L * 40001 / 2 + "|b9999");
            run(session, "INSERT INTO a SELECT i, 1 FROM generate_series(50001, 60000) i", "TRUNCATE b");
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(z) FROM a")).containsExactly("60000|260000");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT count(*), sum(i), sum(z) FROM a"))
                    .containsExactly("60000|" + 60000L * 60001 / 2 + "|260000");
            assertThat(single(session, "SELECT count(*) FROM b")).isEqualTo("0");
            run(session, "INSERT INTO b SELECT i, 'again' FROM generate_series(1, 30000) i", "DROP TABLE a",
                    "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT count(*), min(t) FROM b")).containsExactly("30000|again");
            assertThat(SessionRows.rows(session, "SELECT count(*) FROM pg_class WHERE relname = 'a'")).containsExactly("0");
        }
    }
}
