package io.basalt.bench.storage;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The on-disk scan figure: {@code SELECT sum(v)} over one compressed BIGINT column of N rows in a database
 * file, Basalt against DuckDB (JDBC, same JVM, same thread count), in rows per second, and variants of it: a sum over a
 * column with NULLs, a sum above a range filter on a sorted key (zone maps decide most row groups) and above a 1%
 * filter on the values (every row group cut). Both databases are built once under DIR by SQL
 * ({@code v = (g * 7919) % 1000000}, {@code n} = v but NULL every tenth row, {@code k = g} for g in 1..N, so both hold
 * the same values; Basalt checkpoints, so the rows sit in compressed row groups; DuckDB checkpoints too) and reused by
 * later runs. Per engine: the database is
 * reopened, the first run is cold (nothing decoded or cached; the OS page cache stays warm), then the median of the
 * warm runs. Basalt's first opening (its figures include compiling the scan's code) is printed apart; then openings
 * alternate, {@code ROUNDS} times, between the values of the system property {@code basalt.encoded_sums} given
 * (default: off, the rows read, and on, summed from the encoded or cached chunks; all decodes outside the cache). The engines run one after the other, never together;
 * both sums are printed and must agree.
 *
 * <p>Usage: {@code OnDiskSumComparison DIR ROWS [warm runs] [threads] [queries, comma-separated: scan-sum,
 * sum-nulls, range-sum, filter-1%-sum; default scan-sum] [encoded_sums values, comma-separated; default off,on]}.
 */
public final class OnDiskSumComparison {
    private static String query = "SELECT sum(v) FROM micro";

    /** The query named {@code name} over {@code rows} rows. */
    private static String queryNamed(String name, long rows) {
        return switch (name) {
            case "scan-sum" -> "SELECT sum(v) FROM micro";
            case "sum-nulls" -> "SELECT sum(n), count(n) FROM micro";
            case "range-sum" -> "SELECT sum(v), count(*) FROM micro WHERE k BETWEEN " + rows / 10 + " AND " + rows * 6 / 10;
            case "filter-1%-sum" -> "SELECT sum(v), count(*) FROM micro WHERE v < 10000";
            default -> throw new IllegalArgumentException("unknown query " + name);
        };
    }

    private OnDiskSumComparison() {
    }

