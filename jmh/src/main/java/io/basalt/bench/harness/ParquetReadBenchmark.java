package io.basalt.bench.harness;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Parquet read throughput, Basalt against DuckDB (JDBC) in one JVM on the same files: TPC-H lineitem written once
 * by Basalt ({@code COPY (SELECT * FROM tpch_lineitem(sf)) TO ...}, Snappy) and once by DuckDB from Basalt's file,
 * then each engine sums over every column of each file ({@link #QUERY}: sums, because DuckDB answers count, min
 * and max from the footer without decoding) and a selective query that row-group statistics can answer from few
 * row groups, and two projections: the string columns only ({@link #STRINGS}) and the numeric ones only
 * ({@link #NUMBERS}). Prints the median of the timed runs per engine and file, with MB/s over the file's size and
 * millions of rows per second. Run with {@code -Dbasalt.parquet.recordReader=true} for Basalt's value-at-a-time
 * reader.
 *
 * <p>Usage: {@code ParquetReadBenchmark <directory> [sf] [threads] [runs]}; the files are kept in the directory and
 * reused by later runs.
 */
public final class ParquetReadBenchmark {
    static final String QUERY = "SELECT sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber),"
            + " sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax), sum(length(l_returnflag)),"
            + " sum(length(l_linestatus)), sum(l_shipdate - DATE '1990-01-01'), sum(l_commitdate - DATE '1990-01-01'),"
            + " sum(l_receiptdate - DATE '1990-01-01'), sum(length(l_shipinstruct)), sum(length(l_shipmode)),"
            + " sum(length(l_comment)) FROM read_parquet('%s')";
    /** The string columns only: decoding text (dictionary and PLAIN) and {@code length()} over it. */
    static final String STRINGS = "SELECT sum(length(l_returnflag)), sum(length(l_linestatus)),"
            + " sum(length(l_shipinstruct)), sum(length(l_shipmode)), sum(length(l_comment)) FROM read_parquet('%s')";
    /** The numeric columns only: integers and decimals, PLAIN and dictionary-encoded. */
    static final String NUMBERS = "SELECT sum(l_orderkey), sum(l_partkey), sum(l_suppkey), sum(l_linenumber),"
            + " sum(l_quantity), sum(l_extendedprice), sum(l_discount), sum(l_tax) FROM read_parquet('%s')";
    static final String SELECTIVE = "SELECT count(*), sum(l_extendedprice) FROM read_parquet('%s')"
            + " WHERE l_orderkey BETWEEN 1000000 AND 1100000";

    private ParquetReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "/tmp/parquet-bench");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Files.createDirectories(directory);
        Path basaltFile = directory.resolve("lineitem_basalt_sf" + scale + ".parquet");
        Path duckFile = directory.resolve("lineitem_duckdb_sf" + scale + ".parquet");
        BasaltConfig defaults = BasaltConfig.defaults();
        try (Database database = Basalt.inMemory(new BasaltConfig(defaults.vectorSize(), threads, defaults.memoryLimit()));
             Session session = database.connect();
             Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET threads = " + threads);
            if (!Files.exists(basaltFile)) {
                session.execute("COPY (SELECT * FROM tpch_lineitem(" + scale + ")) TO '" + basaltFile + "'").close();
            }
            if (!Files.exists(duckFile)) {
                statement.execute("COPY (SELECT * FROM read_parquet('" + basaltFile + "')) TO '" + duckFile
                        + "' (FORMAT parquet, COMPRESSION snappy)");
            }
            System.out.println("reader: " + (Boolean.getBoolean("basalt.parquet.recordReader") ? "record" : "page")
                    + ", threads " + threads + ", runs " + runs + " (median after one warm-up)");
            for (Path file : new Path[] {basaltFile, duckFile}) {
                double megabytes = Files.size(file) / 1e6;
                for (String query : new String[] {QUERY, STRINGS, NUMBERS, SELECTIVE}) {
                    String sql = query.formatted(file);
                    long rows = 0;
                    try (QueryResult count = session.query("SELECT count(*) FROM read_parquet('" + file + "')")) {
                        rows = Long.parseLong(count.getText(0, 0));
                    }
                    double basalt = median(runs, () -> {
                        try (QueryResult result = session.query(sql)) {
                            result.getText(0, 0);
                        }
                    });
                    double duckdb = median(runs, () -> {
                        try (ResultSet result = statement.executeQuery(sql)) {
                            result.next();
                        }
                    });
                    String name = file.getFileName() + (query == QUERY ? " full" : query == STRINGS ? " strings"
                            : query == NUMBERS ? " numbers" : " selective");
                    System.out.printf("%-40s %6.1f MB  basalt %8.0f ms %7.1f MB/s %6.2f Mrows/s  duckdb %8.0f ms %7.1f MB/s"
                            + " %6.2f Mrows/s  ratio %.2f%n", name, megabytes, basalt, megabytes / basalt * 1000,
                            rows / basalt / 1000, duckdb, megabytes / duckdb * 1000, rows / duckdb / 1000, basalt / duckdb);
                }
            }
        }
    }

    private interface Run {
        void run() throws SQLException;
    }

    private static double median(int runs, Run run) throws SQLException {
        run.run();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
