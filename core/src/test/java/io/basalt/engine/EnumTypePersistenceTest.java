package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enum types survive close and reopen, from the log and from a checkpoint, with the labels ALTER TYPE gave them and
 * the values stored before and after; ROLLBACK undoes CREATE, ALTER and DROP TYPE, and replay does not see them.
 */
class EnumTypePersistenceTest {
    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static String column(Session session, String sql) {
        StringBuilder text = new StringBuilder();
        try (QueryResult result = session.query(sql)) {
            for (long row = 0; row < result.rowCount(); row++) {
                text.append(row == 0 ? "" : ",").append(result.getText(row, 0));
            }
        }
        return text.toString();
    }

    @Test
    void enumsAndTheirValuesSurviveReopenAndCheckpoint() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')").close();
            session.execute("CREATE TABLE t (id int, m mood)").close();
            session.execute("INSERT INTO t VALUES (1, 'happy'), (2, 'sad')").close();
            session.execute("ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'").close();
            session.execute("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'").close();
            session.execute("INSERT INTO t VALUES (3, 'meh')").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(column(session, "SELECT m FROM t ORDER BY m")).isEqualTo("blue,meh,happy");
            assertThat(single(session, "SELECT enum_range(NULL::mood)")).isEqualTo("{blue,meh,ok,happy}");
            session.execute("CHECKPOINT").close();
            session.execute("ALTER TYPE mood ADD VALUE 'ecstatic'").close();
            session.execute("INSERT INTO t VALUES (4, 'ecstatic')").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(column(session, "SELECT m FROM t ORDER BY m DESC")).isEqualTo("ecstatic,happy,meh,blue");
            assertThat(single(session, "SELECT count(*) FROM t WHERE m > 'meh'")).isEqualTo("2");
        }
    }

    @Test
    void rolledBackTypeStatementsAreUndoneAndNotReplayed() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TYPE kept AS ENUM ('a', 'b')").close();
            session.execute("BEGIN").close();
            session.execute("CREATE TYPE gone AS ENUM ('x')").close();
            session.execute("ALTER TYPE kept ADD VALUE 'c'").close();
            session.execute("ALTER TYPE kept RENAME VALUE 'a' TO 'z'").close();
            // 'c' is unusable until COMMIT (55P04); the rename shows
            assertThat(single(session, "SELECT enum_first(NULL::kept)")).isEqualTo("z");
            session.execute("ROLLBACK").close();
            assertThat(single(session, "SELECT enum_range(NULL::kept)")).isEqualTo("{a,b}");
            session.execute("BEGIN").close();
            session.execute("DROP TYPE kept").close();
            session.execute("ROLLBACK").close();
            assertThat(single(session, "SELECT 'b'::kept")).isEqualTo("b");
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT enum_range(NULL::kept)")).isEqualTo("{a,b}");
            assertThatThrownBy(() -> session.execute("SELECT 'x'::gone"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT));
            session.execute("BEGIN").close();
            session.execute("ALTER TYPE kept ADD VALUE 'c'").close();
            session.execute("COMMIT").close();
            session.execute("BEGIN").close();
            session.execute("DROP TYPE kept").close();
            session.execute("COMMIT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("SELECT 'a'::kept"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT));
        }
    }
}
