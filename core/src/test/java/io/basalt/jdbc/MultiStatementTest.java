package io.basalt.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.sql.parser.StatementTexts;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A string of several statements through {@link Statement#execute}: one query string as PostgreSQL's driver sends it
 * (one implicit transaction under autocommit), its results stepped through with getMoreResults; and the splitting of
 * query strings into statements.
 */
class MultiStatementTest {
    @Test
    void resultsComeOneAfterAnother() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            assertThat(statement.execute("CREATE TABLE t (a int); INSERT INTO t VALUES (1), (2); SELECT a FROM t "
                    + "ORDER BY a; UPDATE t SET a = a + 1")).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(2);
            assertThat(statement.getMoreResults()).isTrue();
            try (ResultSet rows = statement.getResultSet()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(2);
                assertThat(rows.next()).isFalse();
            }
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(2);
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
        }
    }

    @Test
    void aFailingStatementRollsBackTheWholeStringUnderAutocommit() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:basalt:mem:");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (a int)");
            assertThatThrownBy(() -> statement.execute("INSERT INTO t VALUES (1); SELECT 1/0"))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(e.getSQLState()).isEqualTo("22012"));
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isZero();
            }
        }
    }

    @Test
    void queryStringsAreCutAtTheirOwnSemicolonsOnly() {
        assertThat(StatementTexts.split("SELECT 1; SELECT ';' ; -- done;\n")).containsExactly("SELECT 1",
                " SELECT ';' ");
        assertThat(StatementTexts.split("SELECT $$a;b$$; SELECT (1);")).containsExactly("SELECT $$a;b$$", " SELECT (1)");
        assertThat(StatementTexts.split("CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END; "
                + "SELECT f()")).containsExactly("CREATE FUNCTION f() RETURNS int BEGIN ATOMIC SELECT 1; SELECT 2; END",
                " SELECT f()");
        assertThat(StatementTexts.split("SELECT 'unterminated; SELECT 2")).containsExactly(
                "SELECT 'unterminated; SELECT 2");
        assertThat(StatementTexts.split("SELECT 1;")).containsExactly("SELECT 1");
    }
}
