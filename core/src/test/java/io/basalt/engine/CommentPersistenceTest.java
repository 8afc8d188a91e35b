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
 * Comments (COMMENT ON) survive close and reopen, from the log and from a checkpoint, and a crash; a rolled-back
 * comment is neither kept nor replayed; a comment does not pass to a table made again under the same name.
 */
class CommentPersistenceTest {
    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static String tableComment(Session session) {
        return single(session, "SELECT obj_description('t'::regclass, 'pg_class')");
    }

    @Test
    void commentsSurviveReopenAndCheckpoint() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE t (id int CONSTRAINT positive CHECK (id > 0), v text)").close();
            session.execute("COMMENT ON TABLE t IS 'the table'").close();
            session.execute("COMMENT ON COLUMN t.v IS 'the value'").close();
            session.execute("COMMENT ON CONSTRAINT positive ON t IS 'ids are positive'").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(tableComment(session)).isEqualTo("the table");
            assertThat(single(session, "SELECT col_description('t'::regclass, 2)")).isEqualTo("the value");
            assertThat(single(session, "SELECT obj_description(oid, 'pg_constraint') FROM pg_constraint"
                    + " WHERE conname = 'positive'")).isEqualTo("ids are positive");
            session.execute("CHECKPOINT").close();
            session.execute("COMMENT ON TABLE t IS 'changed'").close();
            session.execute("COMMENT ON COLUMN t.v IS NULL").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(tableComment(session)).isEqualTo("changed");
            assertThat(single(session, "SELECT col_description('t'::regclass, 2)")).isNull();
            session.execute("DROP TABLE t").close();
            session.execute("CREATE TABLE t (id int)").close();
            assertThat(tableComment(session)).isNull();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(tableComment(session)).isNull();
        }
    }

    @Test
    void rolledBackCommentsAreUndoneAndNotReplayed() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE t (id int)").close();
            session.execute("COMMENT ON TABLE t IS 'kept'").close();
            session.execute("BEGIN").close();
            session.execute("COMMENT ON TABLE t IS 'rolled back'").close();
            assertThat(tableComment(session)).isEqualTo("rolled back");
            session.execute("ROLLBACK").close();
            assertThat(tableComment(session)).isEqualTo("kept");
            session.execute("BEGIN").close();
            session.execute("COMMENT ON TABLE t IS 'committed'").close();
            session.execute("COMMIT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(tableComment(session)).isEqualTo("committed");
        }
    }

    @Test
    void commentsSurviveACrash() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Process child = ChildJvm.of(StatementsCrashChild.class, errors, database.toString(),
                "CREATE TABLE t (id int)", "COMMENT ON TABLE t IS 'before the crash'").start();
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.exists(errors) ? Files.readString(errors)
                : "").isZero();
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(tableComment(session)).isEqualTo("before the crash");
        }
    }
}
