import io.basalt.api.CatalogView;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.api.Session;
import io.basalt.cli.BasaltCommand;
import io.basalt.cli.fake.FakeQueryResult;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.type.LogicalType;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * A development check, not a unit test: runs the basalt shell with a real PostgreSQL server in
 * place of the engine (through JDBC), so that the shell's own behaviour (echo, splitting, formats,
 * error rendering) can be diffed against psql's output on the same scripts without the engine.
 * Command tags are not available through JDBC, so run it with -q; NOTICEs are not relayed.
 * See run.sh beside it.
 */
public final class ShellOverPostgres {
    private ShellOverPostgres() {
    }

    public static void main(String[] arguments) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", System.getenv().getOrDefault("PGUSER", "postgres"));
        properties.setProperty("options", System.getenv().getOrDefault("PG_OPTIONS", "-c TimeZone=UTC -c DateStyle=ISO,MDY"));
        Connection connection = DriverManager.getConnection(System.getenv("PG_URL"), properties);
        Session session = new Session() {
            @Override
            public QueryResult execute(String sql, Object... parameters) {
                try (Statement statement = connection.createStatement()) {
                    if (!statement.execute(sql)) {
                        return FakeQueryResult.command("TAG", statement.getUpdateCount());
                    }
                    ResultSet rows = statement.getResultSet();
                    ResultSetMetaData meta = rows.getMetaData();
                    List<ResultColumn> columns = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        columns.add(new ResultColumn(meta.getColumnLabel(i), typeOf(meta.getColumnTypeName(i))));
                    }
                    List<List<String>> values = new ArrayList<>();
                    while (rows.next()) {
                        List<String> row = new ArrayList<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.add(rows.getString(i));
                        }
                        values.add(row);
                    }
                    return FakeQueryResult.rows(columns, values);
                } catch (PSQLException e) {
                    ServerErrorMessage message = e.getServerErrorMessage();
                    BasaltException error = BasaltException.at(SqlState.INTERNAL_ERROR, message.getPosition(), message.getMessage());
                    error = message.getDetail() == null ? error : error.withDetail(message.getDetail());
                    throw message.getHint() == null ? error : error.withHint(message.getHint());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public QueryResult query(String sql, Object... parameters) {
                return execute(sql, parameters);
            }

            @Override
            public long append(String table, VectorSchemaRoot rows) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CatalogView catalog() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
        Database database = new Database() {
            @Override
            public Session connect() {
                return session;
            }

            @Override
            public Optional<Path> path() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.exit(new BasaltCommand(System.in, out, System.err, path -> database, null, false).run(arguments));
    }

    /** psql right-aligns these PostgreSQL types; the rest print left-aligned. */
    private static LogicalType typeOf(String postgresType) {
        return switch (postgresType) {
            case "int2", "int4", "int8", "oid", "serial", "bigserial", "smallserial" -> LogicalType.INTEGER;
            case "float4", "float8" -> LogicalType.DOUBLE;
            case "numeric" -> LogicalType.NUMERIC;
            default -> LogicalType.TEXT;
        };
    }
}
