package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import org.junit.jupiter.api.Test;

/**
 * The NOTICEs of DROP / ALTER ... IF EXISTS (the sqllogictest runner does not compare notices; the statements'
 * effects are in {@code ddl/if_exists.test}): a name in a schema that does not exist is skipped with
 * {@code schema "s" does not exist, skipping}, types and routines are named as written, and DROP SCHEMA ... CASCADE
 * lists what it drops. Expected texts from PostgreSQL 15.
 */
class IfExistsNoticesTest {
    private static void assertNotices(Session session, String sql, String... expected) {
        try (var result = session.execute(sql)) {
            assertThat(result.notices()).as(sql).containsExactly(expected);
        }
    }

    @Test
    void namesInMissingSchemasAreSkipped() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE TABLE t (a int)").close();
            String skipped = "schema \"nothere\" does not exist, skipping";
            for (String kind : new String[] {"TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "TYPE",
                    "DOMAIN"}) {
                assertNotices(session, "DROP " + kind + " IF EXISTS nothere.t", skipped);
            }
            assertNotices(session, "DROP FUNCTION IF EXISTS nothere.f()", skipped);
            assertNotices(session, "DROP PROCEDURE IF EXISTS nothere.f()", skipped);
            assertNotices(session, "DROP AGGREGATE IF EXISTS nothere.f(int)", skipped);
            assertNotices(session, "DROP TRIGGER IF EXISTS x ON nothere.t", skipped);
            assertNotices(session, "DROP POLICY IF EXISTS x ON nothere.t", skipped);
            assertNotices(session, "DROP RULE IF EXISTS x ON nothere.t", skipped);
            assertNotices(session, "DROP TABLE IF EXISTS public.t, nothere.t", skipped);
            assertNotices(session, "ALTER TABLE IF EXISTS nothere.t ADD COLUMN b int",
                    "relation \"t\" does not exist, skipping");
            assertNotices(session, "ALTER SEQUENCE IF EXISTS nothere.t RESTART",
                    "relation \"t\" does not exist, skipping");
        }
    }

    @Test
    void missingObjectsAreNamedAsWritten() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE SCHEMA ie").close();
            session.execute("CREATE TABLE ie.t (a int)").close();
            session.execute("CREATE DOMAIN ie.posint AS int CHECK (VALUE > 0)").close();
            assertNotices(session, "ALTER DOMAIN ie.posint DROP CONSTRAINT IF EXISTS nothere",
                    "constraint \"nothere\" of domain \"ie.posint\" does not exist, skipping");
            assertNotices(session, "DROP FUNCTION IF EXISTS ie.nothere()", "function ie.nothere() does not exist, skipping");
            assertNotices(session, "DROP PROCEDURE IF EXISTS ie.nothere()",
                    "procedure ie.nothere() does not exist, skipping");
            assertNotices(session, "DROP TRIGGER IF EXISTS nothere ON ie.t",
                    "trigger \"nothere\" for relation \"ie.t\" does not exist, skipping");
            assertNotices(session, "DROP POLICY IF EXISTS nothere ON ie.t",
                    "policy \"nothere\" for relation \"ie.t\" does not exist, skipping");
            assertNotices(session, "DROP RULE IF EXISTS nothere ON ie.t",
                    "rule \"nothere\" for relation \"ie.t\" does not exist, skipping");
            assertNotices(session, "DROP TYPE IF EXISTS ie.nothere", "type \"ie.nothere\" does not exist, skipping");
            assertNotices(session, "DROP DOMAIN IF EXISTS ie.nothere", "type \"ie.nothere\" does not exist, skipping");
            assertNotices(session, "DROP TABLE IF EXISTS ie.nothere", "table \"nothere\" does not exist, skipping");
            assertNotices(session, "DROP INDEX IF EXISTS ie.nothere", "index \"nothere\" does not exist, skipping");
        }
    }

    @Test
    void dropSchemaCascadeListsWhatItDrops() {
        try (Database db = Basalt.inMemory(); Session session = db.connect()) {
            session.execute("CREATE SCHEMA ie").close();
            session.execute("CREATE TABLE ie.p (a int) PARTITION BY LIST (a)").close();
            session.execute("CREATE TABLE ie.p1 PARTITION OF ie.p FOR VALUES IN (1)").close();
            session.execute("CREATE TABLE ie.t (a int)").close();
            session.execute("CREATE TYPE ie.mood AS ENUM ('a', 'b')").close();
            session.execute("CREATE DOMAIN ie.posint AS int CHECK (VALUE > 0)").close();
            session.execute("CREATE FUNCTION ie.f() RETURNS int LANGUAGE sql AS 'SELECT 1'").close();
            assertNotices(session, "DROP SCHEMA ie CASCADE", "drop cascades to 5 other objects\n"
                    + "DETAIL:  drop cascades to table ie.p\n"
                    + "drop cascades to table ie.t\n"
                    + "drop cascades to type ie.mood\n"
                    + "drop cascades to type ie.posint\n"
                    + "drop cascades to function ie.f()");
        }
    }
}
