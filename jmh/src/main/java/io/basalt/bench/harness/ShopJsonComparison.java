package io.basalt.bench.harness;

import io.basalt.datasets.GeneratedBatches;
import io.basalt.datasets.shop.ProductAttributesTable;
import io.basalt.exec.memory.MemoryRoots;
import io.basalt.storage.file.BufferCache;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.postgresql.PGConnection;

/**
 * The json suite's filters ({@link JsonSuite#FILTERS}) over the shop data set's products ({@link
 * ProductAttributesTable}) in four engines, counts checked equal: Basalt on disk (loaded into a new directory under
 * {@code dir}, checkpointed, reopened for each configuration, default buffer cache), DuckDB in memory (JSON text),
 * PostgreSQL 15 without an index and with a GIN jsonb_ops index on {@code attributes} (the server at {@code
 * basalt.bench.postgres}; with the index, enable_seqscan off). Basalt runs {@code rounds} times alternately with the
 * buffer cache's old admission ({@code lru}: every chunk that fits, least recently used evicted) and its frequency
 * admission, each after reopening the database, so that the A/B comparison shares one load and one session.
 * Every engine gets {@code threads} threads (PostgreSQL {@code threads - 1} parallel workers). Per query and
 * configuration: {@code warmups} untimed runs, then the median of {@code runs}, in ms. With
 * {@code -Dbasalt.bench.skip_postgres=true} PostgreSQL is left out; with {@code -Dbasalt.bench.checkpoint_only=true}
 * the run stops after Basalt's load and CHECKPOINT (to time the checkpoint alone). Usage:
 * {@code ShopJsonComparison ROWS RUNS WARMUPS DIR [ROUNDS] [THREADS]}.
 */
public final class ShopJsonComparison {
    private static final String POSTGRES_URL = System.getProperty("basalt.bench.postgres",
            "jdbc:postgresql://localhost:54331/postgres?user=postgres");
    private static final String PG_TABLE = "basalt_shop_products";
    private static final String[] MODES = {"lru", "frequency"};

    private ShopJsonComparison() {
    }

    public static void main(String[] arguments) throws Exception {
        long rows = Long.parseLong(arguments[0]);
        int runs = Integer.parseInt(arguments[1]);
        int warmups = Integer.parseInt(arguments[2]);
        Path directory = Path.of(arguments[3]).resolve("basalt-shop-" + System.currentTimeMillis());
        int rounds = arguments.length > 4 ? Integer.parseInt(arguments[4]) : 2;
        int threads = arguments.length > 5 ? Integer.parseInt(arguments[5]) : 2;
        boolean postgres = !Boolean.getBoolean("basalt.bench.skip_postgres");
        List<JsonSuite.Filter> filters = JsonSuite.FILTERS;
        ProductAttributesTable table = ProductAttributesTable.ofRows(rows);
        int basaltColumns = rounds * MODES.length;
        List<String> headers = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (String mode : MODES) {
                headers.add("Basalt " + mode + " #" + (round + 1));
            }
        }
        headers.addAll(List.of("DuckDB", "PG seq", "PG GIN"));
        double[][] times = new double[filters.size()][headers.size()];
        for (double[] line : times) {
            Arrays.fill(line, Double.NaN);
        }
        long[] counts = new long[filters.size()];
        Arrays.fill(counts, -1);
        Files.createDirectories(directory);
        try (BasaltEngine basalt = new BasaltEngine(threads, directory)) {
            load(basalt, table);
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            basalt.run("CHECKPOINT");
            System.err.printf("Basalt: CHECKPOINT in %.0f ms (process CPU %.0f ms)%n",
                    (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6);
        }
        if (Boolean.getBoolean("basalt.bench.checkpoint_only")) {
            return;
        }
        for (int round = 0; round < rounds; round++) {
            for (int m = 0; m < MODES.length; m++) {
                System.setProperty(BufferCache.ADMISSION_PROPERTY, MODES[m]);
                try (BasaltEngine basalt = new BasaltEngine(threads, directory)) {
                    CountQueries.measure(filters, JsonSuite.Filter::name, times, counts, round * MODES.length + m,
                            warmups, runs, f -> count(basalt, f.condition()));
                }
            }
        }
        System.clearProperty(BufferCache.ADMISSION_PROPERTY);
        try (DuckDbEngine duckdb = new DuckDbEngine(threads)) {
            load(duckdb, table);
            CountQueries.measure(filters, JsonSuite.Filter::name, times, counts, basaltColumns, warmups, runs,
                    f -> count(duckdb, f.duckDbCondition()));
        }
        if (postgres) {
            try (Connection connection = DriverManager.getConnection(POSTGRES_URL);
                 Statement statement = connection.createStatement()) {
                loadPostgres(connection, statement, table);
                statement.execute("SET max_parallel_workers_per_gather = " + (threads - 1));
                statement.execute("SET enable_bitmapscan = off");
                CountQueries.measure(filters, JsonSuite.Filter::name, times, counts, basaltColumns + 1, warmups, runs,
                        f -> count(statement, f.condition()));
                statement.execute("RESET enable_bitmapscan");
                long start = System.nanoTime();
                statement.execute("CREATE INDEX " + PG_TABLE + "_gin ON " + PG_TABLE + " USING gin (attributes)");
                System.err.printf("PostgreSQL: CREATE INDEX gin in %.0f ms%n", (System.nanoTime() - start) / 1e6);
                statement.execute("VACUUM ANALYZE " + PG_TABLE);
                statement.execute("SET enable_seqscan = off");
                CountQueries.measure(filters, JsonSuite.Filter::name, times, counts, basaltColumns + 2, warmups, runs,
                        f -> count(statement, f.condition()));
                statement.execute("DROP TABLE " + PG_TABLE);
            }
        }
        print(rows, runs, warmups, threads, headers, filters, times, counts, basaltColumns);
    }

