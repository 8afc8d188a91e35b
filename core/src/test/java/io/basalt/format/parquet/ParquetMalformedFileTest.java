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
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are missing, are not Parquet, are cut short, carry corrupt pages or hold types Basalt cannot read
 * fail with a PostgreSQL-style error (no internal error, no stack trace in the message), and a failed COPY FROM
 * leaves the table as it was.
 */
class ParquetMalformedFileTest {
    @TempDir
    Path directory;

    private Database database;
    private Session session;

    @BeforeEach
    void open() {
        database = Basalt.inMemory();
        session = database.connect();
        session.execute("CREATE TABLE t (id bigint, name text)").close();
        session.execute("INSERT INTO t VALUES (1, 'kept')").close();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        session.close();
        database.close();
    }

    @Test
    void aMissingFileIsUndefinedFile() {
        String missing = directory.resolve("missing.parquet").toString();
        expectError("SELECT * FROM read_parquet('" + missing + "')", SqlState.UNDEFINED_FILE,
                "could not open file \"" + missing + "\" for reading: No such file or directory");
        expectError("COPY t FROM '" + missing + "'", SqlState.UNDEFINED_FILE,
                "could not open file \"" + missing + "\" for reading: No such file or directory");
        expectError("SELECT * FROM read_parquet('" + directory + "/none*.parquet')", SqlState.UNDEFINED_FILE,
                "no files match \"" + directory + "/none*.parquet\"");
        assertTableUnchanged();
    }

    @Test
    void aFileWithoutParquetMagicIsRejected() throws IOException {
        Path file = directory.resolve("text.parquet");
        Files.writeString(file, "id,name\n1,not parquet at all, just some text\n");
        expectError("SELECT * FROM read_parquet('" + file + "')", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + file + "\" is not a valid Parquet file");
        expectError("COPY t FROM '" + file + "' (FORMAT parquet)", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + file + "\" is not a valid Parquet file");
        Path empty = directory.resolve("empty.parquet");
        Files.write(empty, new byte[0]);
        expectError("SELECT * FROM read_parquet('" + empty + "')", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + empty + "\" is not a valid Parquet file");
        assertTableUnchanged();
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path file = written("whole.parquet");
        Path truncated = directory.resolve("truncated.parquet");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        expectError("COPY t FROM '" + truncated + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "file \"" + truncated + "\" is not a valid Parquet file");
        assertTableUnchanged();
    }

    @Test
    void corruptPagesFailAsBadCopyFileFormatAndInsertNothing() throws IOException {
        Path file = written("corrupt.parquet");
        // Overwrite the middle of the data (after the magic, before the footer) with garbage.
        long length = Files.size(file);
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            for (long at = 4; at < length / 2; at++) {
                raw.seek(at);
                raw.write(0xA5);
            }
        }
        expectError("COPY t FROM '" + file + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "invalid data in Parquet file \"" + file + "\"");
        expectError("SELECT sum(id) FROM read_parquet('" + file + "')", SqlState.BAD_COPY_FILE_FORMAT,
                "invalid data in Parquet file \"" + file + "\"");
        assertTableUnchanged();
    }

    @Test
    void columnsOfTheWrongTypeOrNumberAreRefused() throws IOException {
        Path file = directory.resolve("types.parquet");
        session.execute("COPY (SELECT 'x'::text AS a, 2::bigint AS b) TO '" + file + "'").close();
        expectError("COPY t FROM '" + file + "'", SqlState.DATATYPE_MISMATCH,
                "column \"id\" is of type bigint but expression is of type text");
        expectError("COPY t (id) FROM '" + file + "'", SqlState.BAD_COPY_FILE_FORMAT,
                "Parquet file \"" + file + "\" has 2 columns, but COPY expects 1");
        assertTableUnchanged();
    }

    @Test
    void nestedGroupsAreNotSupported() throws SQLException {
        Path file = directory.resolve("struct.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT {'a': 1, 'b': 'x'} AS s) TO '" + file + "' (FORMAT parquet)");
        }
        assertThatThrownBy(() -> session.query("SELECT * FROM read_parquet('" + file + "')").close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("Parquet column \"s\" is a nested group (struct, map or"
                            + " list of groups), which is not supported");
                });
    }

    private Path written(String name) {
        Path file = directory.resolve(name);
        session.execute("COPY (SELECT i AS id, 'name ' || i AS name FROM generate_series(1, 20000) AS g(i)) TO '"
                + file + "' (FORMAT parquet, ROW_GROUP_SIZE 5000, COMPRESSION snappy)").close();
        return file;
    }

    private void expectError(String sql, SqlState state, String message) {
        assertThatThrownBy(() -> session.execute(sql).close())
                .isInstanceOfSatisfying(BasaltException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo(state);
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
