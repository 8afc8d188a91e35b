package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row groups skipped by their footer statistics: a DuckDB file of 10 row groups of 2,048 rows each (DuckDB rounds row groups to its vector size), sorted on
 * {@code id}, so that each group covers one range of ids, dates, decimals and names. Pruned scans keep exactly the
 * groups that may match, and queries with pushed filters return what DuckDB returns.
 */
class ParquetPruningTest {
    @TempDir
    Path directory;

    private Path file;

    @BeforeEach
    void writeFile() throws SQLException {
        file = directory.resolve("sorted.parquet");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (SELECT i::INTEGER AS id, i::BIGINT * 1000 AS big, DATE '2020-01-01' + i::INTEGER AS day,"
                    + " (i / 100)::DECIMAL(12,2) AS amount, 'name' || lpad(i::VARCHAR, 5, '0') AS name,"
                    + " CASE WHEN i >= 18432 THEN NULL ELSE i END AS maybe, i / 3.0 AS ratio"
                    + " FROM range(20480) AS r(i) ORDER BY i) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        }
    }

    private int groups(ScanPredicate... predicates) {
        return ParquetScan.open(List.of(file.toString())).withPredicates(List.of(predicates)).rowGroupCount();
    }

    @Test
    void comparisonsKeepOnlyTheGroupsInRange() {
        assertThat(groups()).isEqualTo(10);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.EQ, 4321L))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.GE, 18000L))).isEqualTo(2);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.LT, 2048L))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.LE, 2048L))).isEqualTo(2);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.GT, 99999L))).isZero();
        assertThat(groups(new ScanPredicate.Compare(1, CompareOp.GT, 18_431_000L))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.Compare(2, CompareOp.LT, 18262L + 3000))).isEqualTo(2);
        assertThat(groups(new ScanPredicate.Compare(3, CompareOp.GE, new BigDecimal("190.00")))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.Compare(4, CompareOp.EQ, "name05000"))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.Prefix(4, "name07".getBytes()))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.InList(0, List.of(5L, 20479L)))).isEqualTo(2);
        assertThat(groups(new ScanPredicate.Compare(0, CompareOp.GE, 4096L),
                new ScanPredicate.Compare(0, CompareOp.LT, 8192L))).isEqualTo(2);
    }

    @Test
    void nullCountsAndUnorderedColumnsPruneSafely() {
        assertThat(groups(new ScanPredicate.IsNull(5, false))).isEqualTo(1);
        assertThat(groups(new ScanPredicate.IsNull(5, true))).isEqualTo(9);
        assertThat(groups(new ScanPredicate.Compare(5, CompareOp.GE, 0L))).isEqualTo(9);
        // floating point bounds are not used: every group may hold a NaN
        assertThat(groups(new ScanPredicate.Compare(6, CompareOp.GT, 1e12))).isEqualTo(10);
    }

    @Test
    void queriesWithPushedFiltersReturnEveryMatchingRow() throws SQLException {
        String[] filters = {"id = 4321", "id >= 8500 AND id < 8510", "day BETWEEN DATE '2021-01-01' AND DATE '2021-01-05'",
            "name LIKE 'name0777%'", "maybe IS NULL AND id < 18440", "id IN (5, 20479, 4000)", "amount >= 199.95",
            "big > 20470000"};
        try (Database database = Basalt.inMemory(); Session session = database.connect();
             Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement duck = connection.createStatement()) {
            for (String filter : filters) {
                String sql = "SELECT count(*), sum(id) FROM read_parquet('" + file + "') WHERE " + filter;
                List<List<String>> basalt = ParquetRoundTripTest.rows(session, sql);
                try (var result = duck.executeQuery(sql)) {
                    result.next();
                    assertThat(basalt.getFirst()).as(filter).containsExactly(result.getString(1), result.getString(2));
                }
            }
        }
    }
}
