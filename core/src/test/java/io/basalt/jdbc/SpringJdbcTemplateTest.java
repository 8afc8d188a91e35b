package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The driver as Spring's JdbcTemplate uses it: a DataSource opening a connection per operation (a named in-memory
 * database kept alive by one open connection), queries with row mappers, updates with parameters, batches,
 * generated keys, exception translation by SQLSTATE, and transactions through Spring's transaction manager.
 */
class SpringJdbcTemplateTest {
    private static final String URL = "jdbc:basalt:mem:spring";

    private Connection keepAlive;
    private JdbcTemplate jdbc;
    private DriverManagerDataSource dataSource;

    @BeforeEach
    void open() throws SQLException {
        keepAlive = DriverManager.getConnection(URL);
        dataSource = new DriverManagerDataSource(URL);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE customers (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE,"
                + " joined date, balance numeric(10,2), token uuid)");
    }

    @AfterEach
    void close() throws SQLException {
        jdbc.execute("DROP TABLE customers");
        keepAlive.close();
    }

    @Test
    void queriesAndUpdates() {
        UUID token = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(jdbc.update("INSERT INTO customers (email, joined, balance, token) VALUES (?, ?, ?, ?)",
                "ann@example.com", LocalDate.of(2024, 1, 15), new BigDecimal("10.50"), token)).isEqualTo(1);
        int[] counts = jdbc.batchUpdate("INSERT INTO customers (email, balance) VALUES (?, ?)", List.of(
                new Object[] {"bob@example.com", 20}, new Object[] {"cy@example.com", null}));
        assertThat(counts).containsExactly(1, 1);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers", Long.class)).isEqualTo(3L);
        assertThat(jdbc.queryForObject("SELECT token FROM customers WHERE email = ?", UUID.class, "ann@example.com"))
                .isEqualTo(token);
        assertThat(jdbc.queryForObject("SELECT joined FROM customers WHERE email = ?", LocalDate.class,
                "ann@example.com")).isEqualTo(LocalDate.of(2024, 1, 15));
        List<String> emails = jdbc.query("SELECT email, balance FROM customers ORDER BY id",
                (row, number) -> row.getString("email") + "=" + row.getBigDecimal("balance"));
        assertThat(emails).containsExactly("ann@example.com=10.50", "bob@example.com=20.00", "cy@example.com=null");
        List<Map<String, Object>> maps = jdbc.queryForList("SELECT id, email FROM customers WHERE balance > ?", 15);
        assertThat(maps).containsExactly(Map.of("id", 2L, "email", "bob@example.com"));

        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        assertThat(named.queryForObject("SELECT email FROM customers WHERE id = :id",
                new MapSqlParameterSource("id", 3), String.class)).isEqualTo("cy@example.com");
    }

    @Test
    void generatedKeys() {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement("INSERT INTO customers (email) VALUES (?)",
                    new String[] {"id"});
            statement.setString(1, "dee@example.com");
            return statement;
        }, keys);
        assertThat(keys.getKey()).isEqualTo(1L);
    }

    @Test
    void exceptionsAreTranslatedBySqlState() {
        jdbc.update("INSERT INTO customers (email) VALUES (?)", "ann@example.com");
        assertThatThrownBy(() -> jdbc.update("INSERT INTO customers (email) VALUES (?)", "ann@example.com"))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> jdbc.update("INSERT INTO customers (email) VALUES (NULL)"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.queryForList("SELECT nope FROM customers"))
                .isInstanceOf(BadSqlGrammarException.class);
    }

    @Test
    void transactionsThroughTheTransactionManager() throws SQLException {
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO customers (email) VALUES (?)", "rolled@example.com");
            throw new IllegalStateException("abort");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM customers", Integer.class)).isZero();
        transactions.executeWithoutResult(status ->
                jdbc.update("INSERT INTO customers (email) VALUES (?)", "kept@example.com"));
        try (Statement statement = keepAlive.createStatement();
             var rows = statement.executeQuery("SELECT email FROM customers")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept@example.com");
        }
    }
}
