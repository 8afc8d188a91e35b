package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ParquetFile#open} parses a file's footer once and uses it again while the file ends in the same footer
 * bytes; a file rewritten in place, even with its old size and modification time, is parsed afresh.
 */
class ParquetFooterCacheTest {
    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Basalt.inMemory();
        session = database.connect();
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void anUnchangedFileKeepsItsParsedFooter() {
        Path file = directory.resolve("same.parquet");
        session.execute("COPY (SELECT i AS id FROM generate_series(1, 1000) AS g(i)) TO '" + file
                + "' (FORMAT parquet)").close();
        ParquetFile first = ParquetFile.open(file);
        assertThat(ParquetFile.open(file).footer()).isSameAs(first.footer());
        assertThat(text("SELECT sum(id) FROM read_parquet('" + file + "')")).isEqualTo("500500");
        assertThat(ParquetFile.open(file).footer()).isSameAs(first.footer());
    }

    @Test
    void aFileRewrittenWithTheSameSizeAndTimeIsReadAfresh() throws IOException {
        Path file = directory.resolve("rewritten.parquet");
        Path other = directory.resolve("other.parquet");
        session.execute("COPY (SELECT i AS id FROM generate_series(1, 1000) AS g(i)) TO '" + file
                + "' (FORMAT parquet, COMPRESSION none)").close();
        session.execute("COPY (SELECT 1001 - i AS id FROM generate_series(1, 1000) AS g(i)) TO '" + other
                + "' (FORMAT parquet, COMPRESSION none)").close();
        assertThat(text("SELECT min(id), max(id) FROM read_parquet('" + file + "')")).isEqualTo("1");
        assertThat(text("SELECT id FROM read_parquet('" + file + "') LIMIT 1")).isEqualTo("1");
        FileTime written = Files.getLastModifiedTime(file);
        byte[] replacement = Files.readAllBytes(other);
        assertThat(replacement).hasSize((int) Files.size(file));
        Files.write(file, replacement);
        Files.setLastModifiedTime(file, written);
        // the same values in the opposite order: the first row and the footer's statistics differ
        assertThat(text("SELECT id FROM read_parquet('" + file + "') LIMIT 1")).isEqualTo("1000");
        assertThat(text("SELECT count(*) FROM read_parquet('" + file + "') WHERE id > 990")).isEqualTo("10");
    }

    @Test
    void aFooterDamagedAfterItWasReadIsNoticed() throws IOException {
        Path file = directory.resolve("damaged.parquet");
        session.execute("COPY (SELECT i AS id FROM generate_series(1, 1000) AS g(i)) TO '" + file
                + "' (FORMAT parquet)").close();
        assertThat(text("SELECT sum(id) FROM read_parquet('" + file + "')")).isEqualTo("500500");
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length + 1000);
        Files.write(file, bytes);
        assertThatThrownBy(() -> session.query("SELECT sum(id) FROM read_parquet('" + file + "')").close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
                    assertThat(e.getMessage()).isEqualTo("file \"" + file + "\" is not a valid Parquet file");
                });
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedFootersBeyondItsCountOrBytes() {
        FooterCache cache = new FooterCache(2);
        ParquetMetadata a = new ParquetMetadata(null, List.of());
        ParquetMetadata b = new ParquetMetadata(null, List.of());
        ParquetMetadata c = new ParquetMetadata(null, List.of());
        byte[] tail = {1, 2, 3};
        cache.put(Path.of("/a"), tail, a);
        cache.put(Path.of("/b"), tail, b);
        assertThat(cache.get(Path.of("/a"), tail)).isSameAs(a);
        cache.put(Path.of("/c"), tail, c);
        assertThat(cache.get(Path.of("/b"), tail)).as("least recently used").isNull();
        assertThat(cache.get(Path.of("/a"), tail)).isSameAs(a);
        assertThat(cache.get(Path.of("/c"), new byte[] {1, 2, 4})).as("other footer bytes").isNull();
        assertThat(cache.bytes()).isEqualTo(6);

        FooterCache large = new FooterCache(100);
        int size = 3 << 20;
        for (int i = 0; i < 20; i++) {
            large.put(Path.of("/f" + i), new byte[size], a);
        }
        assertThat(large.bytes()).isLessThanOrEqualTo(FooterCache.BUDGET).isEqualTo(FooterCache.BUDGET / size * size);
        assertThat(large.get(Path.of("/f19"), new byte[size])).isSameAs(a);
        assertThat(large.get(Path.of("/f0"), new byte[size])).isNull();
    }

    private String text(String sql) {
        try (QueryResult result = session.query(sql)) {
            return result.getText(0, 0);
        }
    }
}
