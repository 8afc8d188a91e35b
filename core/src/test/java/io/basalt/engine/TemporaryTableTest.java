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
 * Temporary tables belong to their session: other sessions do not see them, a temporary table hides a permanent
 * one of the same name until it is dropped, they end with the session, and nothing about them reaches the
 * write-ahead log, so reopening the database neither replays nor trips over them.
 */
class TemporaryTableTest {
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
        throw new AssertionError("expected " + sql + " to fail");
    }

    @Test
    void aTemporaryTableIsPrivateToItsSessionAndShadowsAPermanentOne() {
        try (Database db = Basalt.open(directory); Session one = db.connect(); Session two = db.connect()) {
            one.execute("CREATE TABLE t (a integer)").close();
            one.execute("INSERT INTO t VALUES (1)").close();
            one.execute("CREATE TEMP TABLE t (a integer, b text)").close();
            one.execute("INSERT INTO t VALUES (2, 'temporary')").close();
            assertThat(single(one, "SELECT b FROM t")).isEqualTo("temporary");
            assertThat(single(one, "SELECT a FROM public.t")).isEqualTo("1");
            assertThat(single(one, "SELECT a FROM pg_temp.t")).isEqualTo("2");
            assertThat(single(two, "SELECT a FROM t")).isEqualTo("1");
            assertThat(failure(two, "SELECT * FROM pg_temp.t")).isEqualTo(SqlState.UNDEFINED_TABLE);
            two.execute("CREATE TEMP TABLE t (c date)").close();
            assertThat(single(two, "SELECT count(*) FROM t")).isEqualTo("0");
            assertThat(single(one, "SELECT b FROM t")).isEqualTo("temporary");
            one.execute("DROP TABLE t").close();
            assertThat(single(one, "SELECT a FROM t")).isEqualTo("1");
        }
    }

    @Test
    void temporaryTablesEndWithTheSessionAndAreNeverLogged() {
        try (Database db = Basalt.open(directory)) {
            try (Session session = db.connect()) {
                session.execute("CREATE TABLE kept (a integer)").close();
                session.execute("CREATE TEMPORARY TABLE scratch (a integer PRIMARY KEY)").close();
                session.execute("INSERT INTO scratch VALUES (1), (2)").close();
                session.execute("INSERT INTO kept SELECT a FROM scratch").close();
                session.execute("UPDATE scratch SET a = a + 10").close();
                session.execute("DELETE FROM scratch WHERE a = 11").close();
                session.execute("TRUNCATE scratch, kept").close();
                session.execute("INSERT INTO kept VALUES (3)").close();
                session.execute("CREATE TEMP TABLE gone (x text)").close();
                session.execute("DROP TABLE gone, scratch").close();
                session.execute("CREATE TEMP TABLE left_behind (x text)").close();
            }
            try (Session session = db.connect()) {
                assertThat(failure(session, "SELECT * FROM left_behind")).isEqualTo(SqlState.UNDEFINED_TABLE);
            }
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(single(session, "SELECT sum(a) FROM kept")).isEqualTo("3");
            assertThat(failure(session, "SELECT * FROM left_behind")).isEqualTo(SqlState.UNDEFINED_TABLE);
            assertThat(failure(session, "SELECT * FROM scratch")).isEqualTo(SqlState.UNDEFINED_TABLE);
        }
    }

    @Test
    void aTemporaryTableCannotLiveInAPermanentSchema() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThatThrownBy(() -> session.execute("CREATE TEMP TABLE public.x (a int)"))
                    .isInstanceOf(BasaltException.class)
                    .hasMessage("cannot create temporary relation in non-temporary schema");
            assertThat(failure(session, "CREATE TEMP TABLE nowhere.x (a int)")).isEqualTo(SqlState.INVALID_SCHEMA_NAME);
            session.execute("CREATE TABLE pg_temp.y (a int)").close();
            session.execute("CREATE TEMP TABLE pg_temp.z (a int)").close();
            assertThat(single(session, "SELECT count(*) FROM y, z")).isEqualTo("0");
        }
    }
}
