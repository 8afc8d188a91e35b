package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by Basalt are read by DuckDB (JDBC, in this JVM) as the same values, and files DuckDB writes,
 * with each of its compressions, are read by Basalt as the same values.
 */
class ParquetDuckDbInteropTest {
    @TempDir
    Path directory;

    @Test
    void duckDbReadsWhatBasaltWrites() throws SQLException {
        Path file = directory.resolve("basalt.parquet");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("SET TimeZone = 'UTC'").close();
            session.execute(ParquetRoundTripTest.ALL_TYPES_TABLE).close();
            session.execute(ParquetRoundTripTest.ALL_TYPES_ROWS).close();
            session.execute("COPY (SELECT * FROM every_type ORDER BY i32 NULLS LAST) TO '" + file + "'").close();
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("i16", "1");
        expected.put("i32", "2");
        expected.put("i64", "3");
        expected.put("f32", "1.5");
        expected.put("f64", "2.25");
        expected.put("n4", "12.34");
        expected.put("n12", "123456789.123");
        expected.put("n30", "12345678901234567890.0123456789");
        expected.put("n", "3.14159265358979323846264338327950288419716939937510");
        expected.put("b", "true");
        expected.put("t", "héllo");
        expected.put("vc", "varchar");
        expected.put("c", "ch   ");
        expected.put("bin", "\\xDE\\xAD\\xBE\\xEF");
        expected.put("d", "2024-02-29");
        expected.put("tm", "13:45:01.123456");
        expected.put("tmtz", "10:00:00+00");
        expected.put("ts", "2024-02-29 13:45:01.123456");
        expected.put("tstz", "2024-02-29 13:45:01.123456+00");
        // INTERVAL travels as PostgreSQL's text (see docs/parquet.md)
        expected.put("iv", "1 year 2 mons 3 days 04:05:06.789");
        expected.put("u", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        expected.put("j", "{\"a\": [1, 2]}");
        expected.put("jb", "{\"b\": {\"c\": null}}");
        expected.put("ai", "[1, NULL, 3]");
        expected.put("at", "[x, NULL]");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            StringBuilder select = new StringBuilder("SELECT ");
            for (String column : expected.keySet()) {
                select.append(select.length() > 7 ? ", " : "").append("CAST(\"").append(column).append("\" AS VARCHAR)");
            }
            List<List<String>> rows = duckRows(statement, select + " FROM read_parquet('" + file + "')");
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1)).containsExactlyElementsOf(expected.values());
            assertThat(rows.get(2)).containsOnlyNulls();
            List<List<String>> second = duckRows(statement, "SELECT CAST(i16 AS VARCHAR), CAST(i64 AS VARCHAR),"
                    + " CAST(n30 AS VARCHAR), CAST(d AS VARCHAR), CAST(c AS VARCHAR), len(ai) FROM read_parquet('"
                    + file + "') WHERE i32 < 0");
            assertThat(second).containsExactly(List.of("-32768", "-9223372036854775808",
                    "-99999999999999999999.9999999999", "4713-01-01 (BC)", "     ", "0"));
        }
    }

    @Test
    void basaltReadsWhatDuckDbWrites() throws SQLException {
        String select = """
                SELECT i::TINYINT AS i8, (i * 1000)::SMALLINT AS i16, i * 100000 AS i32, i::BIGINT * 10000000000 AS i64,
                  i::UTINYINT AS u8, (i * 60000)::UINTEGER AS u32, (18000000000000000000 + i)::UBIGINT AS u64,
                  (i / 4)::FLOAT AS f32, (i / 3)::DOUBLE AS f64, (i / 7)::DECIMAL(4,2) AS d4,
                  (i * 1234567.891)::DECIMAL(18,3) AS d18, (i * 12345678901234567.891)::DECIMAL(30,10) AS d30,
                  i % 2 = 0 AS b, 'row ' || i AS s, ('\\x0' || i)::BLOB AS bin,
                  DATE '2024-01-01' + i::INTEGER AS d, TIME '12:00:00.123456' + INTERVAL (i) SECOND AS t,
                  TIMESTAMP '2024-01-01 00:00:00.654321' + INTERVAL (i) HOUR AS ts,
                  TIMESTAMPTZ '2024-01-01 00:00:00+00' + INTERVAL (i) MINUTE AS tstz,
                  epoch_ms(1700000000000 + i)::TIMESTAMP_MS AS ts_ms, TIMESTAMP_NS '2023-11-14 22:13:20.123456789' AS ts_ns,
                  INTERVAL (i) MONTH + INTERVAL (i) DAY + INTERVAL (i * 1001) MILLISECOND AS iv,
                  ('00000000-0000-0000-0000-00000000000' || i)::UUID AS u,
                  [i, NULL, i + 1] AS li, ['a' || i] AS ls
                FROM range(1, 4) AS r(i)
                UNION ALL
                SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                  NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL""";
        List<String> expectedFirst = List.of("1", "1000", "100000", "10000000000", "1", "60000",
                "18000000000000000001", "0.25", "0.3333333333333333", "0.14", "1234567.891",
                "12345678901234567.8910000000", "f", "row 1", "\\x01", "2024-01-02", "12:00:01.123456",
                "2024-01-01 01:00:00.654321", "2024-01-01 00:01:00+00", "2023-11-14 22:13:20.001",
                "2023-11-14 22:13:20.123456", "1 mon 1 day 00:00:01.001", "00000000-0000-0000-0000-000000000001",
                "{1,NULL,2}", "{a1}");
        for (String codec : List.of("zstd", "snappy", "gzip", "lz4", "uncompressed")) {
            Path file = directory.resolve("duck_" + codec + ".parquet");
            try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = duck.createStatement()) {
                statement.execute("SET TimeZone = 'UTC'");
                statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
                        + ", ROW_GROUP_SIZE 2)");
            }
            try (Database database = Basalt.inMemory(); Session session = database.connect()) {
                session.execute("SET TimeZone = 'UTC'").close();
                List<List<String>> rows = ParquetRoundTripTest.rows(session,
                        "SELECT * FROM read_parquet('" + file + "') ORDER BY i8 NULLS LAST");
                assertThat(rows).as(codec).hasSize(4);
                assertThat(rows.getFirst()).as(codec).containsExactlyElementsOf(expectedFirst);
                assertThat(rows.get(3)).as(codec).containsOnlyNulls();
                try (QueryResult types = session.query("SELECT pg_typeof(i8)::text, pg_typeof(u32)::text,"
                        + " pg_typeof(u64)::text, pg_typeof(f32)::text, pg_typeof(d30)::text, pg_typeof(tstz)::text,"
                        + " pg_typeof(li)::text FROM read_parquet('" + file + "') LIMIT 1")) {
                    assertThat(types.getText(0, 0)).isEqualTo("smallint");
                    assertThat(types.getText(0, 1)).isEqualTo("bigint");
                    assertThat(types.getText(0, 2)).isEqualTo("numeric");
                    assertThat(types.getText(0, 3)).isEqualTo("real");
                    assertThat(types.getText(0, 4)).isEqualTo("numeric");
                    assertThat(types.getText(0, 5)).isEqualTo("timestamp with time zone");
                    assertThat(types.getText(0, 6)).isEqualTo("bigint[]");
                }
            }
        }
    }

    private static List<List<String>> duckRows(Statement statement, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData metadata = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= metadata.getColumnCount(); c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
