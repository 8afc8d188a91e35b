package io.basalt.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting as a role: through the Java API ({@code connect(user)}) and through JDBC's {@code user} property, with the
 * bootstrap superuser {@code basalt} as the default, and the errors for roles that do not exist or may not log in.
 */
class SessionUserTest {
    @TempDir
    Path directory;

    private static String text(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }

    @Test
    void defaultSessionIsTheBootstrapSuperuser() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            assertThat(text(session, "SELECT current_user")).isEqualTo("basalt");
            assertThat(text(session, "SELECT session_user")).isEqualTo("basalt");
        }
    }

    @Test
    void sessionAsRoleSeesOnlyWhatItWasGranted() {
        try (Database database = Basalt.open(directory.resolve("db"))) {
            try (Session admin = database.connect()) {
                admin.execute("CREATE USER reader").close();
                admin.execute("CREATE TABLE secrets (id integer, body text)").close();
                admin.execute("CREATE TABLE notes (id integer)").close();
                admin.execute("INSERT INTO notes VALUES (7)").close();
                admin.execute("GRANT SELECT ON notes TO reader").close();
            }
            try (Session reader = database.connect("reader")) {
                assertThat(text(reader, "SELECT current_user")).isEqualTo("reader");
                assertThat(text(reader, "SELECT id FROM notes")).isEqualTo("7");
                assertThatThrownBy(() -> reader.query("SELECT * FROM secrets"))
                        .isInstanceOfSatisfying(BasaltException.class, e -> {
                            assertThat(e.sqlState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE);
                            assertThat(e.getMessage()).isEqualTo("permission denied for table secrets");
                        });
            }
        }
        // the role and its grant were logged: they are back after reopening
        try (Database database = Basalt.open(directory.resolve("db"));
             Session reader = database.connect("reader")) {
            assertThat(text(reader, "SELECT id FROM notes")).isEqualTo("7");
            assertThatThrownBy(() -> reader.query("SELECT * FROM secrets")).isInstanceOf(BasaltException.class);
        }
    }

    @Test
    void unknownRolesAndRolesWithoutLoginAreRefused() {
        try (Database database = Basalt.inMemory()) {
            try (Session admin = database.connect()) {
                admin.execute("CREATE ROLE grouprole").close();
            }
            assertThatThrownBy(() -> database.connect("nobody"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo(SqlState.INVALID_AUTHORIZATION_SPECIFICATION);
                        assertThat(e.getMessage()).isEqualTo("role \"nobody\" does not exist");
                    });
            assertThatThrownBy(() -> database.connect("grouprole"))
                    .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("role \"grouprole\" is not permitted to log in"));
        }
    }

    @Test
    void jdbcConnectsAsTheUserProperty() throws SQLException {
        String url = "jdbc:basalt:" + directory.resolve("jdbc");
        try (Connection admin = DriverManager.getConnection(url); Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER app");
            statement.execute("CREATE TABLE t (a integer)");
            assertThat(admin.getMetaData().getUserName()).isEqualTo("basalt");
            Properties properties = new Properties();
            properties.setProperty("user", "app");
            try (Connection app = DriverManager.getConnection(url, properties);
                 Statement appStatement = app.createStatement()) {
                assertThat(app.getMetaData().getUserName()).isEqualTo("app");
                try (ResultSet rows = appStatement.executeQuery("SELECT session_user")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo("app");
                }
                assertThatThrownBy(() -> appStatement.executeQuery("SELECT * FROM t"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied for table t");
            }
        }
    }
}
