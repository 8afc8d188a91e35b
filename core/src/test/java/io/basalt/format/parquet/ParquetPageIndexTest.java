package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.Database;
import io.basalt.api.Session;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.parquet.filter2.columnindex.RowRanges;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages skipped inside a row group by the page index: a Basalt file of one 200,000-row group sorted on {@code id},
 * whose id pages each cover one range of ids. The rows the index leaves are only the matching pages' rows, and
 * queries with pushed filters over every kind of column (page-at-a-time and value-at-a-time decoders, NULLs,
 * dictionary and PLAIN pages, lists) return exactly the rows the table returns.
 */
class ParquetPageIndexTest {
    private static final String TABLE = """
            CREATE TABLE sorted AS SELECT
              i::bigint AS id,
              'name ' || lpad(i::text, 7, '0') AS name,
              CASE WHEN i % 7 = 0 THEN NULL ELSE i % 13 END AS maybe,
              'group ' || (i % 5) AS grp,
              (i % 1000)::numeric(10,2) AS amount,
              CASE WHEN i % 4 = 0 THEN NULL ELSE ARRAY[i::integer, NULL] END AS arr,
              i % 2 = 0 AS flag,
              md5(i::text)::uuid AS u
            FROM generate_series(0, 199999) AS g(i)""";

    @TempDir
    Path directory;

    @Test
    void theIndexLeavesOnlyTheMatchingPagesRows() throws IOException {
        Path file = write();
        ParquetFile parquet = ParquetFile.open(file);
        MessageType schema = parquet.footer().getFileMetaData().getSchema();
        ParquetScan scan = ParquetScan.open(List.of(file.toString()));
        List<String> names = scan.names();
        List<LogicalType> types = scan.columnTypes();
        try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(file), ParquetFile.READ_OPTIONS)) {
            BlockMetaData block = reader.getFooter().getBlocks().getFirst();
            RowRanges one = ParquetPageRanges.matching(reader, schema, block, block.getColumns(), names, types,
                    List.of(new ScanPredicate.Compare(0, CompareOp.EQ, 123_456L)));
            assertThat(one).isNotNull();
            assertThat(one.rowCount()).isGreaterThan(0).isLessThan(100_000);
            assertThat(one.isOverlapping(123_456, 123_456)).isTrue();
            RowRanges none = ParquetPageRanges.matching(reader, schema, block, block.getColumns(), names, types,
                    List.of(new ScanPredicate.Compare(0, CompareOp.GT, 500_000L)));
            assertThat(none.rowCount()).isZero();
            // an unsorted column's pages all may match: the whole group is read
            assertThat(ParquetPageRanges.matching(reader, schema, block, block.getColumns(), names, types,
                    List.of(new ScanPredicate.Compare(0, CompareOp.GE, 0L)))).isNull();
        }
        // the scan reads only those rows, every column aligned on the same rows
        ParquetScan pruned = scan.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 123_000L),
                new ScanPredicate.Compare(0, CompareOp.LE, 123_010L)));
        List<List<Object>> all = read(scan);
        List<List<Object>> some = read(pruned);
        assertThat(some.size()).isGreaterThan(10).isLessThan(100_000);
        long first = (Long) some.getFirst().getFirst();
        assertThat(some).isEqualTo(all.subList((int) first, (int) first + some.size()));
        assertThat(some).extracting(row -> row.getFirst()).contains(123_000L, 123_010L);
    }

    private static List<List<Object>> read(ParquetScan scan) {
        int[] columns = new int[scan.names().size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = i;
        }
        try (BufferAllocator allocator = new RootAllocator()) {
            return ParquetPageReaderTest.read(scan, columns, allocator, 1000);
        }
    }

    @Test
    void queriesWithPushedFiltersReturnTheTablesRows() {
        Path file = directory.resolve("sorted.parquet");
        String[] filters = {"id = 123456", "id BETWEEN 70000 AND 70010", "id >= 199990", "id < 5",
            "id IN (3, 99999, 150000)", "id > 65530 AND id < 65540 AND maybe IS NOT NULL", "name = 'name 0131072'",
            "id >= 131000 AND id < 131100 AND grp = 'group 3'"};
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute(TABLE).close();
            session.execute("COPY (SELECT * FROM sorted ORDER BY id) TO '" + file
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 200000)").close();
            for (String filter : filters) {
                List<List<String>> expected = ParquetRoundTripTest.rows(session,
                        "SELECT * FROM sorted WHERE " + filter + " ORDER BY id");
                List<List<String>> actual = ParquetRoundTripTest.rows(session,
                        "SELECT * FROM read_parquet('" + file + "') WHERE " + filter + " ORDER BY id");
                assertThat(actual).as(filter).isEqualTo(expected);
                assertThat(actual).as(filter).isNotEmpty();
                List<List<String>> counted = ParquetRoundTripTest.rows(session,
                        "SELECT count(*), sum(id), count(arr), count(maybe) FROM read_parquet('" + file + "') WHERE "
                                + filter);
                assertThat(counted).as(filter).isEqualTo(ParquetRoundTripTest.rows(session,
                        "SELECT count(*), sum(id), count(arr), count(maybe) FROM sorted WHERE " + filter));
            }
        }
    }

    private Path write() {
        Path file = directory.resolve("index.parquet");
        try (Database database = Basalt.inMemory(); Session session = database.connect()) {
            session.execute(TABLE).close();
            session.execute("COPY (SELECT * FROM sorted ORDER BY id) TO '" + file
                    + "' (FORMAT parquet, ROW_GROUP_SIZE 200000)").close();
        }
        return file;
    }
}
