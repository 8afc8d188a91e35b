package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.type.json.Jsonb;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.PGConnection;

/**
 * Containment and existence filters over {@link JsonDocumentTable}'s product-like documents with and without GIN
 * indexes: Basalt (scan, GIN jsonb_ops, GIN jsonb_path_ops), DuckDB (its json extension over the same documents as
 * JSON text: {@code json_contains}, {@code json_exists}) and PostgreSQL 15 (the server at {@code basalt.bench.postgres},
 * default port 54331: sequential scan, GIN jsonb_ops, GIN jsonb_path_ops; loaded with COPY). Every engine runs on one
 * thread (PostgreSQL without parallel workers). Per query and configuration: {@code warmups} untimed runs (5 unless
 * given: after one, Basalt's lookups of a few milliseconds are still being compiled), then the median of {@code runs}
 * runs, in milliseconds; the counts must agree. Usage: {@code JsonIndexComparison [rows] [runs] [warmups]}.
 */
public final class JsonIndexComparison {
    private static final String POSTGRES_URL = System.getProperty("basalt.bench.postgres",
            "jdbc:postgresql://localhost:54331/postgres?user=postgres");
    private static final String PG_TABLE = "basalt_gin_bench_docs";

    /** A query in PostgreSQL's dialect (Basalt's too) and in DuckDB's. */
    private record Query(String name, String condition, String duckDbCondition) {
    }

    private static final List<Query> QUERIES = List.of(
            new Query("contains brand (2%)", "doc @> '{\"brand\": \"brand-7\"}'",
                    "json_contains(doc, '{\"brand\": \"brand-7\"}')"),
            new Query("contains brand+cpu (0.1%)", "doc @> '{\"brand\": \"brand-7\", \"specs\": {\"cpu\": \"cpu-3\"}}'",
                    "json_contains(doc, '{\"brand\": \"brand-7\", \"specs\": {\"cpu\": \"cpu-3\"}}')"),
            new Query("contains tag (~35%)", "doc @> '{\"tags\": [\"eco\"]}'",
                    "json_contains(doc, '{\"tags\": [\"eco\"]}')"),
            new Query("exists gpu (10%)", "doc ? 'gpu'", "json_exists(doc, '$.gpu')"),
            new Query("exists any (10%)", "doc ?| ARRAY['gpu', 'nothing']",
                    "(json_exists(doc, '$.gpu') OR json_exists(doc, '$.nothing'))"));

    private JsonIndexComparison() {
    }