    private static void print(long rows, int runs, int warmups, int threads, List<String> headers,
                              List<JsonSuite.Filter> filters, double[][] times, long[] counts, int basaltColumns) {
        System.out.println("rows=" + rows + " runs=" + runs + " warmups=" + warmups + " threads=" + threads
                + " (median ms)");
        StringBuilder header = new StringBuilder("| query |");
        headers.forEach(h -> header.append(' ').append(h).append(" |"));
        System.out.println(header.append(" rows |"));
        System.out.println("|---".repeat(headers.size() + 2) + "|");
        for (int q = 0; q < filters.size(); q++) {
            StringBuilder line = new StringBuilder("| " + filters.get(q).name() + " |");
            for (double time : times[q]) {
                line.append(Double.isNaN(time) ? " - |" : String.format(" %.1f |", time));
            }
            System.out.println(line.append(' ').append(counts[q]).append(" |"));
        }
        System.out.println();
        System.out.println("| query | lru / DuckDB | frequency / DuckDB | frequency / PG seq | frequency / PG GIN |");
        System.out.println("|---|---|---|---|---|");
        for (int q = 0; q < filters.size(); q++) {
            double lru = Double.MAX_VALUE;
            double frequency = Double.MAX_VALUE;
            for (int c = 0; c < basaltColumns; c++) {
                if (c % MODES.length == 0) {
                    lru = Math.min(lru, times[q][c]);
                } else {
                    frequency = Math.min(frequency, times[q][c]);
                }
            }
            double[] line = times[q];
            System.out.printf("| %s | %.2f | %.2f | %.2f | %.2f |%n", filters.get(q).name(),
                    lru / line[basaltColumns], frequency / line[basaltColumns],
                    frequency / line[basaltColumns + 1], frequency / line[basaltColumns + 2]);
        }
    }

    private static long count(QueryEngine engine, String condition) {
        return CountQueries.count(engine, "SELECT count(*) FROM products WHERE " + condition);
    }

    private static long count(Statement statement, String condition) throws SQLException {
        return CountQueries.count(statement, "SELECT count(*) FROM " + PG_TABLE + " WHERE " + condition);
    }

    private static void load(QueryEngine engine, ProductAttributesTable table) {
        long start = System.nanoTime();
        engine.createTable(table);
        try (BufferAllocator allocator = MemoryRoots.newRoot("shop json comparison load", Long.MAX_VALUE);
             GeneratedBatches batches = new GeneratedBatches(table, allocator, 65_536)) {
            for (VectorSchemaRoot batch = batches.next(); batch != null; batch = batches.next()) {
                engine.append(table.name(), batch);
            }
        }
        System.err.printf("%s: loaded in %.0f ms%n", engine.name(), (System.nanoTime() - start) / 1e6);
    }

    /** The same products (same generator, scale and seed) into PostgreSQL through COPY, 100,000 rows at a time. */
    private static void loadPostgres(Connection connection, Statement statement, ProductAttributesTable table)
            throws Exception {
        long start = System.nanoTime();
        statement.execute("DROP TABLE IF EXISTS " + PG_TABLE);
        statement.execute("CREATE UNLOGGED TABLE " + PG_TABLE + " (id bigint, attributes jsonb)");
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long count = table.expectedRowCount();
        for (long id = 1; id <= count; ) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 100_000 && id <= count; i++, id++) {
                String document = table.attributes(id);
                text.append(id).append('\t').append(document.replace("\\", "\\\\")).append('\n');
            }
            copy.copyIn("COPY " + PG_TABLE + " FROM STDIN", new StringReader(text.toString()));
        }
        statement.execute("VACUUM ANALYZE " + PG_TABLE);
        System.err.printf("PostgreSQL: loaded in %.0f ms%n", (System.nanoTime() - start) / 1e6);
    }
}
