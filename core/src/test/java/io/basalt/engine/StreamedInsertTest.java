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
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large INSERT's rows streamed to a data file while the statement runs ({@code storage.table.StreamedInsert}): the
 * file exists before COMMIT, the transaction reads its own rows from it (counts, filters, UPDATE and DELETE of them),
 * COMMIT attaches it (or logs the rows when another commit took their place first), and the rows read the same after
 * reopening and a checkpoint; ROLLBACK, ROLLBACK TO SAVEPOINT and a NOT NULL or CHECK violation late in the statement
 * remove the file and leave no rows. A child JVM with a 128 MB heap inserts three million rows in one transaction.
 * The default threshold (262,144 rows) applies.
 */
class StreamedInsertTest {
    @TempDir
    Path directory;

    private static final long ROWS = 400_000;
    private static final String INSERT = "INSERT INTO t SELECT i, i % 7, 'row ' || i FROM generate_series(1, " + ROWS
            + ") i";
    private static final String SUMMARY = "SELECT count(*) || ' ' || sum(i) || ' ' || sum(b) || ' ' || count(*)"
            + " FILTER (WHERE t = 'row ' || i) FROM t";

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

    /** count, sum(i), sum(b), rows whose text matches, for i in {@code [first, last]}. */
    private static String summary(long first, long last) {
        long count = last - first + 1;
        long sumB = 0;
        for (long i = first; i <= last; i++) {
            sumB += i % 7;
        }
        return count + " " + (first + last) * count / 2 + " " + sumB + " " + count;
    }

