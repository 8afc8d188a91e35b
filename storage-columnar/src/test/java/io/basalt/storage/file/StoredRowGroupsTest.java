package io.basalt.storage.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.storage.table.InMemoryTableStore;
import io.basalt.storage.table.TableImage;
import io.basalt.type.LogicalType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables whose row groups stay in their data file ({@link InMemoryTableStore#restoreStored}) and are read through a
 * {@link BufferCache} as scans reach them: they read exactly as tables held in memory (values, NULLs, deleted rows,
 * row ids, zone-map pruning, parallel morsels, deletes and appends after opening); a table several times larger
 * than the cache scans with the cache and all Arrow memory staying bounded; damage shows when a chunk is first
 * read, naming the file; nothing leaks.
 */
class StoredRowGroupsTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT);
    private static final int CHUNK_ROWS = 1024;

    @TempDir
    Path directory;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void everythingIsFreed() throws Exception {
        for (AutoCloseable resource : closing.reversed()) {
            resource.close();
        }
        assertThat(query.getAllocatedMemory()).isZero();
        query.close();
        root.close();
    }

    /** A table of {@code rows} rows (a, 'v' || a or NULL every third row) written to a data file. */
    private Path tableFile(int rows, long[] deleted) {
        Path file = directory.resolve("t.bdf");
        try (BufferAllocator tables = root.newChildAllocator("source", 0, Long.MAX_VALUE)) {
            InMemoryTableStore source = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
            try {
                for (int first = 0; first < rows; first += 50_000) {
                    append(source, first, Math.min(50_000, rows - first));
                }
                source.modify(deleted, List.of(), () -> { });
                try (TableImage image = source.image(query)) {
                    TableFileWriter.write(file, image, query);
                }
            } finally {
                source.close();
            }
        }
        return file;
    }

    private void append(InMemoryTableStore store, long first, int rows) {
        try (FieldVector numbers = ValueAccess.allocate(LogicalType.BIGINT, "a", query, rows);
             FieldVector texts = ValueAccess.allocate(LogicalType.TEXT, "b", query, rows)) {
            for (int r = 0; r < rows; r++) {
                long value = first + r;
                ValueAccess.set(numbers, r, value);
                ValueAccess.set(texts, r, value % 3 == 0 ? null : "v" + value);
            }
            numbers.setValueCount(rows);
            texts.setValueCount(rows);
            store.append(new Batch(List.of(numbers, texts), rows));
        }
    }

    /** Opens {@code file} into a new store whose row groups stay in the file, read through {@code cache}. */
    private InMemoryTableStore opened(Path file, BufferAllocator tables, BufferCache cache) {
        InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
        closing.add(store);
        TableFile mapped = TableFile.open(file, TYPES);
        assertThat(TableFileRestore.restoreStored(store, mapped, 0, tables, cache)).isTrue();
        return store;
    }

    private BufferCache cache(long budget) {
        BufferCache cache = new BufferCache(root.newChildAllocator("cache", 0, Long.MAX_VALUE), budget);
        closing.add(cache);
        return cache;
    }

    private BufferAllocator tables() {
        BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
        closing.add(tables);
        return tables;
    }

    /** Every live row as "id:a:b", and the checks of their values, reading with batches of 1000 rows. */
    private static List<String> scan(ScanSource source, BufferAllocator allocator) {
        List<String> rows = new ArrayList<>();
        try (SourceState scan = source.open(new int[] {ScanSource.ROW_ID, 0, 1},
                ExecutionContext.of(allocator, 1000))) {
            collect(scan, rows);
        }
        return rows;
    }

    private static void collect(SourceState scan, List<String> rows) {
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
            for (int r = 0; r < batch.rowCount(); r++) {
                rows.add(ValueAccess.get(batch.column(0), r) + ":" + ValueAccess.get(batch.column(1), r) + ":"
                        + ValueAccess.get(batch.column(2), r));
            }
        }
    }

    private static String row(long id) {
        return id + ":" + id + ":" + (id % 3 == 0 ? null : "v" + id);
    }

    @Test
    void storedRowGroupsReadAsTheRowsWritten() {
        int rows = 300_000;
        long[] deleted = {5, 122_879, 122_880, 299_999};
        Path file = tableFile(rows, deleted);
        BufferCache cache = cache(64L << 20);
        InMemoryTableStore store = opened(file, tables(), cache);
        assertThat(store.rowCount()).isEqualTo(rows - deleted.length);

        List<String> expected = new ArrayList<>();
        Set<Long> gone = Set.of(5L, 122_879L, 122_880L, 299_999L);
        for (long id = 0; id < rows; id++) {
            if (!gone.contains(id)) {
                expected.add(row(id));
            }
        }
        assertThat(scan(store, query)).isEqualTo(expected);
        assertThat(cache.decodedChunks()).isEqualTo(6); // 3 row groups of 2 columns (the tail chunk was read at open)

        // a parallel scan hands out the row groups as morsels: every row once
        Set<String> seen = new HashSet<>();
        try (ParallelScan parallel = store.openParallel(new int[] {ScanSource.ROW_ID, 0, 1},
                ExecutionContext.of(query, 1000))) {
            List<SourceState> workers = List.of(parallel.openWorker(), parallel.openWorker(), parallel.openWorker());
            for (SourceState worker : workers) {
                List<String> part = new ArrayList<>();
                collect(worker, part);
                for (String one : part) {
                    assertThat(seen.add(one)).isTrue();
                }
                worker.close();
            }
        }
        assertThat(seen).hasSize(expected.size());
        assertThat(cache.hits()).isPositive();

        // zone maps skip row groups: a >= 250000 reads only the last group (and the tail chunk); with the evaluation
        // of predicates on the stored chunks switched on, that group's rows below 250000 are ruled out too
        List<String> pruned;
        List<String> exact;
        try {
            System.setProperty("basalt.encoded_predicates", "off");
            pruned = scan(store.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 250_000L))), query);
            System.setProperty("basalt.encoded_predicates", "on");
            exact = scan(store.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 250_000L))), query);
        } finally {
            System.clearProperty("basalt.encoded_predicates");
        }
        assertThat(pruned).hasSize(rows - 245_760 - 1).contains(row(250_000)).contains(row(299_998));
        // rows 249760..249999 share a batch of 1000 with selected rows, which is handed on whole (most of its
        // rows are selected; the filter above drops the others): the rest of the group below 250000 is not
        assertThat(exact).hasSize(rows - 250_000 - 1 + 240).contains(row(250_000)).contains(row(299_998))
                .contains(row(249_760)).doesNotContain(row(249_759));

        // stored rows are deleted by their ids; appended rows go on after them
        store.modify(new long[] {7, 200_000}, List.of(), () -> { });
        append(store, 1_000_000, 3);
        List<String> after = scan(store, query);
        assertThat(after).hasSize(expected.size() - 2 + 3).doesNotContain(row(7), row(200_000));
        assertThat(after.getLast()).isEqualTo("300002:1000002:null");
    }

    @Test
    void aTableSeveralTimesLargerThanTheCacheScansWithinBoundedMemory() {
        Path file = tableFile(1_000_000, new long[0]);
        long budget = 2L << 20;
        try (BufferAllocator reading = new RootAllocator()) {
            BufferAllocator tables = reading.newChildAllocator("tables", 0, Long.MAX_VALUE);
            BufferCache cache = new BufferCache(reading.newChildAllocator("cache", 0, Long.MAX_VALUE), budget);
            BufferAllocator scanning = reading.newChildAllocator("scan", 0, Long.MAX_VALUE);
            InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
            try {
                assertThat(TableFileRestore.restoreStored(store, TableFile.open(file, TYPES), 0, tables, cache))
                        .isTrue();
                long sum = 0;
                long nulls = 0;
                long decodedBytes = 0;
                for (int pass = 0; pass < 2; pass++) {
                    try (SourceState scan = store.open(new int[] {0, 1}, ExecutionContext.of(scanning, 2048))) {
                        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                            for (int r = 0; r < batch.rowCount(); r++) {
                                sum += (Long) ValueAccess.get(batch.column(0), r);
                                nulls += batch.column(1).isNull(r) ? 1 : 0;
                            }
                            decodedBytes += batch.column(0).getBufferSize() + batch.column(1).getBufferSize();
                        }
                    }
                }
                assertThat(sum).isEqualTo(2 * (999_999L * 1_000_000L / 2));
                assertThat(nulls).isEqualTo(2 * 333_334L);
                // the table's columns, decoded, are several times the budget; neither the cache nor all the Arrow
                // memory of the reading side ever held more than the budget and one row group per column
                assertThat(decodedBytes / 2).isGreaterThan(8 * budget);
                assertThat(cache.peakResidentBytes()).isLessThanOrEqualTo(budget);
                assertThat(reading.getPeakMemoryAllocation()).isLessThan(decodedBytes / 2 / 3);
                assertThat(cache.decodedChunks()).isGreaterThan(2 * 9);
            } finally {
                store.close();
                cache.close();
                scanning.close();
                tables.close();
            }
        }
    }

    @Test
    void rowsACheckpointWroteLeaveMemoryOnceNoScanReadsThem() {
        BufferAllocator tables = tables();
        InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
        closing.add(store);
        append(store, 0, 200_000);
        store.modify(new long[] {3}, List.of(), () -> { });
        List<String> before = scan(store, query);
        Path file = directory.resolve("t.bdf");
        long inMemory = tables.getAllocatedMemory();
        SourceState openScan = store.open(new int[] {0, 1}, ExecutionContext.of(query, 1000));
        try (TableImage image = store.image(query)) {
            TableFileWriter.write(file, image, query);
            assertThat(store.adoptStored(image.generation(), new MappedRowGroups(TableFile.open(file, TYPES),
                    cache(64L << 20)))).isTrue();
        }
        // a scan opened before still reads the vectors it saw; they go when it closes
        assertThat(tables.getAllocatedMemory()).isGreaterThan(inMemory / 2);
        long rowsRead = 0;
        for (Batch batch = openScan.next(); batch != null; batch = openScan.next()) {
            rowsRead += batch.rowCount();
        }
        openScan.close();
        assertThat(rowsRead).isEqualTo(199_999);
        assertThat(tables.getAllocatedMemory()).isLessThan(inMemory / 50);
        assertThat(scan(store, query)).isEqualTo(before);
        append(store, 200_000, 5);
        store.modify(new long[] {10}, List.of(), () -> { });
        assertThat(scan(store, query)).hasSize(before.size() + 4).doesNotContain(row(10)).contains(row(200_004));
    }

    @Test
    void aDamagedChunkFailsWhenFirstReadNamingTheFile() throws IOException {
        Path file = tableFile(300_000, new long[0]);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            long position = DataFileFormat.HEADER_BYTES + 100;
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5A)).rewind();
            channel.write(one, position);
        }
        InMemoryTableStore store = opened(file, tables(), cache(64L << 20));
        assertThatThrownBy(() -> scan(store, query)).isInstanceOfSatisfying(BasaltException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.DATA_CORRUPTED);
            assertThat(e.getMessage()).contains(file.toString());
        });
    }
}
