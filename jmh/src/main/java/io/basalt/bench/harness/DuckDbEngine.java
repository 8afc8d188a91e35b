package io.basalt.bench.harness;

import io.basalt.datasets.CreateTableStatement;
import io.basalt.datasets.GeneratedTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * DuckDB in memory, in this JVM, through its JDBC driver ({@code jdbc:duckdb:}) with {@code SET threads}.
 * Rows go in through DuckDB's appender; a timed query reads every row of its result set.
 */
final class DuckDbEngine implements QueryEngine {
    private final Connection connection;

    DuckDbEngine(int threads) {
        this(threads, null);
    }

    /** DuckDB on the database file {@code file} (null: in memory). */
    DuckDbEngine(int threads, java.nio.file.Path file) {
        try {
            connection = DriverManager.getConnection(file == null ? "jdbc:duckdb:" : "jdbc:duckdb:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + threads);
            }
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "duckdb";
    }

    @Override
    public String version() {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT version()")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "unknown";
        }
    }

    @Override
    public void createTable(GeneratedTable table) {
        try (Statement statement = connection.createStatement()) {
            // DuckDB's json extension calls its type JSON (text underneath); jsonb columns become that
            statement.execute(CreateTableStatement.of(table.name(), table.columns(),
                    type -> type.id() == io.basalt.type.TypeId.JSONB ? "JSON" : CreateTableStatement.sqlType(type)));
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public void append(String table, VectorSchemaRoot batch) {
        try (DuckDBAppender appender = ((DuckDBConnection) connection).createAppender(table)) {
            DuckDbBatchAppender.append(appender, batch);
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public long execute(String sql) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            long rows = 0;
            while (result.next()) {
                rows++;
            }
            return rows;
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public void fetch(String sql, RowSink sink) {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            int count = metadata.getColumnCount();
            List<String> names = new ArrayList<>(count);
            for (int c = 1; c <= count; c++) {
                names.add(metadata.getColumnLabel(c));
            }
            sink.columns(names);
            Object[] row = new Object[count];
            while (result.next()) {
                for (int c = 0; c < count; c++) {
                    row[c] = ResultTable.normalize(result.getObject(c + 1));
                }
                sink.row(row);
            }
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public void run(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new EngineFailure(e.getMessage(), e);
        }
    }
}
