package io.basalt.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Transactions of many sessions at once, one thread each: the bank-transfer invariant (the sum of the balances
 * never changes, for any reader at any moment) at each isolation level, no lost update at REPEATABLE READ nor for
 * READ COMMITTED's {@code x = x + 1}, and no write skew at SERIALIZABLE. A transaction that fails with 40001, or
 * with 40P01 (transfers lock their two rows in either order, so they deadlock now and then, as in PostgreSQL), is
 * retried, as an application would; the tests count what committed, never how long anything took.
 */
class TransactionConcurrencyTest {
    private static final int ACCOUNTS = 8;
    private static final int INITIAL_BALANCE = 1000;

    /** Runs {@code work} on {@code threads} threads, each with its own session, and rethrows the first failure. */
    private static void onThreads(Database database, int threads, SessionWork work) throws InterruptedException {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int number = t;
            Thread thread = new Thread(() -> {
                try (Session session = database.connect()) {
                    work.run(session, number);
                } catch (Throwable failure) {
                    failures.add(failure);
                }
            });
            thread.start();
            running.add(thread);
        }
        for (Thread thread : running) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a session failed", failures.peek());
            failures.forEach(error::addSuppressed);
            throw error;
        }
    }

    @FunctionalInterface
    private interface SessionWork {
        void run(Session session, int thread) throws Exception;
    }

    /** Runs {@code statements} as one transaction, again from the start while it fails with 40001 or 40P01. */
    private static int retried(Session session, String begin, String... statements) {
        for (int attempt = 1; ; attempt++) {
            try {
                session.execute(begin).close();
                for (String statement : statements) {
                    session.execute(statement).close();
                }
                session.execute("COMMIT").close();
                return attempt;
            } catch (BasaltException failure) {
                session.execute("ROLLBACK").close();
                if (failure.sqlState() != SqlState.SERIALIZATION_FAILURE
                        && failure.sqlState() != SqlState.DEADLOCK_DETECTED) {
                    throw failure;
                }
            }
        }
    }

    private static long single(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return Long.parseLong(result.getText(0, 0));
        }
    }

    private static void createAccounts(Session session) {
        session.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance bigint NOT NULL)").close();
        session.execute("INSERT INTO accounts SELECT i, " + INITIAL_BALANCE + " FROM generate_series(1, " + ACCOUNTS
                + ") AS i").close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"})
    void bankTransfersKeepTheSum(String level) throws InterruptedException {
        int writers = 6;
        int transfers = 60;
        try (Database database = Basalt.inMemory()) {
            try (Session session = database.connect()) {
                createAccounts(session);
            }
            AtomicInteger writersDone = new AtomicInteger();
            List<Long> sumsSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
            onThreads(database, writers + 1, (session, thread) -> {
                if (thread == writers) {
                    // A reader: every snapshot, of one statement or of a whole transaction, holds the same sum.
                    while (writersDone.get() < writers) {
                        sumsSeen.add(single(session, "SELECT sum(balance) FROM accounts"));
                        session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
                        long first = single(session, "SELECT sum(balance) FROM accounts");
                        long second = single(session, "SELECT sum(balance) FROM accounts WHERE id <= 4")
                                + single(session, "SELECT sum(balance) FROM accounts WHERE id > 4");
                        session.execute("COMMIT").close();
                        sumsSeen.add(first);
                        sumsSeen.add(second);
                    }
                    return;
                }
                Random random = new Random(thread);
                try {
                    for (int k = 0; k < transfers; k++) {
                        int from = 1 + random.nextInt(ACCOUNTS);
                        int to = 1 + (from + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                        int amount = 1 + random.nextInt(50);
                        retried(session, "BEGIN ISOLATION LEVEL " + level,
                                "UPDATE accounts SET balance = balance - " + amount + " WHERE id = " + from,
                                "UPDATE accounts SET balance = balance + " + amount + " WHERE id = " + to);
                    }
                } finally {
                    writersDone.incrementAndGet();
                }
            });
            try (Session session = database.connect()) {
                assertThat(single(session, "SELECT sum(balance) FROM accounts")).isEqualTo(ACCOUNTS * INITIAL_BALANCE);
                assertThat(single(session, "SELECT count(*) FROM accounts")).isEqualTo(ACCOUNTS);
            }
            assertThat(sumsSeen).isNotEmpty().containsOnly((long) ACCOUNTS * INITIAL_BALANCE);
        }
    }

    @Test
    void repeatableReadLosesNoUpdate() throws InterruptedException {
        int threads = 6;
        int increments = 40;
        try (Database database = Basalt.inMemory()) {
            try (Session session = database.connect()) {
                session.execute("CREATE TABLE counter (id int PRIMARY KEY, value bigint)").close();
                session.execute("INSERT INTO counter VALUES (1, 0)").close();
            }
            AtomicInteger retries = new AtomicInteger();
            onThreads(database, threads, (session, thread) -> {
                for (int k = 0; k < increments; k++) {
                    // read, then write what was read plus one: without first-committer-wins two would write the same
                    for (int attempt = 1; ; attempt++) {
                        try {
                            session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ").close();
                            long read = single(session, "SELECT value FROM counter WHERE id = 1");
                            session.execute("UPDATE counter SET value = " + (read + 1) + " WHERE id = 1").close();
                            session.execute("COMMIT").close();
                            break;
                        } catch (BasaltException failure) {
                            session.execute("ROLLBACK").close();
                            assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
                            retries.incrementAndGet();
                        }
                    }
                }
            });
            try (Session session = database.connect()) {
                assertThat(single(session, "SELECT value FROM counter")).isEqualTo((long) threads * increments);
            }
        }
    }

    @Test
    void readCommittedIncrementsInPlace() throws InterruptedException {
        int threads = 6;
        int increments = 50;
        try (Database database = Basalt.inMemory()) {
            try (Session session = database.connect()) {
                session.execute("CREATE TABLE counter (id int PRIMARY KEY, value bigint)").close();
                session.execute("INSERT INTO counter VALUES (1, 0)").close();
            }
            onThreads(database, threads, (session, thread) -> {
                for (int k = 0; k < increments; k++) {
                    // autocommit at READ COMMITTED: PostgreSQL never fails this statement, nor does Basalt
                    session.execute("UPDATE counter SET value = value + 1 WHERE id = 1").close();
                }
            });
            try (Session session = database.connect()) {
                assertThat(single(session, "SELECT value FROM counter")).isEqualTo((long) threads * increments);
            }
        }
    }

    @Test
    void serializablePreventsWriteSkew() throws InterruptedException {
        int doctors = 4;
        try (Database database = Basalt.inMemory()) {
            try (Session session = database.connect()) {
                session.execute("CREATE TABLE doctors (id int PRIMARY KEY, on_call boolean NOT NULL)").close();
            }
            for (int round = 0; round < 15; round++) {
                try (Session session = database.connect()) {
                    session.execute("DELETE FROM doctors").close();
                    session.execute("INSERT INTO doctors SELECT i, true FROM generate_series(1, " + doctors + ") i")
                            .close();
                }
                // every doctor leaves if someone else is still on call: at least one must stay
                onThreads(database, doctors, (session, thread) -> {
                    for (int attempt = 1; ; attempt++) {
                        try {
                            session.execute("BEGIN ISOLATION LEVEL SERIALIZABLE").close();
                            long onCall = single(session, "SELECT count(*) FROM doctors WHERE on_call");
                            if (onCall >= 2) {
                                session.execute("UPDATE doctors SET on_call = false WHERE id = " + (thread + 1)).close();
                            }
                            session.execute("COMMIT").close();
                            return;
                        } catch (BasaltException failure) {
                            session.execute("ROLLBACK").close();
                            assertThat(failure.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE);
                        }
                    }
                });
                try (Session session = database.connect()) {
                    assertThat(single(session, "SELECT count(*) FROM doctors WHERE on_call")).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void uncommittedRowsAndKeysStayPrivate() {
        try (Database database = Basalt.inMemory();
             Session first = database.connect();
             Session second = database.connect()) {
            first.execute("CREATE TABLE t (id int PRIMARY KEY)").close();
            first.execute("BEGIN").close();
            first.execute("INSERT INTO t VALUES (1)").close();
            assertThat(single(second, "SELECT count(*) FROM t")).isZero();
            // the second session's insert of the same key waits for the first, and fails with 23505 once it commits
            java.util.concurrent.CompletableFuture<Void> waiting = java.util.concurrent.CompletableFuture.runAsync(
                    () -> second.execute("INSERT INTO t VALUES (1)").close(), runnable -> new Thread(runnable).start());
            while (io.basalt.storage.lock.LockWaits.waitingTransactions() < 1) {
                Thread.onSpinWait();
            }
            first.execute("COMMIT").close();
            org.assertj.core.api.Assertions.assertThatThrownBy(waiting::join)
                    .hasCauseInstanceOf(BasaltException.class)
                    .satisfies(failure -> assertThat(((BasaltException) failure.getCause()).sqlState())
                            .isEqualTo(SqlState.UNIQUE_VIOLATION));
            assertThat(single(first, "SELECT count(*) FROM t")).isEqualTo(1);
            first.execute("INSERT INTO t VALUES (2)").close();
            assertThat(single(second, "SELECT count(*) FROM t")).isEqualTo(2);
        }
    }
}
