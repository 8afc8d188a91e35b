package io.basalt.cli.fake;

import io.basalt.api.CatalogView;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A hand-written engine session for the shell's tests: it answers the statements a test taught it
 * (by text, with runs of blanks counted as one space and a trailing semicolon ignored), fails any other statement with a syntax error at
 * its first character, remembers what it ran, and shows the tables a test declared to {@code \d}.
 */
public final class FakeSession implements Session {
    private final Map<String, Supplier<QueryResult>> answers = new HashMap<>();
    private final List<String> executed = new ArrayList<>();
    private final List<CatalogView.TableInfo> tables = new ArrayList<>();
    private boolean closed;

    /** Answers {@code sql} with the result {@code answer} makes each time. */
    public FakeSession on(String sql, Supplier<QueryResult> answer) {
        answers.put(normalize(sql), answer);
        return this;
    }

    /** Answers {@code sql} by throwing {@code error}. */
    public FakeSession failing(String sql, BasaltException error) {
        answers.put(normalize(sql), () -> {
            throw error;
        });
        return this;
    }

    public FakeSession withTable(CatalogView.TableInfo table) {
        tables.add(table);
        return this;
    }

    /** The statements executed so far, as the shell sent them. */
    public List<String> executed() {
        return executed;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public QueryResult execute(String sql, Object... parameters) {
        executed.add(sql);
        Supplier<QueryResult> answer = answers.get(normalize(sql));
        if (answer == null) {
            String token = sql.strip().split("\\s+")[0];
            throw BasaltException.at(SqlState.SYNTAX_ERROR, 1, "syntax error at or near \"" + token + "\"");
        }
        return answer.get();
    }

    @Override
    public QueryResult query(String sql, Object... parameters) {
        return execute(sql, parameters);
    }

    @Override
    public long append(String table, VectorSchemaRoot rows) {
        throw new UnsupportedOperationException("append is not faked");
    }

    @Override
    public CatalogView catalog() {
        return new CatalogView() {
            @Override
            public List<TableInfo> tables() {
                return List.copyOf(tables);
            }

            @Override
            public Optional<TableInfo> table(String name) {
                for (TableInfo table : tables) {
                    if (table.name().equals(name) || (table.schema() + "." + table.name()).equals(name)) {
                        return Optional.of(table);
                    }
                }
                return Optional.empty();
            }
        };
    }

    @Override
    public void close() {
        closed = true;
    }

    private static String normalize(String sql) {
        String text = sql.strip().replaceAll("\\s+", " ");
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }
}
