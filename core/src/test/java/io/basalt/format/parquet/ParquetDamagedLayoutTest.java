package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.testing.OpenRootsSnapshot;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.parquet.format.ColumnChunk;
import org.apache.parquet.format.ColumnMetaData;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by Basalt whose layout was then damaged on purpose: sizes in the footer or in a page header that
 * point past the end of the file, counts and sizes far larger than the file could hold, a corrupt row group at the
 * end of a long file. Each must fail with a PostgreSQL-style error (22P04, bad_copy_file_format, as PostgreSQL's COPY
 * FROM reports a malformed file: "file ... is not a valid Parquet file" when the footer does not describe the file,
 * "invalid data in Parquet file ..." when a page does not decode) before allocating what the damaged size asks for, a failed COPY FROM
 * must leave the table as it was, and no Arrow memory may stay allocated.
 */
class ParquetDamagedLayoutTest {
    /** A size no file of these tests comes near, which a reader must not try to allocate. */
    private static final int HUGE = 1_900_000_000;

    @TempDir
    Path directory;

    private OpenRootsSnapshot roots;
    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        roots = OpenRootsSnapshot.take();
        database = Basalt.inMemory();
        session = database.connect();
        session.execute("CREATE TABLE t (id bigint, name text)").close();
        session.execute("INSERT INTO t VALUES (1, 'kept')").close();
    }

    @AfterEach
    void close() {
        session.close();
        database.close();
        assertThat(roots.openedSince()).as("Arrow memory held after the database closed").isEmpty();
    }

    @Test
    void aFooterLongerThanTheFileIsNotParquet() throws IOException {
        Path file = written("footer.parquet", "snappy", 5000);
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(bytes.length + 1000);
        Files.write(file, bytes);
        expectError("COPY t FROM '" + file + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + file + "\" is not a valid Parquet file");
        assertTableUnchanged();
    }

    @Test
    void aColumnChunkPastTheEndOfTheFileIsNotParquet() throws IOException {
        Path file = written("chunk.parquet", "snappy", 5000);
        rewriteFooter(file, footer -> {
            ColumnMetaData last = footer.getRow_groups().getLast().getColumns().getLast().getMeta_data();
            last.setTotal_compressed_size(HUGE);
        });
        expectError("COPY t FROM '" + file + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + file + "\" is not a valid Parquet file");
        expectError("SELECT count(*) FROM read_parquet('" + file + "')", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + file + "\" is not a valid Parquet file");
        Path before = written("before.parquet", "snappy", 5000);
        rewriteFooter(before, footer -> footer.getRow_groups().getFirst().getColumns().getFirst().getMeta_data()
                .setData_page_offset(-HUGE));
        expectError("COPY t FROM '" + before + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + before + "\" is not a valid Parquet file");
        assertTableUnchanged();
    }

    @Test
    void aPageLargerThanItsColumnChunkIsCorrupt() throws IOException {
        for (String compression : new String[] {"none", "snappy"}) {
            Path file = written("page_" + compression + ".parquet", compression, 5000);
            rewriteFirstPageHeader(file, header -> header.setCompressed_page_size(HUGE));
            expectCorrupt("COPY t FROM '" + file + "'", file);
            assertTableUnchanged();
        }
    }

    @Test
    void aPageThatClaimsAHugeUncompressedSizeIsCorrupt() throws IOException {
        for (String compression : new String[] {"snappy", "zstd", "gzip", "lz4"}) {
            Path file = written("inflated_" + compression + ".parquet", compression, 5000);
            rewriteFirstPageHeader(file, header -> header.setUncompressed_page_size(HUGE));
            expectCorrupt("COPY t FROM '" + file + "'", file);
            expectCorrupt("SELECT sum(id) FROM read_parquet('" + file + "')", file);
        }
        assertTableUnchanged();
    }

    @Test
    void aPageThatClaimsMoreValuesThanItsRowGroupHasIsCorrupt() throws IOException {
        Path file = written("count.parquet", "none", 5000);
        rewriteFirstPageHeader(file, header -> {
            if (header.isSetData_page_header()) {
                header.getData_page_header().setNum_values(HUGE);
            } else {
                header.getDictionary_page_header().setNum_values(HUGE);
            }
        });
        expectCorrupt("COPY t FROM '" + file + "'", file);
        assertTableUnchanged();
    }

    @Test
    void aDictionaryThatClaimsMoreEntriesThanItsPageHoldsIsCorrupt() throws IOException {
        Path file = directory.resolve("dictionary.parquet");
        session.execute("COPY (SELECT i AS id, 'name ' || (i % 10) AS name FROM generate_series(1, 20000) AS g(i))"
                + " TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 5000, COMPRESSION none)").close();
        byte[] bytes = Files.readAllBytes(file);
        FileMetaData footer = footer(bytes);
        long dictionary = -1;
        for (ColumnChunk chunk : footer.getRow_groups().getFirst().getColumns()) {
            if (chunk.getMeta_data().isSetDictionary_page_offset()) {
                dictionary = chunk.getMeta_data().getDictionary_page_offset();
            }
        }
        assertThat(dictionary).as("the file has a dictionary page").isPositive();
        rewritePageHeader(file, dictionary, header -> header.getDictionary_page_header().setNum_values(HUGE));
        expectCorrupt("COPY t FROM '" + file + "'", file);
        assertTableUnchanged();
    }

    /**
     * The same damaged dictionary read by parquet-mr's value-at-a-time reader (which sizes its dictionary arrays by
     * the page's count alone): jsonb from a JSON column takes that path, and so does every column with
     * {@link ParquetScan#withRecordReader}.
     */
    @Test
    void aDictionaryThatClaimsMoreEntriesThanItsPageHoldsIsCorruptForTheValueAtATimeReader() throws IOException {
        Path file = directory.resolve("json_dictionary.parquet");
        session.execute("COPY (SELECT i AS id, ('{\"n\": ' || (i % 10) || '}')::jsonb AS doc"
                + " FROM generate_series(1, 20000) AS g(i)) TO '" + file
                + "' (FORMAT parquet, ROW_GROUP_SIZE 5000, COMPRESSION none)").close();
        ColumnMetaData doc = footer(Files.readAllBytes(file)).getRow_groups().getFirst().getColumns().get(1)
                .getMeta_data();
        assertThat(doc.isSetDictionary_page_offset()).as("the jsonb column has a dictionary page").isTrue();
        ParquetScan intact = ParquetScan.open(java.util.List.of(file.toString()));
        assertThat(ParquetPageDecoder.kindOf(intact.columnTypes().get(1),
                intact.files().getFirst().footer().getFileMetaData().getSchema().getColumns().get(1)))
                .as("jsonb is decoded value at a time").isNull();
        session.execute("CREATE TABLE docs (id bigint, doc jsonb)").close();
        session.execute("COPY docs FROM '" + file + "'").close();
        assertThat(count("SELECT count(*) FROM docs WHERE doc->>'n' = '3'")).isEqualTo(2000);
        session.execute("TRUNCATE docs").close();

        rewritePageHeader(file, doc.getDictionary_page_offset(),
                header -> header.getDictionary_page_header().setNum_values(HUGE));
        expectCorrupt("COPY docs FROM '" + file + "'", file);
        expectCorrupt("SELECT count(*) FROM read_parquet('" + file + "') WHERE doc->>'n' = '3'", file);
        assertThat(count("SELECT count(*) FROM docs")).isZero();
        assertTableUnchanged();
    }

    private long count(String sql) {
        try (QueryResult result = session.query(sql)) {
            return Long.parseLong(result.getText(0, 0));
        }
    }

    @Test
    void aStringLongerThanItsPageIsCorrupt() throws IOException {
        Path file = directory.resolve("long_string.parquet");
        session.execute("COPY (SELECT i AS id, 'unique name ' || i AS name FROM generate_series(1, 20000) AS g(i))"
                + " TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 5000, COMPRESSION none)").close();
        byte[] bytes = Files.readAllBytes(file);
        ColumnMetaData names = footer(bytes).getRow_groups().getFirst().getColumns().get(1).getMeta_data();
        int at = (int) names.getData_page_offset();
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, at, bytes.length - at);
        PageHeader header = Util.readPageHeader(in);
        int values = at + (bytes.length - at - in.available());
        // v1 page of an optional column: the definition levels' length, the levels, then the first string's length
        int levels = ByteBuffer.wrap(bytes, values, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(header.getData_page_header().getEncoding()).hasToString("PLAIN");
        ByteBuffer.wrap(bytes, values + 4 + levels, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(HUGE);
        Files.write(file, bytes);
        expectCorrupt("COPY t FROM '" + file + "'", file);
        assertTableUnchanged();
    }

    @Test
    void aCopyThatFailsInItsLastRowGroupInsertsNothing() throws IOException {
        Path file = directory.resolve("late.parquet");
        session.execute("COPY (SELECT i AS id, 'name ' || i AS name FROM generate_series(1, 200000) AS g(i)) TO '"
                + file + "' (FORMAT parquet, ROW_GROUP_SIZE 10000, COMPRESSION snappy)").close();
        byte[] bytes = Files.readAllBytes(file);
        RowGroup last = footer(bytes).getRow_groups().getLast();
        assertThat(footer(bytes).getRow_groups()).hasSize(20);
        ColumnMetaData id = last.getColumns().getFirst().getMeta_data();
        long start = id.isSetDictionary_page_offset() ? id.getDictionary_page_offset() : id.getData_page_offset();
        // garbage over the whole chunk: its page headers no longer parse
        Arrays.fill(bytes, (int) start, (int) (start + id.getTotal_compressed_size()), (byte) 0xA5);
        Files.write(file, bytes);
        assertThatThrownBy(() -> session.execute("COPY t FROM '" + file + "'").close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.BAD_COPY_FILE_FORMAT);
                    assertThat(e.getMessage()).contains(file.toString()).doesNotContain("Exception", "\tat ");
                });
        assertTableUnchanged();
        session.execute("BEGIN").close();
        assertThatThrownBy(() -> session.execute("INSERT INTO t SELECT * FROM read_parquet('" + file + "')").close())
                .isInstanceOf(BasaltException.class);
        session.execute("ROLLBACK").close();
        assertTableUnchanged();
    }

    /** A file of 20,000 rows (ids 1.., names 'name i') in row groups of {@code rowGroup} rows. */
    private Path written(String name, String compression, int rowGroup) {
        Path file = directory.resolve(name);
        session.execute("COPY (SELECT i AS id, 'name ' || i AS name FROM generate_series(1, 20000) AS g(i)) TO '"
                + file + "' (FORMAT parquet, ROW_GROUP_SIZE " + rowGroup + ", COMPRESSION " + compression + ")").close();
        return file;
    }

    private static FileMetaData footer(byte[] bytes) throws IOException {
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        return Util.readFileMetaData(new ByteArrayInputStream(bytes, bytes.length - 8 - length, length));
    }

    /** Rewrites the file's footer after {@code change}, keeping its data. */
    private static void rewriteFooter(Path file, Consumer<FileMetaData> change) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        FileMetaData footer = footer(bytes);
        change.accept(footer);
        writeWithFooter(file, Arrays.copyOf(bytes, bytes.length - 8 - length), footer);
    }

    private static void writeWithFooter(Path file, byte[] data, FileMetaData footer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(data);
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, serialized);
        out.write(serialized.toByteArray());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(serialized.size()).array());
        out.write("PAR1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(file, out.toByteArray());
    }

    /** Changes the header of the first page of the first column chunk (its dictionary page, if it has one). */
    private static void rewriteFirstPageHeader(Path file, Consumer<PageHeader> change) throws IOException {
        ColumnMetaData first = footer(Files.readAllBytes(file)).getRow_groups().getFirst().getColumns().getFirst()
                .getMeta_data();
        rewritePageHeader(file, first.isSetDictionary_page_offset() ? first.getDictionary_page_offset()
                : first.getData_page_offset(), change);
    }

    /**
     * Changes the page header at {@code position}; the bytes after it move by the difference in the header's
     * length, and the footer's offsets and sizes are moved with them (so that only the header is wrong).
     */
    private static void rewritePageHeader(Path file, long position, Consumer<PageHeader> change) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int dataEnd = bytes.length - 8 - footerLength;
        FileMetaData footer = footer(bytes);
        int at = (int) position;
        ByteArrayInputStream in = new ByteArrayInputStream(bytes, at, dataEnd - at);
        PageHeader header = Util.readPageHeader(in);
        int oldLength = dataEnd - at - in.available();
        change.accept(header);
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        Util.writePageHeader(header, serialized);
        int delta = serialized.size() - oldLength;
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(bytes, 0, at);
        data.write(serialized.toByteArray());
        data.write(bytes, at + oldLength, dataEnd - at - oldLength);
        for (RowGroup group : footer.getRow_groups()) {
            for (ColumnChunk chunk : group.getColumns()) {
                ColumnMetaData meta = chunk.getMeta_data();
                long start = meta.isSetDictionary_page_offset() ? meta.getDictionary_page_offset() : meta.getData_page_offset();
                if (start <= position && position < start + meta.getTotal_compressed_size()) {
                    meta.setTotal_compressed_size(meta.getTotal_compressed_size() + delta);
                }
                if (meta.getData_page_offset() > position) {
                    meta.setData_page_offset(meta.getData_page_offset() + delta);
                }
                if (meta.isSetDictionary_page_offset() && meta.getDictionary_page_offset() > position) {
                    meta.setDictionary_page_offset(meta.getDictionary_page_offset() + delta);
                }
                if (chunk.getFile_offset() > position) {
                    chunk.setFile_offset(chunk.getFile_offset() + delta);
                }
                if (chunk.isSetColumn_index_offset() && chunk.getColumn_index_offset() > position) {
                    chunk.setColumn_index_offset(chunk.getColumn_index_offset() + delta);
                }
                if (chunk.isSetOffset_index_offset() && chunk.getOffset_index_offset() > position) {
                    chunk.setOffset_index_offset(chunk.getOffset_index_offset() + delta);
                }
            }
            if (group.isSetFile_offset() && group.getFile_offset() > position) {
                group.setFile_offset(group.getFile_offset() + delta);
            }
        }
        writeWithFooter(file, data.toByteArray(), footer);
    }

    private void expectCorrupt(String sql, Path file) {
        expectError(sql, SqlState.BAD_COPY_FILE_FORMAT, "invalid data in Parquet file \"" + file + "\"");
    }

    private void expectError(String sql, SqlState state, String message) {
        assertThatThrownBy(() -> session.execute(sql).close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).as(e.getMessage() + " / " + e.detail()).isEqualTo(state);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    private void assertTableUnchanged() {
        try (QueryResult result = session.query("SELECT count(*), min(name) FROM t")) {
            assertThat(result.getText(0, 0)).isEqualTo("1");
            assertThat(result.getText(0, 1)).isEqualTo("kept");
        }
    }
}
