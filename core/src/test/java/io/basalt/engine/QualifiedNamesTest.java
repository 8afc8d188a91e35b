package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/**
 * DROP's 2BP01 DETAIL and its CASCADE notices name a relation the search path does not find with its schema, as
 * PostgreSQL's getObjectDescription does (the sqllogictest runner compares only SQLSTATE and message; the messages
 * are in {@code ddl/qualified_names.test}). Expected texts from PostgreSQL 15.
 */
class QualifiedNamesTest {
    private static BasaltException failure(Session session, String sql) {
        try {
            session.execute(sql).close();
        } catch (BasaltException e) {
            return e;
        }
        throw new AssertionError("no error from " + sql);
    }

    @Test
    void dropDetailsQualifyWhatTheSearchPathDoesNotFind() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE SCHEMA s").close();
            session.execute("CREATE TABLE s.t (id int PRIMARY KEY, v text)").close();
            session.execute("CREATE VIEW s.tv AS SELECT id, v FROM s.t").close();
            session.execute("CREATE TABLE c (id int REFERENCES s.t (id))").close();
            session.execute("CREATE TABLE s.child () INHERITS (s.t)").close();
            BasaltException e = failure(session, "DROP TABLE s.t");
            assertThat(e.sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            assertThat(e.getMessage()).isEqualTo("cannot drop table s.t because other objects depend on it");
            assertThat(e.detail()).isEqualTo("view s.tv depends on table s.t\n"
                    + "constraint c_id_fkey on table c depends on table s.t\n"
                    + "table s.child depends on table s.t");
            session.execute("DROP TABLE s.child").close();
            e = failure(session, "DROP TABLE s.t");
            assertThat(e.getMessage()).isEqualTo("cannot drop table s.t because other objects depend on it");
            assertThat(e.detail()).isEqualTo("view s.tv depends on table s.t\n"
                    + "constraint c_id_fkey on table c depends on table s.t");
            session.execute("SET search_path = s").close();
            e = failure(session, "DROP TABLE t");
            assertThat(e.getMessage()).isEqualTo("cannot drop table t because other objects depend on it");
            assertThat(e.detail()).isEqualTo("view tv depends on table t\n"
                    + "constraint c_id_fkey on table public.c depends on table t");
            session.execute("DROP VIEW tv").close();
            try (var result = session.execute("DROP TABLE t CASCADE")) {
                assertThat(result.notices()).containsExactly("drop cascades to constraint c_id_fkey on table public.c");
            }
        }
    }
}
