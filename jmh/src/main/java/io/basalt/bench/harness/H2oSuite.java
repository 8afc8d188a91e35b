package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedTable;
import io.basalt.datasets.h2o.GroupByParameters;
import io.basalt.datasets.h2o.GroupByTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The H2O.ai db-benchmark group-by suite: table {@code x} of N rows and the benchmark's ten group-by
 * questions in their PostgreSQL-dialect form, kept in the resource {@code h2o-groupby.sql} (one
 * statement per question, each preceded by a {@code -- name: description} line).
 */
final class H2oSuite implements Suite {
    private static final String QUESTIONS = "h2o-groupby.sql";

    private final GroupByParameters parameters;

    H2oSuite(GroupByParameters parameters) {
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return "h2o";
    }

    @Override
    public String parameters() {
        return parameters.datasetName();
    }

    @Override
    public List<GeneratedTable> tables() {
        return List.of(new GroupByTable(parameters));
    }

    @Override
    public List<BenchmarkQuery> queries() {
        try (InputStream in = H2oSuite.class.getResourceAsStream(QUESTIONS)) {
            if (in == null) {
                throw new IllegalStateException("resource " + QUESTIONS + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Statements separated by {@code ;}, each named by the {@code -- name: ...} line before it. */
    static List<BenchmarkQuery> parse(String text) {
        List<BenchmarkQuery> queries = new ArrayList<>();
        String name = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                int colon = trimmed.indexOf(':');
                if (sql.isEmpty() && colon > 2) {
                    name = trimmed.substring(2, colon).strip();
                }
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            sql.append(sql.isEmpty() ? "" : "\n").append(line);
            if (trimmed.endsWith(";")) {
                if (name == null) {
                    throw new IllegalArgumentException("unnamed question: " + sql);
                }
                queries.add(BenchmarkQuery.of(name, sql.toString()));
                sql.setLength(0);
                name = null;
            }
        }
        return queries;
    }

    @Override
    public long rowsPerQuery() {
        return parameters.rows();
    }
}
