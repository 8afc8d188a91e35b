package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY TO a Parquet file and back, for every Basalt type with NULLs, through read_parquet and COPY FROM, with
 * each compression and with row groups smaller than a batch; the rows read back must print exactly as the rows
 * written.
 */
class ParquetRoundTripTest {
    /** One column per type, each with an ordinary value, an extreme one and a NULL. */
    static final String ALL_TYPES_TABLE = """
            CREATE TABLE every_type (
              i16 smallint, i32 integer, i64 bigint, f32 real, f64 double precision,
              n4 numeric(4,2), n12 numeric(12,3), n30 numeric(30,10), n numeric,
              b boolean, t text, vc varchar(10), c char(5), bin bytea,
              d date, tm time, tmtz timetz, ts timestamp, tstz timestamptz, iv interval,
              u uuid, j json, jb jsonb, ai integer[], at text[])""";

    static final String ALL_TYPES_ROWS = """
            INSERT INTO every_type VALUES
            (1, 2, 3, 1.5, 2.25, 12.34, 123456789.123, 12345678901234567890.0123456789, 3.14159265358979323846264338327950288419716939937510,
             true, 'héllo', 'varchar', 'ch', '\\xdeadbeef', '2024-02-29', '13:45:01.123456', '10:00:00+00',
             '2024-02-29 13:45:01.123456', '2024-02-29 13:45:01.123456+00', '1 year 2 mons 3 days 04:05:06.789',
             'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a": [1, 2]}', '{"b": {"c": null}}', ARRAY[1, NULL, 3], ARRAY['x', NULL]),
            (-32768, -2147483648, -9223372036854775808, -3.4e38, -1.7e308,
             -99.99, -999999999.999, -99999999999999999999.9999999999, 'NaN',
             false, '', '', '', '\\x', '4713-01-01 BC', '00:00:00', '00:00:00+00',
             '1900-01-01 00:00:00', '1900-01-01 00:00:00+00', '-1 mons -2 days -00:00:01',
             '00000000-0000-0000-0000-000000000000', '[]', '[]', ARRAY[]::integer[], ARRAY[]::text[]),
            (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)""";

    @TempDir
    Path directory;

    @Test
    void everyTypeRoundTripsThroughReadParquetAndCopyFrom() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("SET TimeZone = 'UTC'").close();
            session.execute(ALL_TYPES_TABLE).close();
            session.execute(ALL_TYPES_ROWS).close();
            List<List<String>> expected = rows(session, "SELECT * FROM every_type ORDER BY i32 NULLS LAST");
            for (String codec : List.of("zstd", "snappy", "lz4", "gzip", "none")) {
                Path file = directory.resolve("all_" + codec + ".parquet");
                try (QueryResult result = session.execute("COPY every_type TO '" + file
                        + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE 2)")) {
                    assertThat(result.commandTag()).isEqualTo("COPY 3");
                }
                assertThat(rows(session, "SELECT * FROM read_parquet('" + file + "') ORDER BY i32 NULLS LAST"))
                        .as(codec).isEqualTo(expected);
                session.execute("CREATE TABLE copy_" + codec + " AS SELECT * FROM every_type WHERE false").close();
                try (QueryResult result = session.execute("COPY copy_" + codec + " FROM '" + file + "'")) {
                    assertThat(result.commandTag()).isEqualTo("COPY 3");
                }
                assertThat(rows(session, "SELECT * FROM copy_" + codec + " ORDER BY i32 NULLS LAST"))
                        .as(codec).isEqualTo(expected);
            }
        }
    }

    @Test
    void manyRowGroupsAreReadAsParallelMorselsWithEveryRowOnce() {
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            Path file = directory.resolve("large.parquet");
            session.execute("COPY (SELECT i AS id, i % 7 AS bucket, 'row ' || i AS label FROM generate_series(1, 300000)"
                    + " AS g(i)) TO '" + file + "' (ROW_GROUP_SIZE 7000)").close();
            assertThat(rows(session, "SELECT count(*), sum(id), count(DISTINCT label), max(label) FROM read_parquet('"
                    + file + "')")).containsExactly(List.of("300000", "45000150000", "300000", "row 99999"));
            assertThat(rows(session, "SELECT bucket, count(*) FROM read_parquet('" + file + "') GROUP BY bucket"
                    + " ORDER BY bucket")).hasSize(7).first().isEqualTo(List.of("0", "42857"));
            session.execute("CREATE TABLE copied AS SELECT * FROM read_parquet('" + file + "')").close();
            assertThat(rows(session, "SELECT count(*), sum(bucket) FROM copied"))
                    .containsExactly(List.of("300000", "899998"));
        }
    }

    static List<List<String>> rows(Session session, String sql) {
        try (QueryResult result = session.query(sql)) {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < result.rowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < result.columns().size(); c++) {
                    row.add(result.getText(r, c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
