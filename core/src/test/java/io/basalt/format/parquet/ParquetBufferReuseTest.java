package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The arrays the Parquet reader reuses between pages and row groups: column chunks read into recycled buffers
 * ({@link ChunkBufferPool}), pages decompressed into a decoder's reused array, levels of dense pages not kept.
 * Files of many row groups with NULLs and without, read on two threads several times over, must give the rows
 * written, for every codec.
 */
class ParquetBufferReuseTest {
    @TempDir
    Path directory;

    @Test
    void rowGroupsReadIntoRecycledBuffersGiveTheRowsWritten() {
        BasaltConfig defaults = BasaltConfig.defaults();
        try (Database database = Basalt.inMemory(new BasaltConfig(defaults.vectorSize(), 2, defaults.memoryLimit()));
             Session session = database.connect()) {
            session.execute("CREATE TABLE t AS SELECT g AS id, g * 7 % 1000 AS small,"
                    + " CASE WHEN g % 3 = 0 THEN NULL ELSE g * 1.5 END AS sometimes,"
                    + " (g % 97)::numeric(10,2) AS price, 'row ' || (g % 5000) AS label,"
                    + " CASE WHEN g % 11 = 0 THEN NULL ELSE 'x' || g END AS note,"
                    + " DATE '2024-01-01' + (g % 365) AS day FROM generate_series(1, 60000) g").close();
            String summary = "SELECT count(*), sum(id), sum(small), sum(sometimes), count(sometimes), sum(price),"
                    + " sum(length(label)), count(note), sum(length(note)), min(note), max(label),"
                    + " sum(day - DATE '2024-01-01') FROM %s";
            List<List<String>> expected = rows(session, summary.formatted("t"));
            for (String codec : List.of("snappy", "zstd", "gzip", "none")) {
                Path file = directory.resolve("t_" + codec + ".parquet");
                session.execute("COPY t TO '" + file + "' (FORMAT parquet, COMPRESSION " + codec
                        + ", ROW_GROUP_SIZE 5000)").close();
                for (int run = 0; run < 3; run++) {
                    assertThat(rows(session, summary.formatted("read_parquet('" + file + "')"))).as(codec)
                            .isEqualTo(expected);
                }
                assertThat(rows(session, "SELECT * FROM read_parquet('" + file + "') ORDER BY id"))
                        .isEqualTo(rows(session, "SELECT * FROM t ORDER BY id"));
            }
        }
    }

    @Test
    void thePoolHandsOutSlicesOfTheSmallestKeptArrayThatHoldsThem() {
        ChunkBufferPool pool = new ChunkBufferPool();
        ByteBuffer large = pool.allocate(1000);
        ByteBuffer small = pool.allocate(100);
        assertThat(large.capacity()).isEqualTo(1000);
        assertThat(large.remaining()).isEqualTo(1000);
        byte[] largeArray = large.array();
        byte[] smallArray = small.array();
        pool.release(large);
        pool.release(small);
        pool.release(small);  // a second release keeps the array once
        ByteBuffer again = pool.allocate(50);
        assertThat(again.array()).isSameAs(smallArray);
        assertThat(again.capacity()).isEqualTo(50);
        assertThat(again.position()).isZero();
        assertThat(pool.allocate(80).array()).isNotSameAs(smallArray).isSameAs(largeArray);
        assertThat(pool.allocate(80).array()).isNotSameAs(largeArray).isNotSameAs(smallArray);
    }

    private static List<List<String>> rows(Session session, String sql) {
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
