package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.exec.vector.VectorSlices;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page-at-a-time reader ({@link ParquetPageDecoder}) against parquet-mr's value-at-a-time reader
 * ({@link ParquetColumnDecoder}) on the same files: files written by DuckDB with random data over every codec,
 * both data page versions (V2 brings DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY, BYTE_STREAM_SPLIT), low and
 * high cardinality (dictionary and PLAIN pages), null densities from none to all, and odd vector sizes; and the
 * same data written again by Basalt. Both readers must produce the same values, and the values must be DuckDB's.
 */
class ParquetPageReaderTest {
    private static final String COLUMNS = """
            i::INTEGER AS id,
            CASE WHEN random() < %1$s THEN NULL ELSE (random() * %2$s)::INTEGER END AS i32,
            CASE WHEN random() < %1$s THEN NULL ELSE ((random() * %2$s)::INTEGER %% 30000)::SMALLINT END AS i16,
            CASE WHEN random() < %1$s THEN NULL ELSE (random() * %2$s * 1000000000)::BIGINT - 7 END AS i64,
            CASE WHEN random() < %1$s THEN NULL ELSE round(random() * %2$s, 3)::DOUBLE END AS f64,
            CASE WHEN random() < %1$s THEN NULL ELSE round(random() * %2$s, 2)::FLOAT END AS f32,
            CASE WHEN random() < %1$s THEN NULL ELSE random() < 0.5 END AS b,
            CASE WHEN random() < %1$s THEN NULL ELSE (random() * %2$s)::DECIMAL(9,2) END AS d9,
            CASE WHEN random() < %1$s THEN NULL ELSE (random() * %2$s * 1000)::DECIMAL(18,4) END AS d18,
            CASE WHEN random() < %1$s THEN NULL ELSE (random() * %2$s * 1000)::DECIMAL(30,4) END AS d30,
            CASE WHEN random() < %1$s THEN NULL ELSE DATE '2000-01-01' + (random() * %2$s)::INTEGER END AS dt,
            CASE WHEN random() < %1$s THEN NULL ELSE TIMESTAMP '2000-01-01' + to_microseconds((random() * %2$s * 1e9)::BIGINT) END AS ts,
            CASE WHEN random() < %1$s THEN NULL ELSE TIMESTAMPTZ '2000-01-01 00:00:00+00' + to_seconds((random() * %2$s)::BIGINT) END AS tstz,
            CASE WHEN random() < %1$s THEN NULL ELSE 'v' || (random() * %2$s)::INTEGER || repeat('x', (random() * 20)::INTEGER) END AS s,
            CASE WHEN random() < %1$s THEN NULL ELSE ('\\x' || lpad(((random() * %2$s)::INTEGER %% 256)::VARCHAR, 2, '0'))::BLOB END AS bin,
            CASE WHEN random() < %1$s THEN NULL ELSE ('00000000-0000-0000-0000-' || lpad(((random() * %2$s)::BIGINT)::VARCHAR, 12, '0'))::UUID END AS u
            """;

    @TempDir
    Path directory;

    @Test
    void pageReaderMatchesRecordReaderOnDuckDbFiles() throws SQLException {
        Random random = new Random(20261122);
        String[] codecs = {"uncompressed", "snappy", "gzip", "zstd"};
        String[] nullFractions = {"0", "0.05", "0.5", "0.97", "1"};
        String[] cardinalities = {"3", "100000"};
        int file = 0;
        for (String version : List.of("V1", "V2")) {
            for (String nulls : nullFractions) {
                for (String cardinality : cardinalities) {
                    String codec = codecs[random.nextInt(codecs.length)];
                    int rows = 1 + random.nextInt(6000);
                    int rowGroup = 1 + random.nextInt(3000);
                    Path path = directory.resolve("duck" + file++ + ".parquet");
                    String sql = "COPY (SELECT " + COLUMNS.formatted(nulls, cardinality) + " FROM range(" + rows
                            + ") AS r(i)) TO '" + path + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE "
                            + rowGroup + ", PARQUET_VERSION " + version + ")";
                    writeWithDuckDb(sql, random.nextDouble());
                    String label = version + " " + codec + " nulls " + nulls + " cardinality " + cardinality + " rows "
                            + rows + " row group " + rowGroup;
                    List<List<Object>> page = read(ParquetScan.open(List.of(path.toString())), 1 + random.nextInt(3000));
                    List<List<Object>> record = read(ParquetScan.open(List.of(path.toString())).withRecordReader(), 7);
                    assertThat(page).as(label).hasSize(rows);
                    assertThat(page).as(label).isEqualTo(record);
                    assertSameAsDuckDb(path, label);
                }
            }
        }
    }

