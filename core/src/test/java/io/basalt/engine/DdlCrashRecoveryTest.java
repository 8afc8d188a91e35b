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

    /**
     * DDL going down a hierarchy that fails on its last child (CREATE UNIQUE INDEX on a partitioned table, ATTACH
     * PARTITION, ALTER TABLE ADD CONSTRAINT / ALTER TYPE / ADD COLUMN on an inheritance parent, TRUNCATE, DROP
     * TABLE ... CASCADE naming a missing table) leaves nothing behind after a crash: the reopened database has the
     * state before each failed statement, as PostgreSQL's.
     */
    @Test
    void failedHierarchyStatementsLeaveNothingAfterACrash() throws Exception {
        Path database = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        String fails = StatementsCrashChild.FAILS;
        Process child = ChildJvm.of(StatementsCrashChild.class, errors, database.toString(),
                "CREATE TABLE pt (k int, v text) PARTITION BY RANGE (k)",
                "CREATE TABLE pt1 PARTITION OF pt FOR VALUES FROM (0) TO (10)",
                "CREATE TABLE pt2 PARTITION OF pt FOR VALUES FROM (10) TO (20)",
                "INSERT INTO pt VALUES (1, 'a'), (11, 'b'), (11, 'c')",
                fails + "CREATE UNIQUE INDEX pt_k ON pt (k)",
                "CREATE TABLE pt3 (k int, v text)",
                "INSERT INTO pt3 VALUES (20, 'c'), (35, 'c')",
                fails + "ALTER TABLE pt ATTACH PARTITION pt3 FOR VALUES FROM (20) TO (30)",
                "CREATE TABLE ref_pt2 (k int)",
                "CREATE TABLE ih (a int, b text)",
                "CREATE TABLE ih1 () INHERITS (ih)",
                "CREATE TABLE ih2 (z int) INHERITS (ih)",
                "INSERT INTO ih VALUES (1, '1')",
                "INSERT INTO ih1 VALUES (2, '2')",
                "INSERT INTO ih2 VALUES (-3, 'x', 0)",
                fails + "ALTER TABLE ih ADD CONSTRAINT ih_a_positive CHECK (a > 0)",
                fails + "ALTER TABLE ih ALTER COLUMN b TYPE int USING b::int",
                "CREATE TABLE ih3 (c text) INHERITS (ih)",
                fails + "ALTER TABLE ih ADD COLUMN c int",
                fails + "DROP TABLE ih, no_such_table CASCADE",
                "BEGIN",
                "TRUNCATE pt",
                "DROP TABLE ih CASCADE",
                "ROLLBACK").start();
        assertThat(child.waitFor()).as("child exit; errors: %s", Files.exists(errors) ? Files.readString(errors)
                : "").isZero();
        try (Database db = Basalt.open(database); Session session = db.connect()) {
            assertThat(rows(session, "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'pt%'"))
                    .containsExactly("0");
            assertThat(rows(session, "SELECT c.relname FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid "
                    + "JOIN pg_class p ON p.oid = h.inhparent WHERE p.relname = 'pt' ORDER BY 1"))
                    .containsExactly("pt1", "pt2");
            assertThat(rows(session, "SELECT k, v FROM pt ORDER BY k, v")).containsExactly("1|a", "11|b", "11|c");
            assertThat(rows(session, "SELECT k FROM pt3 ORDER BY k")).containsExactly("20", "35");
            assertThat(rows(session, "SELECT c.relname, string_agg(a.attname || ':' || format_type(a.atttypid, "
                    + "a.atttypmod), ',' ORDER BY a.attnum) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " WHERE c.relname IN ('ih', 'ih1', 'ih2', 'ih3') AND a.attnum > 0 AND NOT a.attisdropped "
                    + "GROUP BY 1 ORDER BY 1")).containsExactly("ih|a:integer,b:text", "ih1|a:integer,b:text",
                    "ih2|a:integer,b:text,z:integer", "ih3|a:integer,b:text,c:text");
            assertThat(rows(session, "SELECT count(*) FROM pg_constraint n JOIN pg_class c ON c.oid = n.conrelid "
                    + "WHERE c.relname LIKE 'ih%'")).containsExactly("0");
            assertThat(rows(session, "SELECT a, b FROM ih ORDER BY a")).containsExactly("-3|x", "1|1", "2|2");
            // the statements that failed before the crash work once their cause is gone
            session.execute("DELETE FROM pt WHERE v = 'c'").close();
            session.execute("CREATE UNIQUE INDEX pt_k ON pt (k)").close();
            session.execute("DELETE FROM ih2").close();
            session.execute("ALTER TABLE ih ADD CONSTRAINT ih_a_positive CHECK (a > 0)").close();
            assertThat(rows(session, "SELECT count(*) FROM pg_indexes WHERE tablename LIKE 'pt%'"))
                    .containsExactly("3");
        }
    }
}
