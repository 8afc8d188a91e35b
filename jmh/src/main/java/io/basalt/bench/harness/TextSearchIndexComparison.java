package io.basalt.bench.harness;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full text search with and without a GIN index over {@code to_tsvector('english', body)}: Basalt (scan, GIN) and
 * PostgreSQL 15 (the server at {@code basalt.bench.postgres}: sequential scan, GIN). Both build the same documents
 * with the same SQL ({@code generate_series} and word lists indexed by arithmetic on the row number): eight common
 * English words per document and one of 5,000 rare tokens. Every engine runs on one thread (PostgreSQL without
 * parallel workers). Per query and configuration: one warm-up run, then the median of {@code runs} runs, in
 * milliseconds; the counts must agree. DuckDB is left out: its full text search (the fts extension's BM25 index) is
 * another model, not {@code @@}. Usage: {@code TextSearchIndexComparison [rows] [runs]}.
 */
public final class TextSearchIndexComparison {
    private static final String POSTGRES_URL = System.getProperty("basalt.bench.postgres",
            "jdbc:postgresql://localhost:54331/postgres?user=postgres");
    private static final String WORDS = "ARRAY['apple', 'river', 'quick', 'brown', 'fox', 'jumps', 'lazy', 'dog', "
            + "'running', 'mountain', 'silver', 'engine', 'garden', 'winter', 'summer', 'ocean', 'forest', 'stone', "
            + "'market', 'letter', 'window', 'purple', 'golden', 'shadow', 'thunder', 'island', 'village', 'castle', "
            + "'bridge', 'harbor', 'meadow', 'canyon', 'desert', 'valley', 'rocket', 'planet', 'comet', 'galaxy', "
            + "'signal', 'battery', 'circuit', 'network', 'program', 'compiler', 'database', 'index', 'query', "
            + "'column', 'vector', 'memory']";

    /** A query in PostgreSQL's dialect (Basalt's too): a condition on the documents. */
    private record Query(String name, String condition) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("rare token (0.02%)", "to_tsvector('english', body) @@ 'w1234'::tsquery"),
            new Query("two words (2.3%)", "to_tsvector('english', body) @@ to_tsquery('english', 'apple & rivers')"),
            new Query("one word (15.5%)", "to_tsvector('english', body) @@ to_tsquery('english', 'galaxy')"),
            new Query("phrase (0.6%)", "to_tsvector('english', body) @@ phraseto_tsquery('english', 'quick brown')"),
            new Query("prefix or rare (0.24%)",
                    "to_tsvector('english', body) @@ to_tsquery('english', 'w123:* | w4321')"));

    private TextSearchIndexComparison() {
    }

    /** The statement that fills table {@code table} with {@code rows} documents, the same in both engines. */
    private static String fill(String table, long rows) {
        StringBuilder body = new StringBuilder();
        long[] steps = {7, 13, 29, 31, 37, 43, 47, 53};
        for (int k = 0; k < steps.length; k++) {
            body.append("(").append(WORDS).append(")[1 + (g * ").append(steps[k]).append(" + ").append(k * 11)
                    .append(" + g / 50) % 50] || ' ' || ");
        }
        body.append("'w' || ((g * 7919) % 5000)");
        return "INSERT INTO " + table + " SELECT g, " + body + " FROM generate_series(1, " + rows + ") g";
    }

    public static void main(String[] arguments) throws Exception {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 200_000;
        int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
        double[][] times = new double[QUERIES.size()][4];
        long[] counts = new long[QUERIES.size()];
        Arrays.fill(counts, -1);
        try (BasaltEngine basalt = new BasaltEngine(1)) {
            long start = System.nanoTime();
            basalt.run("CREATE TABLE articles (id bigint, body text)");
            basalt.run(fill("articles", rows));
            System.err.printf("Basalt: loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
            basalt.run("SET enable_bitmapscan = off");
            CountQueries.measure(QUERIES, Query::name, times, counts, 0, runs, q -> count(basalt, q.condition()));
            basalt.run("RESET enable_bitmapscan");
            start = System.nanoTime();
            basalt.run("CREATE INDEX articles_fts ON articles USING gin (to_tsvector('english', body))");
            System.err.printf("Basalt: CREATE INDEX %.0f ms%n", (System.nanoTime() - start) / 1e6);
            CountQueries.measure(QUERIES, Query::name, times, counts, 1, runs, q -> count(basalt, q.condition()));
        }
        try (Connection postgres = DriverManager.getConnection(POSTGRES_URL);
             Statement statement = postgres.createStatement()) {
            long start = System.nanoTime();
            statement.execute("DROP TABLE IF EXISTS fts_bench_articles");
            statement.execute("CREATE UNLOGGED TABLE fts_bench_articles (id bigint, body text)");
            statement.execute(fill("fts_bench_articles", rows));
            statement.execute("VACUUM ANALYZE fts_bench_articles");
            System.err.printf("PostgreSQL: loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
            statement.execute("SET max_parallel_workers_per_gather = 0");
            statement.execute("SET enable_bitmapscan = off");
            CountQueries.measure(QUERIES, Query::name, times, counts, 2, runs, q -> count(statement, q.condition()));
            statement.execute("RESET enable_bitmapscan");
            start = System.nanoTime();
            statement.execute("CREATE INDEX fts_bench_articles_fts ON fts_bench_articles USING gin "
                    + "(to_tsvector('english', body))");
            System.err.printf("PostgreSQL: CREATE INDEX %.0f ms%n", (System.nanoTime() - start) / 1e6);
            statement.execute("VACUUM ANALYZE fts_bench_articles");
            CountQueries.measure(QUERIES, Query::name, times, counts, 3, runs, q -> count(statement, q.condition()));
            statement.execute("DROP TABLE fts_bench_articles");
        }
        List<String> lines = new ArrayList<>();
        lines.add("| query | Basalt scan | Basalt GIN | PG seq scan | PG GIN | rows |");
        lines.add("|---|---:|---:|---:|---:|---:|");
        for (int q = 0; q < QUERIES.size(); q++) {
            StringBuilder line = new StringBuilder("| " + QUERIES.get(q).name() + " |");
            for (double time : times[q]) {
                line.append(String.format(" %.1f |", time));
            }
            lines.add(line.append(' ').append(counts[q]).append(" |").toString());
        }
        System.out.println("rows=" + rows + " runs=" + runs + " (median ms, one thread each)");
        lines.forEach(System.out::println);
    }

    private static long count(QueryEngine engine, String condition) {
        return CountQueries.count(engine, "SELECT count(*) FROM articles WHERE " + condition);
    }

    private static long count(Statement statement, String condition) throws SQLException {
        return CountQueries.count(statement, "SELECT count(*) FROM fts_bench_articles WHERE " + condition);
    }
}
