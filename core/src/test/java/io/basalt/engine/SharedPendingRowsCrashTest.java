package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A transaction's pending rows share the buffers of the batches its statements produced instead of copying them
 * ({@link io.basalt.storage.table.FrozenBatches}). Here the rows come from a scan of another table's chunks (its last
 * one partly filled), and before COMMIT that table is appended to in the same chunk, has rows deleted and is
 * truncated, and the pending rows are updated: the committed rows, logged and then replayed after a crash, are still
 * exactly the ones the statements produced.
 */
class SharedPendingRowsCrashTest {
    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    @Test
    void rowsSharedWithAChangedSourceAreCommittedAsProduced() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Process child = ChildJvm.of(StatementsCrashChild.class, errors, database.toString(),
                "CREATE TABLE src (a integer, b text)",
                "INSERT INTO src SELECT i, 'source row ' || i FROM generate_series(1, 5000) i",
                "CREATE TABLE dst (a integer, b text)",
                "BEGIN",
                "INSERT INTO dst SELECT a, b FROM src",
                "INSERT INTO dst SELECT i, 'computed row ' || i FROM generate_series(5001, 9000) i",
                "UPDATE dst SET b = b || '!' WHERE a % 2 = 0",
                "INSERT INTO src SELECT i, 'later source row ' || i FROM generate_series(5001, 20000) i",
                "DELETE FROM src WHERE a <= 2500",
                "TRUNCATE src",
                "INSERT INTO src SELECT i, 'refilled ' || i FROM generate_series(1, 7000) i",
                "COMMIT",
                "INSERT INTO dst VALUES (9001, 'after')").start();
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.exists(errors) ? Files.readString(errors)
                : "").isZero();
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(single(session, "SELECT count(*) FROM dst")).isEqualTo("9001");
            assertThat(single(session, "SELECT count(DISTINCT a) FROM dst")).isEqualTo("9001");
            assertThat(single(session, "SELECT sum(a::bigint) FROM dst")).isEqualTo(String.valueOf(9001L * 9002 / 2));
            assertThat(single(session, "SELECT count(*) FROM dst WHERE b = CASE WHEN a = 9001 THEN 'after' ELSE "
                    + "CASE WHEN a <= 5000 THEN 'source row ' ELSE 'computed row ' END || a "
                    + "|| CASE WHEN a % 2 = 0 THEN '!' ELSE '' END END")).isEqualTo("9001");
            assertThat(single(session, "SELECT count(*) FROM src")).isEqualTo("7000");
            assertThat(single(session, "SELECT count(*) FROM src WHERE b = 'refilled ' || a")).isEqualTo("7000");
        }
    }
}
