package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link Statement#setQueryTimeout} and {@link Statement#cancel} through the driver: a statement running past its
 * timeout, or cancelled from another thread, fails with SQLSTATE 57014 and the connection runs the next one.
 */
class StatementCancelJdbcTest {
    private static final String ENDLESS = "SELECT sum(g) FROM generate_series(1, 100000000000) g";

    @Test
    void queryTimeoutCancelsTheStatement() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(1);
            assertThat(statement.getQueryTimeout()).isEqualTo(1);
            assertThatThrownBy(() -> statement.executeQuery(ENDLESS))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            try (ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(42);
            }
            assertThatThrownBy(() -> statement.setQueryTimeout(-1)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void cancelFromAnotherThreadStopsTheRunningStatement() throws Exception {
        ExecutorService client = Executors.newSingleThreadExecutor();
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.cancel(); // nothing runs: nothing happens
            Future<?> running = client.submit(() -> {
                try (ResultSet rows = statement.executeQuery(ENDLESS)) {
                    return rows.next();
                }
            });
            // Cancel until the statement has failed: a cancel that arrives before it starts does nothing.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!running.isDone()) {
                assertThat(System.nanoTime()).as("the statement never stopped").isLessThan(deadline);
                statement.cancel();
                Thread.sleep(20);
            }
            assertThatThrownBy(running::get).cause()
                    .isInstanceOfSatisfying(SQLException.class, e -> {
                        assertThat(e.getSQLState()).isEqualTo("57014");
                        assertThat(e.getMessage()).contains("canceling statement due to user request");
                    });
            try (ResultSet rows = statement.executeQuery("SELECT 7")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(7);
            }
        } finally {
            client.shutdownNow();
        }
    }
}
