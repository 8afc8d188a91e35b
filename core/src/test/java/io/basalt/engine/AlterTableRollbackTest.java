package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE in a transaction block ({@link AlterTableUndo}): ROLLBACK and ROLLBACK TO SAVEPOINT undo it, other
 * sessions may not write or alter the table until the block ends, and only a committed ALTER TABLE survives
 * close/reopen, a checkpoint taken while the block was open, and a crash.
 */
class AlterTableRollbackTest {
    @TempDir
    Path directory;

    private static void run(Session session, String... statements) {
        for (String sql : statements) {
            session.execute(sql).close();
        }
    }

    @Test
    void rollbackUndoesEveryFormAndSavepointsCutBack() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            run(session, "CREATE TABLE t (a int PRIMARY KEY, b text)", "INSERT INTO t VALUES (1, 'x'), (2, 'y')",
                    "CREATE TABLE r (a int REFERENCES t)", "BEGIN",
                    "ALTER TABLE t ADD COLUMN c int DEFAULT 5", "ALTER TABLE t DROP COLUMN b",
                    "ALTER TABLE t ALTER COLUMN c TYPE text", "ALTER TABLE t ALTER COLUMN c SET NOT NULL",
                    "ALTER TABLE t ADD CONSTRAINT positive CHECK (a > 0)", "SAVEPOINT s",
                    "ALTER TABLE t RENAME COLUMN a TO id", "ALTER TABLE t RENAME TO renamed");
            assertThat(SessionRows.rows(session, "SELECT * FROM renamed ORDER BY id")).containsExactly("1|5", "2|5");
            run(session, "ROLLBACK TO SAVEPOINT s");
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|5", "2|5");
            run(session, "ROLLBACK");
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|x", "2|y");
            assertThat(SessionRows.rows(session, "SELECT conname FROM pg_constraint WHERE conrelid = 't'::regclass "
                    + "AND contype <> 'n' ORDER BY conname")).containsExactly("t_pkey");
            run(session, "INSERT INTO t VALUES (3, NULL), (-4, 'minus')");
            assertThatThrownBy(() -> run(session, "INSERT INTO r VALUES (9)"))
                    .isInstanceOf(BasaltException.class).hasMessageContaining("violates foreign key constraint");
            run(session, "BEGIN", "ALTER TABLE t ADD COLUMN d int DEFAULT 1", "ROLLBACK",
                    "ALTER TABLE t ADD COLUMN d int DEFAULT 2");
            assertThat(SessionRows.rows(session, "SELECT a, d FROM t ORDER BY a")).containsExactly("-4|2", "1|2", "2|2", "3|2");
        }
    }

    @Test
    void anotherSessionWaitsToWriteOrAlterTheTableUntilTheBlockEnds() {
        try (Database database = Basalt.inMemory(); Session session = database.connect();
             Session other = database.connect()) {
            run(session, "CREATE TABLE t (a int)", "INSERT INTO t VALUES (1)", "BEGIN",
                    "ALTER TABLE t ADD COLUMN b int DEFAULT 2");
            run(other, "SET lock_timeout = '20ms'");
            for (String statement : List.of("INSERT INTO t VALUES (5, 5)", "ALTER TABLE t ADD COLUMN c int",
                    "DROP TABLE t", "SELECT * FROM t")) {
                assertThatThrownBy(() -> run(other, statement)).isInstanceOf(BasaltException.class)
                        .hasMessage("canceling statement due to lock timeout");
            }
            run(session, "INSERT INTO t VALUES (3, 4)", "COMMIT");
            run(other, "INSERT INTO t VALUES (5, 6)");
            assertThat(SessionRows.rows(other, "SELECT * FROM t ORDER BY a")).containsExactly("1|2", "3|4", "5|6");
        }
    }

    @Test
    void rowsTheTransactionInsertedBeforeItsAddColumnGetTheDefaultAndSurviveReopen() {
        Path path = directory.resolve("widened");
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            run(session, "CREATE TABLE t (a int PRIMARY KEY)", "INSERT INTO t VALUES (1)", "BEGIN",
                    "INSERT INTO t VALUES (2)", "ALTER TABLE t ADD COLUMN b int DEFAULT 7", "INSERT INTO t VALUES (3, 8)",
                    "COMMIT");
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|7", "2|7", "3|8");
        }
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|7", "2|7", "3|8");
        }
    }

    @Test
    void aRewriteAfterTheTransactionChangedTheTableIsRefusedAtOnce() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            run(session, "CREATE TABLE t (a int, b int)", "INSERT INTO t VALUES (1, 1)", "BEGIN",
                    "INSERT INTO t VALUES (2, 2)");
            assertThatThrownBy(() -> run(session, "ALTER TABLE t ALTER COLUMN b TYPE bigint"))
                    .isInstanceOf(BasaltException.class)
                    .hasMessage("cannot rewrite table \"t\" after the same transaction changed its rows");
            run(session, "ROLLBACK", "BEGIN", "ALTER TABLE t ALTER COLUMN b TYPE bigint", "INSERT INTO t VALUES (2, 2)",
                    "COMMIT");
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|1", "2|2");
        }
    }

    @Test
    void onlyCommittedAlterationsSurviveReopen() {
        Path path = directory.resolve("db");
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            run(session, "CREATE TABLE t (a int, b text)", "INSERT INTO t VALUES (1, 'x')",
                    "BEGIN", "ALTER TABLE t ADD COLUMN c int DEFAULT 3", "INSERT INTO t VALUES (2, 'y', 4)",
                    "ALTER TABLE t RENAME b TO bb", "COMMIT",
                    "BEGIN", "ALTER TABLE t DROP COLUMN bb", "ALTER TABLE t RENAME TO gone", "ROLLBACK",
                    "BEGIN", "ALTER TABLE t ALTER COLUMN a TYPE text", "SAVEPOINT s",
                    "ALTER TABLE t DROP COLUMN c", "ROLLBACK TO s", "INSERT INTO t VALUES ('z', 'zz', 5)", "COMMIT");
        }
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|x|3", "2|y|4", "z|zz|5");
            assertThat(SessionRows.rows(session, "SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute "
                    + "WHERE attrelid = 't'::regclass AND attnum > 0 ORDER BY attnum"))
                    .containsExactly("a|text", "bb|text", "c|integer");
        }
    }

    @Test
    void aCrashKeepsTheCommittedAlterationsAndDropsTheOpenOnes() throws Exception {
        Path path = directory.resolve("db");
        Path errors = directory.resolve("child-errors.txt");
        Process child = ChildJvm.of(AlterTableCrashChild.class, errors, path.toString()).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).as("child output; errors: %s", TransactionCrashTest.errorsOf(errors))
                    .isEqualTo("ready");
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        try (Database database = Basalt.open(path); Session session = database.connect()) {
            assertThat(SessionRows.rows(session, "SELECT * FROM t ORDER BY a")).containsExactly("1|x|7", "2|y|7", "3|z|9");
            assertThat(SessionRows.rows(session, "SELECT format_type(atttypid, atttypmod) FROM pg_attribute "
                    + "WHERE attrelid = 't'::regclass AND attname = 'a'")).containsExactly("bigint");
            assertThat(SessionRows.rows(session, "SELECT count(*) FROM pg_class WHERE relname = 'u'")).containsExactly("0");
        }
    }
}