    public static void main(String[] arguments) throws IOException, SQLException {
        Path directory = Path.of(arguments[0]);
        long rows = (long) Double.parseDouble(arguments[1]);
        int warmRuns = arguments.length > 2 ? Integer.parseInt(arguments[2]) : 5;
        int threads = arguments.length > 3 ? Integer.parseInt(arguments[3]) : 2;
        String[] names = (arguments.length > 4 ? arguments[4] : "scan-sum").split(",");
        String[] modes = (arguments.length > 5 ? arguments[5] : "off,on").split(",");
        Files.createDirectories(directory);
        Path basaltDirectory = directory.resolve("basalt-sums-" + rows);
        Path duckdbFile = directory.resolve("duckdb-sums-" + rows + ".db");
        BasaltConfig defaults = BasaltConfig.defaults();
        BasaltConfig config = new BasaltConfig(defaults.vectorSize(), threads, defaults.memoryLimit());
        String generated = "SELECT (g * 7919) % 1000000 AS v, CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 7919) % 1000000"
                + " END AS n, g AS k FROM generate_series(1, " + rows + ") AS t(g)";
        if (!Files.exists(basaltDirectory)) {
            long start = System.nanoTime();
            try (Database db = Basalt.open(basaltDirectory, config); Session session = db.connect()) {
                session.execute("CREATE TABLE micro AS " + generated.replace("(g * 7919)", "(g::bigint * 7919)")
                        .replace("g AS k", "g::bigint AS k"));
                session.execute("CHECKPOINT");
            }
            System.err.printf("basalt: loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
        if (!Files.exists(duckdbFile)) {
            long start = System.nanoTime();
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile);
                 Statement statement = duckdb.createStatement()) {
                statement.execute("SET threads = " + threads);
                statement.execute("CREATE TABLE micro AS SELECT ((g * 7919) % 1000000)::BIGINT AS v, CASE WHEN"
                        + " g % 10 = 0 THEN NULL ELSE ((g * 7919) % 1000000)::BIGINT END AS n, g::BIGINT AS k"
                        + " FROM range(1, " + (rows + 1) + ") AS t(g)");
                statement.execute("CHECKPOINT");
            }
            System.err.printf("duckdb: loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
        }
        for (String name : names) {
            query = queryNamed(name, rows);
            double[] basaltFirstInJvm = new double[warmRuns + 1];
            // After the first opening (which also compiles the scan's code), openings alternate between the modes of
            // StoredChunks' basalt.encoded_sums: A/B in one JVM. Each opening's first run is cold for the data only (nothing decoded or cached), as DuckDB's is.
            double[][][] byMode = new double[ROUNDS][modes.length][];
            String basaltSum = runBasalt(basaltDirectory, config, basaltFirstInJvm, "on");
            for (int round = 0; round < ROUNDS; round++) {
                String first = null;
                for (int m = 0; m < modes.length; m++) {
                    byMode[round][m] = new double[warmRuns + 1];
                    String result = runBasalt(basaltDirectory, config, byMode[round][m], modes[m]);
                    if (first != null && !first.equals(result)) {
                        throw new IllegalStateException("sums differ: " + first + " with " + modes[0] + ", " + result
                                + " with " + modes[m]);
                    }
                    first = result;
                }
            }
            double[] duckdb = new double[warmRuns + 1];
            String duckdbSum = null;
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + duckdbFile);
                 Statement statement = connection.createStatement()) {
                statement.execute("SET threads = " + threads);
                for (int run = 0; run <= warmRuns; run++) {
                    long start = System.nanoTime();
                    try (ResultSet result = statement.executeQuery(query)) {
                        result.next();
                        duckdbSum = result.getString(1) + (result.getMetaData().getColumnCount() > 1
                            ? "/" + result.getString(2) : "");
                    }
                    duckdb[run] = (System.nanoTime() - start) / 1e6;
                }
            }
            System.out.printf("%s: %s; rows %,d, threads %d, results basalt %s duckdb %s%n", name, query, rows, threads,
                    basaltSum, duckdbSum);
            System.out.println("| engine | cold ms | warm ms (median) | warm Mrows/s |");
            System.out.println("|---|---:|---:|---:|");
            print("Basalt (first opening in the JVM)", basaltFirstInJvm, rows);
            for (int round = 0; round < ROUNDS; round++) {
                for (int m = 0; m < modes.length; m++) {
                    print("Basalt, encoded_sums=" + modes[m] + " (round " + (round + 1) + ")", byMode[round][m], rows);
                }
            }
            print("DuckDB", duckdb, rows);
        }
    }

    private static final int ROUNDS = 2;

    /** Opens the database, runs the query {@code runs.length} times into {@code runs} (ms) and returns the sum. */
    private static String runBasalt(Path directory, BasaltConfig config, double[] runs, String encodedSums) {
        System.setProperty("basalt.encoded_sums", encodedSums);
        String sum = null;
        try (Database db = Basalt.open(directory, config); Session session = db.connect()) {
            for (int run = 0; run < runs.length; run++) {
                long start = System.nanoTime();
                try (QueryResult result = session.query(query)) {
                    sum = result.getText(0, 0) + (result.columns().size() > 1 ? "/" + result.getText(0, 1) : "");
                }
                runs[run] = (System.nanoTime() - start) / 1e6;
            }
        }
        return sum;
    }

    private static void print(String engine, double[] runs, long rows) {
        double warm = median(Arrays.copyOfRange(runs, 1, runs.length));
        System.out.printf("| %s | %.1f | %.1f | %.0f |%n", engine, runs[0], warm, rows / warm / 1e3);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