    public static void main(String[] arguments) throws Exception {
        long rows = arguments.length > 0 ? Long.parseLong(arguments[0]) : 1_000_000;
        int runs = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 5;
        int warmups = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 5;
        JsonDocumentTable table = new JsonDocumentTable(rows);
        List<String> lines = new ArrayList<>();
        lines.add("| query | Basalt scan | Basalt GIN ops | Basalt GIN path | DuckDB | PG seq | PG GIN ops | PG GIN path |"
                + " rows |");
        lines.add("|---|---|---|---|---|---|---|---|---|");
        double[][] times = new double[QUERIES.size()][7];
        long[] counts = new long[QUERIES.size()];
        Arrays.fill(counts, -1);
        try (BasaltEngine basalt = new BasaltEngine(1)) {
            load(basalt, table);
            basalt.run("SET enable_bitmapscan = off");
            CountQueries.measure(QUERIES, Query::name, times, counts, 0, warmups, runs,
                    q -> count(basalt, q.condition()));
            basalt.run("RESET enable_bitmapscan");
            long start = System.nanoTime();
            basalt.run("CREATE INDEX docs_ops ON docs USING gin (doc)");
            System.err.printf("Basalt: CREATE INDEX jsonb_ops %.0f ms%n", (System.nanoTime() - start) / 1e6);
            CountQueries.measure(QUERIES, Query::name, times, counts, 1, warmups, runs,
                    q -> count(basalt, q.condition()));
            basalt.run("DROP INDEX docs_ops");
            start = System.nanoTime();
            basalt.run("CREATE INDEX docs_path ON docs USING gin (doc jsonb_path_ops)");
            System.err.printf("Basalt: CREATE INDEX jsonb_path_ops %.0f ms%n", (System.nanoTime() - start) / 1e6);
            CountQueries.measure(QUERIES, Query::name, times, counts, 2, warmups, runs,
                    q -> count(basalt, q.condition()));
        }
        try (DuckDbEngine duckdb = new DuckDbEngine(1)) {
            load(duckdb, table);
            CountQueries.measure(QUERIES, Query::name, times, counts, 3, warmups, runs,
                    q -> count(duckdb, q.duckDbCondition()));
        }
        try (Connection postgres = DriverManager.getConnection(POSTGRES_URL);
             Statement statement = postgres.createStatement()) {
            loadPostgres(postgres, statement, rows);
            statement.execute("SET max_parallel_workers_per_gather = 0");
            statement.execute("SET enable_bitmapscan = off");
            CountQueries.measure(QUERIES, Query::name, times, counts, 4, warmups, runs,
                    q -> count(statement, q.condition()));
            statement.execute("RESET enable_bitmapscan");
            statement.execute("CREATE INDEX " + PG_TABLE + "_ops ON " + PG_TABLE + " USING gin (doc)");
            statement.execute("VACUUM ANALYZE " + PG_TABLE);
            statement.execute("SET enable_seqscan = off");
            CountQueries.measure(QUERIES, Query::name, times, counts, 5, warmups, runs,
                    q -> count(statement, q.condition()));
            statement.execute("DROP INDEX " + PG_TABLE + "_ops");
            statement.execute("CREATE INDEX " + PG_TABLE + "_path ON " + PG_TABLE + " USING gin (doc jsonb_path_ops)");
            statement.execute("VACUUM ANALYZE " + PG_TABLE);
            CountQueries.measure(QUERIES, Query::name, times, counts, 6, warmups, runs,
                    q -> count(statement, q.condition()));
            statement.execute("DROP TABLE " + PG_TABLE);
        }
        for (int q = 0; q < QUERIES.size(); q++) {
            StringBuilder line = new StringBuilder("| " + QUERIES.get(q).name() + " |");
            for (double time : times[q]) {
                line.append(Double.isNaN(time) ? " - |" : String.format(" %.1f |", time));
            }
            lines.add(line.append(' ').append(counts[q]).append(" |").toString());
        }
        System.out.println("rows=" + rows + " runs=" + runs + " warmups=" + warmups + " (median ms, one thread each)");
        lines.forEach(System.out::println);
    }

    private static long count(QueryEngine engine, String condition) {
        return CountQueries.count(engine, "SELECT count(*) FROM docs WHERE " + condition);
    }

    private static long count(Statement statement, String condition) throws SQLException {
        return CountQueries.count(statement, "SELECT count(*) FROM " + PG_TABLE + " WHERE " + condition);
    }

    private static void load(QueryEngine engine, JsonDocumentTable table) {
        long start = System.nanoTime();
        engine.createTable(table);
        try (BufferAllocator allocator = MemoryRoots.newRoot("json index comparison load", Long.MAX_VALUE);
             GeneratedBatches batches = new GeneratedBatches(table, allocator, 65_536)) {
            for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                engine.append(table.name(), batch);
            }
        }
        System.err.printf("%s: loaded in %.0f ms%n", engine.name(), (System.nanoTime() - start) / 1e6);
    }

    /** The same documents (same generator and seed) into PostgreSQL through COPY, in slices of 100,000 rows. */
    private static void loadPostgres(Connection postgres, Statement statement, long rows) throws Exception {
        long start = System.nanoTime();
        statement.execute("DROP TABLE IF EXISTS " + PG_TABLE);
        statement.execute("CREATE UNLOGGED TABLE " + PG_TABLE + " (id bigint, doc jsonb)");
        var copy = postgres.unwrap(PGConnection.class).getCopyAPI();
        SplittableRandom random = new SplittableRandom(7);
        long id = 0;
        while (id < rows) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 100_000 && id < rows; i++, id++) {
                String document = Jsonb.of(JsonDocumentTable.document(random)).toString();
                text.append(id).append('\t').append(document.replace("\\", "\\\\")).append('\n');
            }
            copy.copyIn("COPY " + PG_TABLE + " FROM STDIN", new StringReader(text.toString()));
        }
        statement.execute("VACUUM ANALYZE " + PG_TABLE);
        System.err.printf("PostgreSQL: loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }
}
