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
 * The data definition of issue #9 that a crash must not lose: a child process runs ALTER TABLE ... SET SCHEMA (with
 * an owned sequence, an index and a foreign key referencing the table), ALTER VIEW ... SET (options), REASSIGN OWNED
 * and DROP OWNED, then halts without closing the database; the reopened database replays the log to the same state.
 */
class DdlCrashRecoveryTest {
    @TempDir
    Path directory;

    private static List<String> rows(Session session, String sql) {
        List<String> rows = new ArrayList<>();
        try (QueryResult result = session.query(sql)) {
            for (int r = 0; r < result.rowCount(); r++) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < result.columns().size(); c++) {
                    values.add(result.getText(r, c));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    @Test
    void movedTablesViewOptionsAndOwnershipSurviveACrash() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Process child = ChildJvm.of(StatementsCrashChild.class, errors, database.toString(),
                "CREATE SCHEMA s1",
                "CREATE TABLE t (id serial PRIMARY KEY, v text)",
                "CREATE INDEX t_v ON t (v)",
                "CREATE TABLE c (id int REFERENCES t (id))",
                "CREATE VIEW tv AS SELECT id, v FROM t",
                "INSERT INTO t (v) VALUES ('a'), ('b')",
                "ALTER TABLE t SET SCHEMA s1",
                "INSERT INTO s1.t (v) VALUES ('c')",
                "ALTER VIEW tv SET (security_barrier=true)",
                "CREATE ROLE r1",
                "CREATE ROLE r2",
                "CREATE TABLE owned1 (a int)",
                "ALTER TABLE owned1 OWNER TO r1",
                "CREATE TABLE owned2 (a int)",
                "ALTER TABLE owned2 OWNER TO r2",
                "GRANT SELECT ON s1.t TO r2",
                "REASSIGN OWNED BY r1 TO r2",
                "DROP OWNED BY r2",
                "DROP ROLE r1",
                "DROP ROLE r2").start();
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.exists(errors) ? Files.readString(errors)
                : "").isZero();
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(rows(session, "SELECT id, v FROM s1.t ORDER BY id")).containsExactly("1|a", "2|b", "3|c");
            assertThat(rows(session, "SELECT id, v FROM tv ORDER BY id")).containsExactly("1|a", "2|b", "3|c");
            assertThat(rows(session, "SELECT schemaname, indexname FROM pg_indexes WHERE tablename = 't' "
                    + "ORDER BY indexname")).containsExactly("s1|t_pkey", "s1|t_v");
            assertThat(rows(session, "SELECT sequence_schema FROM information_schema.sequences "
                    + "WHERE sequence_name = 't_id_seq'")).containsExactly("s1");
            assertThat(rows(session, "SELECT reloptions::text FROM pg_class WHERE relname = 'tv'"))
                    .containsExactly("{security_barrier=true}");
            assertThat(rows(session, "SELECT count(*) FROM pg_class WHERE relname IN ('owned1', 'owned2')"))
                    .containsExactly("0");
            assertThat(rows(session, "SELECT count(*) FROM pg_roles WHERE rolname IN ('r1', 'r2')"))
                    .containsExactly("0");
            session.execute("INSERT INTO s1.t (v) VALUES ('d')").close();
            assertThat(rows(session, "SELECT v FROM s1.t WHERE id > 3")).containsExactly("d");
            assertThat(rows(session, "SELECT count(*) FROM c")).containsExactly("0");
        }
    }
}
