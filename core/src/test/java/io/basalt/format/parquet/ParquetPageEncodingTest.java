package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layout of files Basalt's page encoders write, read through parquet-mr's footer and page index readers:
 * dictionary pages where few values repeat, PLAIN pages otherwise, several pages per chunk with the page index
 * (ColumnIndex and OffsetIndex) describing them, statistics that match the data; and the same file read by DuckDB
 * and by Basalt gives the same answers as the table it was written from.
 */
class ParquetPageEncodingTest {
    private static final int ROWS = 150_000;
    private static final String TABLE = """
            CREATE TABLE wide AS SELECT
              i::bigint AS id,
              'group ' || (i % 7) AS grp,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 'note ' || (i * 7919 % 100003) END AS note,
              ((i % 1000)::numeric / 4)::numeric(12,2) AS amount,
              ((i % 300000) - 5.5)::numeric(30,4) AS wide_amount,
              TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL '1 minute' AS ts,
              DATE '2020-01-01' + (i % 2000)::integer AS day,
              CASE WHEN i % 3 = 0 THEN NULL ELSE ARRAY[i::integer, NULL, (i % 4)::integer] END AS arr,
              i % 2 = 0 AS flag,
              'same' AS constant,
              NULL::text AS nothing,
              (i % 9)::real / 2 AS small_real,
              md5(i::text)::uuid AS u,
              ('{"k": ' || (i % 3) || '}')::jsonb AS doc,
              md5((i % 4)::text)::uuid AS few_uuids,
              ((i % 6) - 2.5)::numeric(30,4) AS few_wide,
              (i % 5)::double precision / 3 AS few_doubles
            FROM generate_series(1, ROW_COUNT) AS g(i)""".replace("ROW_COUNT", Integer.toString(ROWS));

    @TempDir
    Path directory;