    @Test
    void pageReaderMatchesRecordReaderOnBasaltFiles() throws SQLException {
        Path source = directory.resolve("source.parquet");
        writeWithDuckDb("COPY (SELECT " + COLUMNS.formatted("0.3", "50") + " FROM range(5000) AS r(i)) TO '" + source
                + "' (FORMAT parquet)", 0.25);
        for (String codec : List.of("none", "snappy", "gzip", "zstd", "lz4")) {
            Path path = directory.resolve("basalt_" + codec + ".parquet");
            try (Database database = Basalt.inMemory(); Session session = database.connect()) {
                session.execute("COPY (SELECT * FROM read_parquet('" + source + "') ORDER BY id) TO '" + path
                        + "' (FORMAT parquet, COMPRESSION " + codec + ", ROW_GROUP_SIZE 1234)").close();
            }
            List<List<Object>> page = read(ParquetScan.open(List.of(path.toString())), 1000);
            assertThat(page).as(codec).hasSize(5000);
            assertThat(page).as(codec).isEqualTo(read(ParquetScan.open(List.of(path.toString())).withRecordReader(), 2048));
            assertThat(page).as(codec).isEqualTo(read(ParquetScan.open(List.of(source.toString())), 2048));
        }
    }

    @Test
    void projectionReadsOnlyTheColumnsAskedForInTheirOrder() throws SQLException {
        Path path = directory.resolve("projection.parquet");
        writeWithDuckDb("COPY (SELECT " + COLUMNS.formatted("0.2", "1000") + " FROM range(3000) AS r(i)) TO '" + path
                + "' (FORMAT parquet, ROW_GROUP_SIZE 1000)", 0.5);
        ParquetScan scan = ParquetScan.open(List.of(path.toString()));
        int[] columns = {13, 0, 4};
        try (BufferAllocator allocator = new RootAllocator()) {
            List<List<Object>> some = read(scan, columns, allocator, 333);
            List<List<Object>> all = read(scan.withRecordReader(), allIndices(scan), allocator, 333);
            assertThat(some).hasSize(3000);
            for (int row = 0; row < all.size(); row++) {
                assertThat(some.get(row)).containsExactly(all.get(row).get(13), all.get(row).get(0), all.get(row).get(4));
            }
        }
    }

