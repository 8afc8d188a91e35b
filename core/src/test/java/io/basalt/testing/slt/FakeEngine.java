package io.basalt.testing.slt;

import io.basalt.api.CatalogView;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.ResultColumn;
import io.basalt.api.Session;
import io.basalt.type.LogicalType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A hand-written stand-in for Basalt behind the Java API, for testing the runner without the engine.
 * It answers SQL text it was told about: rows for a query, an exception for a failure; any other
 * statement succeeds without rows. It records what ran on which session, and counts databases and
 * sessions opened and closed, so tests can check restarts and cleanup.
 */
final class FakeEngine {
    private final Map<String, FakeQueryResult> answers = new HashMap<>();
    private final Map<String, RuntimeException> failures = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private int databasesOpened;
    private int databasesOpen;
    private int sessionsOpened;
    private int sessionsOpen;

    /** {@code sql} returns these rows; {@code null} in a row is SQL NULL. */
    FakeEngine answer(String sql, List<ResultColumn> columns, List<List<String>> rows) {
        answers.put(sql, new FakeQueryResult(columns, rows));
        return this;
    }

    /** A one-column answer, each value a row. */
    FakeEngine answer(String sql, LogicalType type, String... values) {
        List<List<String>> rows = new ArrayList<>();
        for (String value : values) {
            rows.add(Arrays.asList(value));
        }
        return answer(sql, List.of(new ResultColumn("c", type)), rows);
    }

    FakeEngine fail(String sql, RuntimeException error) {
        failures.put(sql, error);
        return this;
    }

    /** What ran, as {@code "session <n>: <sql>"} in order. */
    List<String> log() {
        return log;
    }

    int databasesOpened() {
        return databasesOpened;
    }

    int databasesOpen() {
        return databasesOpen;
    }

    int sessionsOpen() {
        return sessionsOpen;
    }

    Database open() {
        databasesOpened++;
        databasesOpen++;
        return new FakeDatabase();
    }

    private QueryResult run(int session, String sql) {
        log.add("session " + session + ": " + sql);
        RuntimeException failure = failures.get(sql);
        if (failure != null) {
            throw failure;
        }
        FakeQueryResult answer = answers.get(sql);
        return answer != null ? answer : new FakeQueryResult(List.of(), List.of());
    }

    private final class FakeDatabase implements Database {
        @Override
        public Session connect() {
            sessionsOpened++;
            sessionsOpen++;
            return new FakeSession(sessionsOpened);
        }

        @Override
        public Optional<Path> path() {
            return Optional.empty();
        }

        @Override
        public void close() {
            databasesOpen--;
        }
    }

    private final class FakeSession implements Session {
        private final int number;

        FakeSession(int number) {
            this.number = number;
        }

        @Override
        public QueryResult execute(String sql, Object... parameters) {
            return run(number, sql);
        }

        @Override
        public QueryResult query(String sql, Object... parameters) {
            return run(number, sql);
        }

        @Override
        public long append(String table, VectorSchemaRoot rows) {
            throw new UnsupportedOperationException("the runner never appends");
        }

        @Override
        public CatalogView catalog() {
            throw new UnsupportedOperationException("the runner never reads the catalog");
        }

        @Override
        public void close() {
            sessionsOpen--;
        }
    }

    /** Rows held as text; {@link #getText} is all the runner reads. */
    private record FakeQueryResult(List<ResultColumn> columns, List<List<String>> rows) implements QueryResult {
        @Override
        public boolean returnsRows() {
            return !columns.isEmpty();
        }

        @Override
        public Schema schema() {
            List<Field> fields = new ArrayList<>();
            for (ResultColumn column : columns) {
                fields.add(column.type().arrowField(column.name()));
            }
            return new Schema(fields);
        }

        @Override
        public List<VectorSchemaRoot> batches() {
            return List.of();
        }

        @Override
        public long rowCount() {
            return rows.size();
        }

        @Override
        public String commandTag() {
            return returnsRows() ? "SELECT " + rows.size() : "OK";
        }

        /** No notices; declared without @Override so the fake compiles before and after the API gains it. */
        public List<String> notices() {
            return List.of();
        }

        @Override
        public String getText(long row, int column) {
            return rows.get((int) row).get(column);
        }

        @Override
        public void close() {
        }
    }
}
