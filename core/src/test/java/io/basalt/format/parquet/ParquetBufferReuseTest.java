package io.basalt.format.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.api.Basalt;
import io.basalt.api.BasaltConfig;
import io.basalt.api.Database;
import io.basalt.api.QueryResult;
import io.basalt.api.Session;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.util.TransferPair;
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

    /**
     * The worker hands the same carved vectors out again for the next batch only while nothing else holds their
     * memory: batches whose vectors the consumer transfers, or whose buffers it retains, must keep their values
     * while the scan goes on, and batches nobody keeps must come in the same vectors.
     */
    @Test
    void batchesTheConsumerKeepsAreNotOverwrittenAndOthersReuseTheirVectors() {
        Path file = directory.resolve("kept.parquet");
        try (Database database = Basalt.inMemory(BasaltConfig.defaults());
             Session session = database.connect()) {
            session.execute("COPY (SELECT g::bigint AS id, CASE WHEN g % 7 = 0 THEN NULL ELSE g * 0.25 END::float8 AS half,"
                    + " (g % 1000)::real AS small, CASE WHEN g % 5 = 0 THEN NULL ELSE 'value ' || g END AS label,"
                    + " CASE WHEN g % 3 = 0 THEN 'aa' ELSE 'b' END AS flag"
                    + " FROM generate_series(1, 23000) g) TO '" + file + "' (FORMAT parquet, ROW_GROUP_SIZE 5000)").close();
        }
        ParquetScan scan = ParquetScan.open(List.of(file.toString()));
        int[] columns = {0, 1, 2, 3, 4};
        try (BufferAllocator allocator = new RootAllocator()) {
            List<List<Object>> expected = ParquetPageReaderTest.read(scan, columns, allocator, 700);
            assertThat(expected).hasSize(23000);
            List<FieldVector> transferred = new ArrayList<>();
            List<ArrowBuf> retained = new ArrayList<>();
            List<long[]> retainedIds = new ArrayList<>();
            int reused = 0;
            FieldVector previousId = null;
            int batchIndex = 0;
            int rowsSeen = 0;
            try (SourceState source = scan.open(columns, ExecutionContext.of(allocator, 700))) {
                for (Batch batch = source.next(); batch != null; batch = source.next(), batchIndex++) {
                    FieldVector id = batch.columns().get(0);
                    if (id == previousId) {
                        reused++;
                    }
                    previousId = id;
                    for (int row = 0; row < batch.rowCount(); row++) {
                        List<Object> values = new ArrayList<>();
                        for (FieldVector vector : batch.columns()) {
                            Object value = ValueAccess.get(vector, row);
                            values.add(value instanceof byte[] bytes ? List.of(bytes) : value);
                        }
                        assertThat(values).as("row %d", rowsSeen + row).isEqualTo(expected.get(rowsSeen + row));
                    }
                    if (batchIndex % 4 == 1) {
                        // the consumer takes the batch's vectors for itself
                        for (FieldVector vector : batch.columns()) {
                            TransferPair pair = vector.getTransferPair(allocator);
                            pair.transfer();
                            transferred.add((FieldVector) pair.getTo());
                        }
                    } else if (batchIndex % 4 == 2) {
                        // the consumer keeps a reference to one buffer and reads it later
                        ArrowBuf data = id.getDataBuffer();
                        data.getReferenceManager().retain();
                        retained.add(data);
                        long[] ids = new long[batch.rowCount()];
                        for (int row = 0; row < ids.length; row++) {
                            ids[row] = ((BigIntVector) id).get(row);
                        }
                        retainedIds.add(ids);
                    }
                    rowsSeen += batch.rowCount();
                }
            }
            assertThat(rowsSeen).isEqualTo(23000);
            assertThat(reused).as("batches handed out in the vectors of the one before").isGreaterThan(5);
            int kept = 0;
            for (int i = 0; i < transferred.size(); i += columns.length) {
                int rows = transferred.get(i).getValueCount();
                long first = ((BigIntVector) transferred.get(i)).get(0);
                for (int row = 0; row < rows; row++) {
                    List<Object> values = new ArrayList<>();
                    for (int c = 0; c < columns.length; c++) {
                        Object value = ValueAccess.get(transferred.get(i + c), row);
                        values.add(value instanceof byte[] bytes ? List.of(bytes) : value);
                    }
                    assertThat(values).isEqualTo(expected.get((int) first - 1 + row));
                }
                kept++;
            }
            assertThat(kept).isGreaterThan(3);
            for (int i = 0; i < retained.size(); i++) {
                long[] ids = retainedIds.get(i);
                for (int row = 0; row < ids.length; row++) {
                    assertThat(retained.get(i).getLong((long) row * Long.BYTES)).isEqualTo(ids[row]);
                }
                retained.get(i).close();
            }
            transferred.forEach(FieldVector::close);
            assertThat(allocator.getAllocatedMemory()).isZero();
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
