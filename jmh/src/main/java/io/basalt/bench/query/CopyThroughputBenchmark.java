package io.basalt.bench.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Import and export throughput of whole tables, Basalt against DuckDB and PostgreSQL 15 in one run (issue #11's
 * figures): writing TPC-H lineitem to a Snappy Parquet file ({@code COPY lineitem TO 'f.parquet'}, Basalt and
 * DuckDB, each from its own copy of the table) and importing the same CSV file into an empty durable table
 * ({@code COPY lineitem FROM 'f.csv' (FORMAT csv)}, all three engines; PostgreSQL reads the file on the server,
 * which runs on this machine). Every engine works on a database on disk ({@link DurableDatabase}), so the import
 * includes what each needs to make the rows durable at commit; then the imported table is written back out as CSV
 * ({@code COPY lineitem TO 'f.csv' (FORMAT csv)}, all three engines; PostgreSQL's server writes the file). Prints
 * the median of the timed runs after one warm-up, with MB/s (of the file written or read) and millions of rows
 * per second.
 *
 * <p>Usage: {@code CopyThroughputBenchmark <directory> [sf] [runs] [engines] [parts]}, engines a comma-separated
 * subset of {@code basalt,duckdb,postgres}; parts {@code all} (the default) or {@code write}, which imports the CSV
 * file once untimed and times only the Parquet write (a shorter run on a shared machine). The CSV file is written
 * once by Basalt and kept in the directory.
 */
public final class CopyThroughputBenchmark {
    static final String COLUMNS = "(l_orderkey bigint, l_partkey bigint, l_suppkey bigint, l_linenumber integer,"
            + " l_quantity numeric(15,2), l_extendedprice numeric(15,2), l_discount numeric(15,2),"
            + " l_tax numeric(15,2), l_returnflag varchar(1), l_linestatus varchar(1), l_shipdate date,"
            + " l_commitdate date, l_receiptdate date, l_shipinstruct varchar(25), l_shipmode varchar(10),"
            + " l_comment varchar(44))";

    private CopyThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args.length > 0 ? args[0] : "/tmp/copy-bench");
        double scale = args.length > 1 ? Double.parseDouble(args[1]) : 1;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        String[] engines = (args.length > 3 ? args[3] : "basalt,duckdb,postgres").split(",");
        boolean writeOnly = args.length > 4 && args[4].equals("write");
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path csv = directory.resolve("lineitem_sf" + scale + ".csv");
        long rows = Math.round(6_001_215 * scale);
        if (!Files.exists(csv)) {
            try (DurableDatabase database = DurableDatabase.open("basalt");
                 DurableDatabase.Client client = database.connect()) {
                client.execute("COPY (SELECT * FROM tpch_lineitem(" + scale + ")) TO '" + csv + "' (FORMAT csv)");
            }
        }
        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rw-r--r--"));
        double csvMegabytes = Files.size(csv) / 1e6;
        System.out.printf("lineitem sf %s: %,d rows, CSV %.1f MB; median of %d runs after one warm-up%n", scale, rows,
                csvMegabytes, runs);
        for (String engine : engines) {
            try (DurableDatabase database = DurableDatabase.open(engine);
                 DurableDatabase.Client client = database.connect()) {
                String schema = engine.equals("postgres") ? "basalt_bench." : "";
                if (engine.equals("postgres")) {
                    client.execute("CREATE SCHEMA IF NOT EXISTS basalt_bench");
                }
                String target = schema + "lineitem_import";
                client.execute("DROP TABLE IF EXISTS " + target);
                client.execute("CREATE TABLE " + target + " " + COLUMNS);
                if (writeOnly) {
                    client.execute("COPY " + target + " FROM '" + csv + "' (FORMAT csv)");
                } else {
                    double importMillis = median(runs, () -> client.execute("TRUNCATE " + target),
                            () -> client.execute("COPY " + target + " FROM '" + csv + "' (FORMAT csv)"));
                    System.out.printf("%-8s CSV import    %8.0f ms %7.1f MB/s %6.2f Mrows/s%n", engine, importMillis,
                            csvMegabytes / importMillis * 1000, rows / importMillis / 1000);
                }
                if (!writeOnly) {
                    Path csvOut = directory.resolve("lineitem_" + engine + "_out.csv");
                    double csvWriteMillis = median(runs, () -> deleteQuietly(csvOut), () -> client.execute(
                            "COPY " + target + " TO '" + csvOut + "' (FORMAT csv)"));
                    double csvOutMegabytes = Files.size(csvOut) / 1e6;
                    System.out.printf("%-8s CSV write     %8.0f ms %7.1f MB/s %6.2f Mrows/s (%.1f MB file)%n", engine,
                            csvWriteMillis, csvOutMegabytes / csvWriteMillis * 1000, rows / csvWriteMillis / 1000,
                            csvOutMegabytes);
                    deleteQuietly(csvOut);
                }
                if (engine.equals("postgres")) {
                    continue;
                }
                Path parquet = directory.resolve("lineitem_" + engine + ".parquet");
                double writeMillis = median(runs, () -> deleteQuietly(parquet), () -> client.execute(
                        "COPY " + target + " TO '" + parquet + "' (FORMAT parquet, COMPRESSION snappy)"));
                double parquetMegabytes = Files.size(parquet) / 1e6;
                System.out.printf("%-8s Parquet write %8.0f ms %7.1f MB/s %6.2f Mrows/s (%.1f MB file)%n", engine,
                        writeMillis, parquetMegabytes / writeMillis * 1000, rows / writeMillis / 1000, parquetMegabytes);
            }
        }
    }

    private interface Step {
        void run() throws SQLException, IOException;
    }

    private static void deleteQuietly(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /** Median milliseconds of {@code timed} over {@code runs} runs after one warm-up, {@code reset} untimed before each. */
    private static double median(int runs, Step reset, Step timed) throws SQLException, IOException {
        reset.run();
        timed.run();
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            reset.run();
            long start = System.nanoTime();
            timed.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[runs / 2];
    }
}
