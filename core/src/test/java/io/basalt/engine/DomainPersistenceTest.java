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
 * Domains survive close and reopen, from the log and from a checkpoint, with the constraints, defaults and names
 * ALTER DOMAIN gave them, and keep checking the columns of their type; ROLLBACK undoes CREATE, ALTER and DROP
 * DOMAIN, and replay does not see them.
 */
class DomainPersistenceTest {
    @TempDir
    Path directory;

    private static String single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    private static SqlState failure(Session session, String sql) {
        try {
            session.execute(sql).close();
        } catch (BasaltException e) {
            return e.sqlState();
        }
        return null;
    }

    @Test
    void domainsAndTheirConstraintsSurviveReopenAndCheckpoint() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE DOMAIN posint AS int CHECK (VALUE > 0)").close();
            session.execute("CREATE DOMAIN label AS text DEFAULT 'none' NOT NULL").close();
            session.execute("CREATE TABLE t (id posint, l label)").close();
            session.execute("INSERT INTO t (id) VALUES (1)").close();
            session.execute("ALTER DOMAIN posint ADD CONSTRAINT small CHECK (VALUE < 100)").close();
            session.execute("ALTER DOMAIN label RENAME TO tag").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT l FROM t")).isEqualTo("none");
            assertThat(failure(session, "INSERT INTO t VALUES (100, 'x')")).isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(failure(session, "INSERT INTO t VALUES (5, NULL)")).isEqualTo(SqlState.NOT_NULL_VIOLATION);
            assertThat(single(session, "SELECT 7::tag")).isEqualTo("7");
            session.execute("CHECKPOINT").close();
            session.execute("ALTER DOMAIN posint DROP CONSTRAINT small").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("INSERT INTO t VALUES (100, 'x')").close();
            assertThat(failure(session, "INSERT INTO t VALUES (0, 'x')")).isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(single(session, "SELECT sum(id) FROM t")).isEqualTo("101");
        }
    }

    @Test
    void rolledBackDomainStatementsAreUndoneAndNotReplayed() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE DOMAIN kept AS int").close();
            session.execute("BEGIN").close();
            session.execute("CREATE DOMAIN gone AS int").close();
            session.execute("ALTER DOMAIN kept SET NOT NULL").close();
            assertThat(failure(session, "SELECT NULL::kept")).isEqualTo(SqlState.NOT_NULL_VIOLATION);
            session.execute("ROLLBACK").close();
            assertThat(single(session, "SELECT NULL::kept")).isNull();
            session.execute("BEGIN").close();
            session.execute("DROP DOMAIN kept").close();
            session.execute("ROLLBACK").close();
            session.execute("BEGIN").close();
            session.execute("ALTER DOMAIN kept ADD CHECK (VALUE <> 3)").close();
            session.execute("COMMIT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT NULL::kept")).isNull();
            assertThat(failure(session, "SELECT 3::kept")).isEqualTo(SqlState.CHECK_VIOLATION);
            assertThat(failure(session, "SELECT 1::gone")).isEqualTo(SqlState.UNDEFINED_OBJECT);
            session.execute("BEGIN").close();
            session.execute("DROP DOMAIN kept").close();
            session.execute("COMMIT").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("SELECT 1::kept"))
                    .isInstanceOfSatisfying(BasaltException.class,
                            e -> assertThat(e.sqlState()).isEqualTo(SqlState.UNDEFINED_OBJECT));
        }
    }
}
