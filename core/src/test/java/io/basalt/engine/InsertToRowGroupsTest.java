package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
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
 * survive reopening. The threshold is lowered to a few thousand rows for the test.
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
}
