package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uncompressed files whose page bytes are damaged at random (DuckDB's v2 pages, which carry DELTA_BINARY_PACKED,
 * DELTA_LENGTH_BYTE_ARRAY, BYTE_STREAM_SPLIT, dictionaries and RLE levels, and its v1 pages): reading them either
 * succeeds (a flipped byte inside a value is just another value) or fails with a clean PostgreSQL-style error,
 * 22P04 (bad_copy_file_format, as PostgreSQL's COPY FROM reports a malformed file) "invalid data in Parquet file
 * ..." (or "file ... is not a valid Parquet file" when the footer no longer parses), whose message holds no stack
 * trace; never another exception, a hang or an out-of-memory error from a corrupt count.
 */
class ParquetCorruptPagesTest {
    @TempDir
    Path directory;

    @Test
    void damagedPagesFailCleanlyOrReadAsOtherValues() throws SQLException, IOException {
        int failures = 0;
        int trials = 0;
        for (String version : new String[] {"V1", "V2"}) {
            Path original = directory.resolve("original_" + version + ".parquet");
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                 Statement statement = connection.createStatement()) {
                statement.execute("SELECT setseed(0.5)");
                statement.execute("COPY (SELECT i::BIGINT AS id, (i * 7 % 1000)::INTEGER AS small,"
                        + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'text ' || (i % 37) END AS words,"
                        + " 'unique ' || i AS names, random() AS noise, (i % 3 = 0) AS flag"
                        + " FROM range(20000) AS r(i)) TO '" + original + "' (FORMAT parquet, COMPRESSION uncompressed,"
                        + " ROW_GROUP_SIZE 5000, PARQUET_VERSION " + version + ")");
            }
            byte[] bytes = Files.readAllBytes(original);
            int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            int dataEnd = bytes.length - 8 - footerLength;
            Random random = new Random(version.hashCode());
            try (Database database = Basalt.inMemory(); Session session = database.connect()) {
                for (int trial = 0; trial < 60; trial++) {
                    byte[] damaged = bytes.clone();
                    int flips = 1 + random.nextInt(16);
                    int at = 4 + random.nextInt(dataEnd - 4);
                    for (int f = 0; f < flips && at + f < dataEnd; f++) {
                        damaged[at + f] = (byte) random.nextInt(256);
                    }
                    Path file = directory.resolve("damaged_" + version + "_" + trial + ".parquet");
                    Files.write(file, damaged);
                    trials++;
                    // the whole file, then two pushed filters (late materialization: the filtered column first)
                    for (String where : new String[] {"", " WHERE small < 20", " WHERE id BETWEEN 7000 AND 7100"}) {
                        System.setProperty(ParquetScan.LATE_MATERIALIZATION_PROPERTY, String.valueOf(!where.isEmpty()));
                        try (QueryResult result = session.query("SELECT count(*), sum(id), sum(small), max(words),"
                                + " sum(length(names)), sum(noise), count(flag) FROM read_parquet('" + file + "')"
                                + where)) {
                            assertThat(result.rowCount()).isEqualTo(1);
                        } catch (BasaltException failure) {
                            failures++;
                            assertThat(failure.sqlState()).as(failure.getMessage())
                                    .isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
                            assertThat(failure.getMessage()).isIn("invalid data in Parquet file \"" + file + "\"",
                                    "file \"" + file + "\" is not a valid Parquet file");
                            assertThat(failure.getMessage()).doesNotContain("\tat ", "Exception");
                        }
                    }
                }
            }
        }
        System.clearProperty(ParquetScan.LATE_MATERIALIZATION_PROPERTY);
        // most damage lands in lengths, counts, levels or headers, which must be noticed
        assertThat(failures).as("failures out of %d", trials).isPositive();
    }
}