    @Test
    void pagesDictionariesStatisticsAndPageIndexDescribeTheData() throws IOException {
        Path file = directory.resolve("wide.parquet");
        List<String> firstGroupNotes;
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("SET TimeZone = 'UTC'").close();
            session.execute(TABLE).close();
            firstGroupNotes = ParquetRoundTripTest.rows(session,
                    "SELECT min(note), max(note) FROM wide WHERE id <= 100000").getFirst();
            session.execute("COPY (SELECT * FROM wide ORDER BY id) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 100000)")
                    .close();
        }
        try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(file), ParquetFile.READ_OPTIONS)) {
            List<BlockMetaData> blocks = reader.getFooter().getBlocks();
            assertThat(blocks).extracting(BlockMetaData::getRowCount).containsExactly(100_000L, 50_000L);
            BlockMetaData first = blocks.getFirst();
            assertThat(chunk(first, "id").getEncodings()).contains(Encoding.PLAIN).doesNotContain(Encoding.PLAIN_DICTIONARY);
            assertThat(chunk(first, "grp").getEncodings()).contains(Encoding.PLAIN_DICTIONARY);
            assertThat(chunk(first, "constant").getEncodings()).contains(Encoding.PLAIN_DICTIONARY);
            assertThat(chunk(first, "day").getEncodings()).contains(Encoding.PLAIN_DICTIONARY);
            assertThat(chunk(first, "note").getEncodings()).contains(Encoding.PLAIN);
            for (String name : List.of("few_uuids", "few_wide", "few_doubles", "small_real")) {
                assertThat(chunk(first, name).getEncodings()).as(name).contains(Encoding.PLAIN_DICTIONARY);
            }
            assertThat(chunk(first, "few_wide").getStatistics().minAsString()).isEqualTo("-2.5000");

            Statistics<?> id = chunk(first, "id").getStatistics();
            assertThat(id.genericGetMin()).isEqualTo(1L);
            assertThat(id.genericGetMax()).isEqualTo(100_000L);
            assertThat(id.getNumNulls()).isZero();
            Statistics<?> note = chunk(first, "note").getStatistics();
            assertThat(note.getNumNulls()).isEqualTo(20_000);
            assertThat(List.of(note.minAsString(), note.maxAsString())).isEqualTo(firstGroupNotes);
            Statistics<?> nothing = chunk(blocks.get(1), "nothing").getStatistics();
            assertThat(nothing.getNumNulls()).isEqualTo(50_000);
            assertThat(nothing.hasNonNullValue()).isFalse();
            assertThat(chunk(first, "grp").getStatistics().maxAsString()).isEqualTo("group 6");

            for (BlockMetaData block : blocks) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    OffsetIndex offsets = reader.readOffsetIndex(chunk);
                    ColumnIndex index = reader.readColumnIndex(chunk);
                    assertThat(offsets).as(chunk.getPath().toDotString()).isNotNull();
                    assertThat(index).as(chunk.getPath().toDotString()).isNotNull();
                    long rows = 0;
                    for (int page = 0; page < offsets.getPageCount(); page++) {
                        rows += offsets.getLastRowIndex(page, block.getRowCount()) - offsets.getFirstRowIndex(page) + 1;
                    }
                    assertThat(rows).as(chunk.getPath().toDotString()).isEqualTo(block.getRowCount());
                }
            }
            // 100,000 longs are 800 KB: more than one page, each page's bounds in the ColumnIndex, in order
            OffsetIndex idPages = reader.readOffsetIndex(chunk(first, "id"));
            assertThat(idPages.getPageCount()).isGreaterThan(1);
            ColumnIndex idIndex = reader.readColumnIndex(chunk(first, "id"));
            assertThat(idIndex.getMinValues()).hasSize(idPages.getPageCount());
            assertThat(idIndex.getMinValues().getFirst().getLong(0)).isEqualTo(1L);
        }
    }

    @Test
    void duckDbAndBasaltReadTheFileAsTheTableWasWritten() throws SQLException {
        Path file = directory.resolve("wide.parquet");
        String basaltAggregates = "SELECT count(*), count(note), sum(id), sum(amount), sum(wide_amount), min(grp), max(note),"
                + " count(DISTINCT note), sum(cardinality(arr)), count(arr), sum(arr[1]), count(arr[2]), sum(arr[3]),"
                + " min(ts)::text, max(day)::text, count(*) FILTER (WHERE flag), min(constant), count(nothing),"
                + " sum(small_real), count(DISTINCT u), min(u::text), count(DISTINCT doc::text), count(DISTINCT few_uuids),"
                + " max(few_uuids::text), sum(few_wide), min(few_wide), count(DISTINCT few_doubles), count(*) FILTER (WHERE few_doubles > 1)";
        String duckAggregates = basaltAggregates.replace("cardinality(arr)", "len(arr)")
                .replace("::text", "::varchar");
        List<String> expected;
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute("SET TimeZone = 'UTC'").close();
            session.execute(TABLE).close();
            expected = ParquetRoundTripTest.rows(session, basaltAggregates + " FROM wide").getFirst();
            session.execute("COPY wide TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 40000)").close();
            assertThat(ParquetRoundTripTest.rows(session, basaltAggregates + " FROM read_parquet('" + file + "')")
                    .getFirst()).isEqualTo(expected);
            assertThat(ParquetRoundTripTest.rows(session, "SELECT count(*) FROM (SELECT * FROM wide EXCEPT ALL"
                    + " SELECT * FROM read_parquet('" + file + "')) AS missing")).containsExactly(List.of("0"));
        }
        List<String> duck = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            try (ResultSet result = statement.executeQuery(duckAggregates + " FROM read_parquet('" + file + "')")) {
                assertThat(result.next()).isTrue();
                for (int c = 1; c <= expected.size(); c++) {
                    duck.add(result.getString(c));
                }
            }
        }
        // DuckDB prints a few values its own way; the numbers are the same
        assertThat(duck.get(13)).isEqualTo("2024-01-01 00:01:00+00");
        assertThat(expected.get(13)).isEqualTo("2024-01-01 00:01:00+00");
        duck.set(13, expected.get(13));
        assertThat(duck).isEqualTo(expected);
    }

    private static ColumnChunkMetaData chunk(BlockMetaData block, String name) {
        for (ColumnChunkMetaData chunk : block.getColumns()) {
            if (chunk.getPath().toDotString().equals(name)) {
                return chunk;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
