package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import org.junit.jupiter.api.Test;

/**
 * What FOREIGN KEY violations and the statements they stop tell the user beyond SQLSTATE and message (the
 * sqllogictest runner compares only those): DETAIL, HINT and NOTICE lines, as PostgreSQL 15 writes them.
 */
class ForeignKeyMessagesTest {
    private static void setUp(Session session) {
        session.execute("CREATE TABLE p (id integer PRIMARY KEY, code text, n numeric(6,2), UNIQUE (code, n))").close();
        session.execute("CREATE TABLE c (pid integer REFERENCES p, code text, n numeric(6,2), "
                + "FOREIGN KEY (code, n) REFERENCES p (code, n) MATCH FULL)").close();
        session.execute("INSERT INTO p VALUES (1, 'a', 1.5), (2, 'b', 2)").close();
        session.execute("INSERT INTO c VALUES (1, 'a', 1.5)").close();
    }

    private static BasaltException failure(Session session, String sql) {
        try {
            session.execute(sql).close();
        } catch (BasaltException e) {
            return e;
        }
        throw new AssertionError("no error from " + sql);
    }

    @Test
    void missingKeyNamesTheReferencingColumnsAndValues() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            setUp(session);
            BasaltException e = failure(session, "INSERT INTO c VALUES (1, 'a', 2)");
            assertThat(e.sqlState()).isEqualTo(SqlState.FOREIGN_KEY_VIOLATION);
            assertThat(e.getMessage())
                    .isEqualTo("insert or update on table \"c\" violates foreign key constraint \"c_code_n_fkey\"");
            assertThat(e.detail()).isEqualTo("Key (code, n)=(a, 2.00) is not present in table \"p\".");
            e = failure(session, "INSERT INTO c VALUES (3, NULL, NULL)");
            assertThat(e.detail()).isEqualTo("Key (pid)=(3) is not present in table \"p\".");
            e = failure(session, "INSERT INTO c VALUES (NULL, 'a', NULL)");
            assertThat(e.detail()).isEqualTo("MATCH FULL does not allow mixing of null and nonnull key values.");
        }
    }

    @Test
    void referencedKeyNamesTheReferencedColumnsAndValues() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            setUp(session);
            BasaltException e = failure(session, "UPDATE p SET n = 3 WHERE id = 1");
            assertThat(e.getMessage()).isEqualTo("update or delete on table \"p\" violates foreign key constraint "
                    + "\"c_code_n_fkey\" on table \"c\"");
            assertThat(e.detail()).isEqualTo("Key (code, n)=(a, 1.50) is still referenced from table \"c\".");
            e = failure(session, "DELETE FROM p");
            assertThat(e.detail()).isEqualTo("Key (id)=(1) is still referenced from table \"c\".");
        }
    }

    @Test
    void incompatibleTypesAreExplained() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            setUp(session);
            BasaltException e = failure(session, "CREATE TABLE bad (x text REFERENCES p)");
            assertThat(e.sqlState()).isEqualTo(SqlState.DATATYPE_MISMATCH);
            assertThat(e.getMessage()).isEqualTo("foreign key constraint \"bad_x_fkey\" cannot be implemented");
            assertThat(e.detail())
                    .isEqualTo("Key columns \"x\" and \"id\" are of incompatible types: text and integer.");
        }
    }

    @Test
    void dropAndTruncateNameWhatDependsOnTheTable() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            setUp(session);
            session.execute("CREATE TABLE d (x integer REFERENCES p)").close();
            BasaltException e = failure(session, "DROP TABLE p");
            assertThat(e.sqlState()).isEqualTo(SqlState.DEPENDENT_OBJECTS_STILL_EXIST);
            assertThat(e.getMessage()).isEqualTo("cannot drop table p because other objects depend on it");
            assertThat(e.detail()).isEqualTo("constraint c_pid_fkey on table c depends on table p\n"
                    + "constraint c_code_n_fkey on table c depends on table p\n"
                    + "constraint d_x_fkey on table d depends on table p");
            assertThat(e.hint()).isEqualTo("Use DROP ... CASCADE to drop the dependent objects too.");
            e = failure(session, "TRUNCATE p");
            assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
            assertThat(e.detail()).isEqualTo("Table \"c\" references \"p\".");
            assertThat(e.hint()).isEqualTo("Truncate table \"c\" at the same time, or use TRUNCATE ... CASCADE.");
            try (QueryResult result = session.execute("TRUNCATE p CASCADE")) {
                assertThat(result.notices()).containsExactly("truncate cascades to table \"c\"",
                        "truncate cascades to table \"d\"");
            }
            try (QueryResult result = session.execute("DROP TABLE d, p CASCADE")) {
                assertThat(result.notices()).containsExactly("drop cascades to 2 other objects\n"
                        + "DETAIL:  drop cascades to constraint c_pid_fkey on table c\n"
                        + "drop cascades to constraint c_code_n_fkey on table c");
            }
            session.execute("INSERT INTO c VALUES (7, 'z', NULL)").close();
        }
    }
}
