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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ALTER TABLE while other sessions read and write the same table: the ALTER TABLE waits for the transactions that
 * use the table and holds back those that come after it (table locks, as in PostgreSQL); readers and writers fail
 * with nothing but 40001, no acknowledged insert is lost, and the database reopens to the same rows.
 */
class AlterTableConcurrencyTest {
    private static final Set<SqlState> EXPLAINED = Set.of(SqlState.SERIALIZATION_FAILURE);

    @TempDir
    Path directory;

    private static long count(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return Long.parseLong(result.getText(0, 0));
        }
    }

    @Test
    void readersAndWritersSurviveRepeatedRewrites() throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> unexplained = new ConcurrentLinkedQueue<>();
        AtomicLong inserted = new AtomicLong();
        try (Database db = Basalt.open(directory)) {
            try (Session setup = db.connect()) {
                setup.execute("CREATE TABLE t (id integer, v text)").close();
                setup.execute("INSERT INTO t SELECT g, 'v' || g FROM generate_series(1, 5000) AS g").close();
            }
            inserted.set(5000);
            AtomicBoolean done = new AtomicBoolean();
            Thread reader = new Thread(() -> {
                try (Session session = db.connect()) {
                    while (!done.get()) {
                        try {
                            assertThat(count(session, "SELECT count(*) FROM t")).isGreaterThanOrEqualTo(5000);
                        } catch (BasaltException failure) {
                            if (!EXPLAINED.contains(failure.sqlState())) {
                                unexplained.add(failure);
                            }
                        } catch (Throwable failure) {
                            unexplained.add(failure);
                        }
                    }
                }
            });
            Thread writer = new Thread(() -> {
                try (Session session = db.connect()) {
                    for (int i = 0; !done.get(); i++) {
                        try {
                            session.execute("INSERT INTO t (id) VALUES (" + (100000 + i) + ")").close();
                            inserted.incrementAndGet();
                        } catch (BasaltException failure) {
                            if (!EXPLAINED.contains(failure.sqlState())) {
                                unexplained.add(failure);
                            }
                        } catch (Throwable failure) {
                            unexplained.add(failure);
                        }
                    }
                }
            });
            reader.start();
            writer.start();
            try (Session alter = db.connect()) {
                for (int i = 0; i < 40; i++) {
                    alter.execute("ALTER TABLE t ADD COLUMN c" + i + " integer DEFAULT " + i).close();
                    alter.execute("ALTER TABLE t ALTER COLUMN v TYPE " + (i % 2 == 0 ? "varchar(20)" : "text")).close();
                    alter.execute("ALTER TABLE t DROP COLUMN c" + i).close();
                }
            } finally {
                done.set(true);
                reader.join();
                writer.join();
            }
            assertThat(unexplained).isEmpty();
            try (Session check = db.connect()) {
                assertThat(count(check, "SELECT count(*) FROM t")).isEqualTo(inserted.get());
            }
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(count(session, "SELECT count(*) FROM t")).isEqualTo(inserted.get());
            assertThat(count(session, "SELECT count(*) FROM t WHERE v = 'v' || id")).isEqualTo(5000);
            try (QueryResult columns = session.query("SELECT * FROM t LIMIT 1")) {
                assertThat(columns.columns()).hasSize(2);
            }
        }
    }

    @Test
    void rewriteKeepsRowIdsSoLaterLoggedDeletesReplay() {
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            session.execute("CREATE TABLE t (id integer, v text)").close();
            session.execute("INSERT INTO t SELECT g, 'x' FROM generate_series(1, 100) AS g").close();
            session.execute("DELETE FROM t WHERE id % 3 = 0").close();
            session.execute("ALTER TABLE t ADD COLUMN w integer DEFAULT 7").close();
            session.execute("UPDATE t SET w = id WHERE id % 5 = 0").close();
            session.execute("DELETE FROM t WHERE id % 7 = 0").close();
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            long expected = 0;
            long sum = 0;
            for (int id = 1; id <= 100; id++) {
                if (id % 3 != 0 && id % 7 != 0) {
                    expected++;
                    sum += id % 5 == 0 ? id : 7;
                }
            }
            assertThat(count(session, "SELECT count(*) FROM t")).isEqualTo(expected);
            assertThat(count(session, "SELECT sum(w) FROM t")).isEqualTo(sum);
            assertThat(List.of(count(session, "SELECT count(*) FROM t WHERE id % 7 = 0"))).containsExactly(0L);
        }
    }

    @Test
    void anAlterationWaitsForATransactionThatWroteTheTableAndKeepsItsRows() throws Exception {
        try (Database db = Basalt.open(directory); Session writer = db.connect(); Session alter = db.connect()) {
            writer.execute("CREATE TABLE t (id integer)").close();
            writer.execute("INSERT INTO t VALUES (1)").close();
            writer.execute("BEGIN").close();
            writer.execute("INSERT INTO t VALUES (2)").close();
            java.util.concurrent.CompletableFuture<String> added = WaitingStatements.inBackground(alter,
                    "ALTER TABLE t ADD COLUMN c integer DEFAULT 5", io.basalt.api.QueryResult::commandTag);
            WaitingStatements.awaitWaiting(1);
            assertThat(added).isNotDone();
            writer.execute("COMMIT").close();
            assertThat(added.get()).isEqualTo("ALTER TABLE");
            writer.execute("BEGIN").close();
            writer.execute("INSERT INTO t VALUES (3, 6)").close();
            java.util.concurrent.CompletableFuture<String> retyped = WaitingStatements.inBackground(alter,
                    "ALTER TABLE t ALTER COLUMN c TYPE bigint", io.basalt.api.QueryResult::commandTag);
            WaitingStatements.awaitWaiting(1);
            writer.execute("COMMIT").close();
            assertThat(retyped.get()).isEqualTo("ALTER TABLE");
            assertThat(count(alter, "SELECT count(*) FROM t")).isEqualTo(3);
            assertThat(count(alter, "SELECT sum(c) FROM t")).isEqualTo(16);
        }
        try (Database db = Basalt.open(directory); Session session = db.connect()) {
            assertThat(count(session, "SELECT count(*) FROM t")).isEqualTo(3);
            assertThat(count(session, "SELECT sum(c) FROM t")).isEqualTo(16);
        }
    }
}