    @Test
    void theTransactionReadsItsStreamedRowsAndCommitAttachesTheirFile() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, b int, t text)", "INSERT INTO t VALUES (0, 0, 'row 0')",
                    "BEGIN", INSERT);
            assertThat(rowFiles()).as("written while the statement ran").hasSize(1);
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
            assertThat(single(session, "SELECT t FROM t WHERE i = 333333")).isEqualTo("row 333333");
            assertThat(single(session, "SELECT count(*) FROM t WHERE i BETWEEN 200000 AND 200999")).isEqualTo("1000");
            try (Session other = database.connect()) {
                assertThat(single(other, "SELECT count(*) FROM t")).isEqualTo("1");
            }
            run(session, "COMMIT");
            assertThat(rowFiles()).hasSize(1);
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
            run(session, "CHECKPOINT");
            assertThat(rowFiles()).isEmpty();
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
        }
    }

    @Test
    void updatesAndDeletesOfStreamedRowsBeforeCommitSurviveReopening() throws IOException {
        String expected;
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, b int, t text)", "BEGIN", INSERT,
                    "UPDATE t SET t = 'changed' WHERE i % 100000 = 5", "DELETE FROM t WHERE i % 1000 = 999");
            assertThat(rowFiles()).hasSize(1);
            expected = single(session, SUMMARY) + " " + single(session, "SELECT count(*) FROM t WHERE t = 'changed'");
            assertThat(expected).startsWith(Long.toString(ROWS - ROWS / 1000) + " ").endsWith(" 4");
            run(session, "COMMIT");
            assertThat(rowFiles()).as("the rows went through the log; the file is gone").isEmpty();
            assertThat(single(session, SUMMARY) + " " + single(session, "SELECT count(*) FROM t WHERE t = 'changed'"))
                    .isEqualTo(expected);
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY) + " " + single(session, "SELECT count(*) FROM t WHERE t = 'changed'"))
                    .isEqualTo(expected);
        }
    }

    @Test
    void rollbackAndRollbackToSavepointRemoveTheFile() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, b int, t text)", "BEGIN", INSERT);
            assertThat(rowFiles()).hasSize(1);
            run(session, "ROLLBACK");
            assertThat(rowFiles()).isEmpty();
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("0");

            run(session, "BEGIN", "INSERT INTO t VALUES (0, 0, 'row 0')", "SAVEPOINT s", INSERT);
            assertThat(rowFiles()).hasSize(1);
            run(session, "ROLLBACK TO SAVEPOINT s");
            assertThat(rowFiles()).isEmpty();
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, 0));
            run(session, INSERT, "SAVEPOINT s2", INSERT.replace("1, " + ROWS, (ROWS + 1) + ", " + 2 * ROWS));
            assertThat(rowFiles()).hasSize(2);
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, 2 * ROWS));
            run(session, "RELEASE SAVEPOINT s2", "COMMIT");
            assertThat(rowFiles()).as("both attached").hasSize(2);
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, 2 * ROWS));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, 2 * ROWS));
        }
    }

    @Test
    void aViolationLateInTheStatementLeavesNoRowsAndNoFile() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint NOT NULL, b int CHECK (b < 7), t text)");
            assertThatThrownBy(() -> run(session, "INSERT INTO t SELECT CASE WHEN i = 390000 THEN NULL ELSE i END,"
                    + " 1, 'x' FROM generate_series(1, 400000) i"))
                    .satisfies(failure -> assertThat(((BasaltException) failure).sqlState())
                            .isEqualTo(SqlState.NOT_NULL_VIOLATION));
            assertThat(rowFiles()).isEmpty();
            run(session, "BEGIN");
            assertThatThrownBy(() -> run(session, "INSERT INTO t SELECT i, CASE WHEN i = 399999 THEN 7 ELSE 1 END,"
                    + " 'x' FROM generate_series(1, 400000) i"))
                    .satisfies(failure -> assertThat(((BasaltException) failure).sqlState())
                            .isEqualTo(SqlState.CHECK_VIOLATION));
            assertThat(rowFiles()).isEmpty();
            run(session, "ROLLBACK");
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("0");
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, "SELECT count(*) FROM t")).isEqualTo("0");
        }
    }

    @Test
    void anotherCommitTakingThePlaceFirstSendsTheRowsThroughTheLog() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect();
             Session other = database.connect()) {
            run(session, "CREATE TABLE t (i bigint, b int, t text)", "BEGIN", INSERT);
            run(other, "INSERT INTO t VALUES (0, 0, 'row 0')");
            run(session, "COMMIT");
            assertThat(rowFiles()).as("the rows went through the log; the file is gone").isEmpty();
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(summary(0, ROWS));
        }
    }

    @Test
    void tablesWithUniqueKeysOrIndexesKeepTheRowsInMemory() throws IOException {
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            run(session, "CREATE TABLE t (i bigint PRIMARY KEY, b int, t text)", "BEGIN", INSERT);
            assertThat(rowFiles()).isEmpty();
            run(session, "COMMIT");
            assertThat(single(session, SUMMARY)).isEqualTo(summary(1, ROWS));
            assertThatThrownBy(() -> run(session, "INSERT INTO t SELECT i, 0, 'x' FROM generate_series(" + ROWS
                    + ", " + (2 * ROWS) + ") i"))
                    .satisfies(failure -> assertThat(((BasaltException) failure).sqlState())
                            .isEqualTo(SqlState.UNIQUE_VIOLATION));
        }
        try (Database database = Basalt.open(directory); Session session = database.connect()) {
            assertThat(single(session, SUMMARY)).isEqualTo(summary(1, ROWS));
        }
    }

    /**
     * Three million rows in one transaction with a 128 MB heap, read before and after COMMIT (the base, which keeps
     * the rows in memory until COMMIT, fails there with "out of memory"); core's profile {@code crash-long} makes it
     * 50M rows with {@code -Xmx2g} ({@code basalt.streamed_insert.rows}, {@code basalt.streamed_insert.heap}).
     */
    @Test
    void aLargeInsertRunsInASmallHeap() throws Exception {
        Path errors = directory.resolve("child-errors.txt");
        long rows = Long.getLong("basalt.streamed_insert.rows", 3_000_000);
        String heap = System.getProperty("basalt.streamed_insert.heap", "-Xmx128m");
        Process child = ChildJvm.of(StreamedInsertChild.class, errors, List.of(heap),
                directory.resolve("db").toString(), Long.toString(rows)).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                lines.add(line);
            }
        }
        assertThat(child.waitFor()).as("exit; errors: %s", TransactionCrashTest.errorsOf(errors)).isZero();
        String expected = rows + " " + rows * (rows + 1) / 2 + " " + sumOfRemainders(rows) + " " + rows;
        assertThat(lines).as("errors: %s", TransactionCrashTest.errorsOf(errors)).hasSize(3);
        assertThat(lines.subList(0, 2)).containsExactly(expected, expected);
    }

    /** The sum of i % 7 for i in 1..rows: 21 per whole seven, then 1 + 2 + ... for the rest. */
    private static long sumOfRemainders(long rows) {
        long rest = rows % 7;
        return rows / 7 * 21 + rest * (rest + 1) / 2;
    }
}