    @Test
    void slicesOfABatchKeepTheirValuesAfterTheScanMovesOnAndCloses() throws SQLException {
        // a batch's fixed-width vectors share one allocation (ParquetScanWorker.carve): zero-copy slices of one of
        // them into another allocator must keep their values, and their memory, after the scan has closed them all
        Path path = directory.resolve("slices.parquet");
        writeWithDuckDb("COPY (SELECT i::BIGINT AS a, (i * 3)::INTEGER AS b, i * 0.5 AS c, (i % 7)::BIGINT AS d,"
                + " 'row ' || i AS e FROM range(5000) AS r(i)) TO '" + path + "' (FORMAT parquet, ROW_GROUP_SIZE 2000)",
                0.5);
        ParquetScan scan = ParquetScan.open(List.of(path.toString()));
        try (BufferAllocator root = new RootAllocator()) {
            List<FieldVector> kept = new ArrayList<>();
            try (BufferAllocator keeper = root.newChildAllocator("kept", 0, Long.MAX_VALUE)) {
                try (BufferAllocator scanMemory = root.newChildAllocator("scan", 0, Long.MAX_VALUE);
                     SourceState source = scan.open(new int[] {0, 1, 2, 3, 4}, ExecutionContext.of(scanMemory, 700))) {
                    for (Batch batch = source.next(); batch != null; batch = source.next()) {
                        kept.add(VectorSlices.slice(batch.columns().get(1), 0, batch.rowCount(), keeper));
                        kept.add(VectorSlices.slice(batch.columns().get(3), 1, batch.rowCount() - 1, keeper));
                        kept.add(VectorSlices.slice(batch.columns().get(4), 0, batch.rowCount(), keeper));
                    }
                }
                long row = 0;
                try {
                    for (int i = 0; i < kept.size(); i += 3) {
                        FieldVector b = kept.get(i);
                        FieldVector d = kept.get(i + 1);
                        FieldVector e = kept.get(i + 2);
                        assertThat(d.getValueCount()).isEqualTo(b.getValueCount() - 1);
                        for (int r = 0; r < b.getValueCount(); r++, row++) {
                            assertThat(((Number) ValueAccess.get(b, r)).longValue()).isEqualTo(row * 3);
                            assertThat(ValueAccess.get(e, r).toString()).isEqualTo("row " + row);
                            if (r > 0) {
                                assertThat(((Number) ValueAccess.get(d, r - 1)).longValue()).isEqualTo(row % 7);
                            }
                        }
                    }
                } finally {
                    kept.forEach(FieldVector::close);
                }
                assertThat(row).isEqualTo(5000);
            }
            assertThat(root.getAllocatedMemory()).isZero();
        }
    }

    /** Basalt's text of every value equals DuckDB's for the columns both print alike. */
    private void assertSameAsDuckDb(Path path, String label) throws SQLException {
        String columns = "id, i32, i16, i64, b, d9, d18, d30, dt, s, u";
        List<String> duck = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + columns.replace(", ", "::VARCHAR, ")
                     + "::VARCHAR FROM read_parquet('" + path + "') ORDER BY id")) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= 11; c++) {
                    String value = result.getString(c);
                    row.append(c > 1 ? "|" : "").append(value == null ? "NULL"
                            : value.equals("true") ? "t" : value.equals("false") ? "f" : value);
                }
                duck.add(row.toString());
            }
        }
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            List<List<String>> basalt = ParquetRoundTripTest.rows(session,
                    "SELECT " + columns + " FROM read_parquet('" + path + "') ORDER BY id");
            List<String> joined = new ArrayList<>();
            for (List<String> row : basalt) {
                StringBuilder text = new StringBuilder();
                for (String value : row) {
                    text.append(text.isEmpty() ? "" : "|").append(value == null ? "NULL" : value);
                }
                joined.add(text.toString());
            }
            assertThat(joined).as(label).isEqualTo(duck);
        }
    }

    private static void writeWithDuckDb(String copy, double seed) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute("SELECT setseed(" + seed + ")");
            statement.execute("SET threads = 1");
            statement.execute(copy);
        }
    }

    private static List<List<Object>> read(ParquetScan scan, int vectorSize) {
        try (BufferAllocator allocator = new RootAllocator()) {
            return read(scan, allIndices(scan), allocator, vectorSize);
        }
    }

    private static int[] allIndices(ParquetScan scan) {
        int[] columns = new int[scan.names().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        return columns;
    }

    static List<List<Object>> read(ParquetScan scan, int[] columns, BufferAllocator allocator, int vectorSize) {
        List<List<Object>> rows = new ArrayList<>();
        try (SourceState source = scan.open(columns, ExecutionContext.of(allocator, vectorSize))) {
            for (Batch batch = source.next(); batch != null; batch = source.next()) {
                for (int row = 0; row < batch.rowCount(); row++) {
                    List<Object> values = new ArrayList<>();
                    for (FieldVector vector : batch.columns()) {
                        Object value = ValueAccess.get(vector, row);
                        values.add(value instanceof byte[] bytes ? List.of(bytes) : value);
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }
}
