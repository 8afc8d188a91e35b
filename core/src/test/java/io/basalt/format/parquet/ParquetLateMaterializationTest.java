package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Predicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Late materialization (off by default): with predicates pushed on integer-like columns, a row group's filtered
 * columns are decoded first and the other columns only for the batches where some row may match. Checked on a Basalt
 * file (page index: the other columns' pages are read selectively) and on a DuckDB file (no page index: whole
 * chunks, rows passed over), against the same scan without late materialization and against the table the file was
 * written from.
 */
class ParquetLateMaterializationTest {
    private static final String TABLE = """
            CREATE TABLE t AS SELECT
              i::bigint AS id,
              (i * 7919 % 1000)::integer AS scattered,
              CASE WHEN i % 11 = 0 THEN NULL ELSE (i % 97)::integer END AS maybe,
              'name ' || i AS name,
              CASE WHEN i % 3 = 0 THEN NULL ELSE 'c' || (i % 5) END AS code,
              (i % 1000)::numeric(10,2) + 0.25 AS amount,
              DATE '2020-01-01' + (i / 100)::integer AS day,
              i * 0.5 AS half,
              i % 2 = 0 AS flag
            FROM generate_series(0, 59999) AS g(i)""";

    private static final String[] FILTERS = {"id BETWEEN 20000 AND 20150", "id >= 59990", "id < 3",
        "id IN (5, 31000, 59999)", "scattered = 17", "scattered < 3 AND id > 30000", "maybe IS NULL AND id < 5000",
        "maybe = 42", "maybe IS NOT NULL AND id BETWEEN 100 AND 120", "amount = 17.25", "amount > 998 AND id < 10000",
        "day = DATE '2020-03-01'", "id > 100000", "id BETWEEN 40000 AND 41000 AND name LIKE 'name 4000%'"};

    @TempDir
    Path directory;

    @Test
    void queriesReturnTheTablesRowsOnBasaltsAndDuckDbsFiles() throws SQLException {
        // late materialization is off by default: the scans opened in this test have it on
        System.setProperty(ParquetScan.LATE_MATERIALIZATION_PROPERTY, "true");
        try {
            queriesReturnTheTablesRows();
        } finally {
            System.clearProperty(ParquetScan.LATE_MATERIALIZATION_PROPERTY);
        }
    }

    private void queriesReturnTheTablesRows() throws SQLException {
        Path basalt = directory.resolve("basalt.parquet");
        Path duck = directory.resolve("duck.parquet");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute(TABLE).close();
            session.execute("COPY (SELECT * FROM t ORDER BY id) TO '" + basalt
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 25000)").close();
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("COPY (SELECT * FROM read_parquet('" + basalt + "')) TO '" + duck
                        + "' (FORMAT parquet, ROW_GROUP_SIZE 20000)");
            }
            for (Path file : List.of(basalt, duck)) {
                for (String filter : FILTERS) {
                    String where = " WHERE " + filter;
                    List<List<String>> expected = ParquetRoundTripTest.rows(session,
                            "SELECT * FROM t" + where + " ORDER BY id");
                    assertThat(ParquetRoundTripTest.rows(session, "SELECT * FROM read_parquet('" + file + "')" + where
                            + " ORDER BY id")).as(file.getFileName() + ": " + filter).isEqualTo(expected);
                    String summary = "SELECT count(*), sum(id), sum(amount), count(code), max(name), sum(half),"
                            + " count(flag), min(day) FROM ";
                    assertThat(ParquetRoundTripTest.rows(session, summary + "read_parquet('" + file + "')" + where))
                            .as(file.getFileName() + ": " + filter)
                            .isEqualTo(ParquetRoundTripTest.rows(session, summary + "t" + where));
                }
            }
        }
    }

    @Test
    void theScanSkipsBatchesWithoutMatchesAndKeepsTheOthersAligned() throws SQLException {
        Path basalt = directory.resolve("aligned.parquet");
        Path duck = directory.resolve("aligned_duck.parquet");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute(TABLE).close();
            session.execute("COPY (SELECT * FROM t ORDER BY id) TO '" + basalt
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 25000)").close();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT * FROM read_parquet('" + basalt + "')) TO '" + duck
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 20000)");
        }
        for (Path file : List.of(basalt, duck)) {
            ParquetScan scan = ParquetScan.open(List.of(file.toString()));
            int id = scan.names().indexOf("id");
            int amount = scan.names().indexOf("amount");
            int maybe = scan.names().indexOf("maybe");
            // a sorted range: few batches kept; a scattered condition on a column with NULLs; a decimal one
            check(scan, List.of(new ScanPredicate.Compare(id, CompareOp.GE, 20_000L),
                    new ScanPredicate.Compare(id, CompareOp.LE, 20_150L)), row -> (Long) row.get(id) >= 20_000
                    && (Long) row.get(id) <= 20_150, true);
            check(scan, List.of(new ScanPredicate.Compare(maybe, CompareOp.EQ, 42L)),
                    row -> Integer.valueOf(42).equals(row.get(maybe)), false);
            check(scan, List.of(new ScanPredicate.IsNull(maybe, false), new ScanPredicate.Compare(id, CompareOp.LT,
                    3_000L)), row -> row.get(maybe) == null && (Long) row.get(id) < 3_000, true);
            // numeric(p, 2) is read as unscaled longs, and its pushed constants are at the column's scale
            check(scan, List.of(new ScanPredicate.Compare(amount, CompareOp.GT, 99_850L),
                    new ScanPredicate.Compare(id, CompareOp.LT, 10_000L)),
                    row -> (Long) row.get(amount) > 99_850 && (Long) row.get(id) < 10_000, false);
            check(scan, List.of(new ScanPredicate.Compare(id, CompareOp.GT, 1_000_000L)), row -> false, true);
        }
    }

    /**
     * Reads {@code scan} with {@code predicates} pushed, with and without late materialization, at two batch
     * sizes: the late read holds the same matching rows, each row whole, and (when {@code fewer}) fewer rows.
     */
    private static void check(ParquetScan scan, List<ScanPredicate> predicates, Predicate<List<Object>> matches,
                              boolean fewer) {
        ParquetScan pushed = scan.withPredicates(predicates);
        int[] columns = new int[scan.names().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        for (int vectorSize : new int[] {1000, 333}) {
            try (BufferAllocator allocator = new RootAllocator()) {
                List<List<Object>> plain = ParquetPageReaderTest.read(pushed.withLateMaterialization(false), columns,
                        allocator, vectorSize);
                List<List<Object>> late = ParquetPageReaderTest.read(pushed.withLateMaterialization(true), columns, allocator, vectorSize);
                assertThat(late.stream().filter(matches).toList()).as(predicates.toString())
                        .isEqualTo(plain.stream().filter(matches).toList());
                // every row the late read returns is a row of the file, whole (the name spells its id)
                int id = scan.names().indexOf("id");
                int name = scan.names().indexOf("name");
                assertThat(late).allSatisfy(row -> assertThat(row.get(name)).isEqualTo("name " + row.get(id)));
                if (fewer) {
                    assertThat(late.size()).as(predicates.toString()).isLessThan(Math.max(plain.size(), 1));
                }
                assertThat(allocator.getAllocatedMemory()).isZero();
            }
        }
    }
}
