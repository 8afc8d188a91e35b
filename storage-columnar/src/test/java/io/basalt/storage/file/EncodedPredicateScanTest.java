package io.basalt.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans with predicates over row groups left in a data file: the rows of a stored row group that its chunks rule out
 * do not leave the scan where they are most of a batch (a sparse selection comes out exactly, deleted rows excluded,
 * through plain and parallel scans; a batch mostly selected is handed on whole and always holds every satisfying
 * row), and a row group none of whose live rows is selected never decodes the columns its predicates do not read
 * (late materialization), where its zone map alone could not skip it. The evaluation is on by default; these tests
 * set it on anyway so that they do not depend on the default.
 */
class EncodedPredicateScanTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.BIGINT, LogicalType.TEXT, LogicalType.INTEGER);
    private static final String[] MODES = {"AIR", "MAIL", "SHIP", "TRUCK"};
    private static final int CHUNK_ROWS = 1024;
    /** Whole chunks only: every row is in the file, none in a partly filled chunk in memory. */
    private static final int ROWS = 300 * CHUNK_ROWS;
    private static final long[] DELETED = {5, 122_880, 200_001};

    @TempDir
    Path directory;

    /** The evaluation on stored chunks (see StoredChunks) is set on explicitly, whatever the default. */
    @org.junit.jupiter.api.BeforeAll
    static void switchOn() {
        System.setProperty("basalt.encoded_predicates", "on");
    }

    @org.junit.jupiter.api.AfterAll
    static void switchBack() {
        System.clearProperty("basalt.encoded_predicates");
    }

    private final BufferAllocator root = new RootAllocator();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void everythingIsFreed() throws Exception {
        for (AutoCloseable resource : closing.reversed()) {
            resource.close();
        }
        root.close();
    }

    private static String mode(long row) {
        return MODES[(int) (row % 4)];
    }

    /** c: row % 1000, NULL every seventh row. */
    private static Long small(long row) {
        return row % 7 == 0 ? null : row % 1000;
    }

    private InMemoryTableStore stored(BufferCache cache) {
        Path file = directory.resolve("t.bdf");
        try (BufferAllocator building = root.newChildAllocator("source", 0, Long.MAX_VALUE)) {
            InMemoryTableStore source = new InMemoryTableStore("t", TYPES, building, CHUNK_ROWS);
            try {
                for (int first = 0; first < ROWS; first += 50_000) {
                    int rows = Math.min(50_000, ROWS - first);
                    try (FieldVector a = ValueAccess.allocate(LogicalType.BIGINT, "a", building, rows);
                         FieldVector b = ValueAccess.allocate(LogicalType.TEXT, "b", building, rows);
                         FieldVector c = ValueAccess.allocate(LogicalType.INTEGER, "c", building, rows)) {
                        for (int r = 0; r < rows; r++) {
                            long row = first + r;
                            ValueAccess.set(a, r, row);
                            ValueAccess.set(b, r, mode(row));
                            ValueAccess.set(c, r, small(row));
                        }
                        a.setValueCount(rows);
                        b.setValueCount(rows);
                        c.setValueCount(rows);
                        source.append(new Batch(List.of(a, b, c), rows));
                    }
                }
                source.modify(DELETED, List.of(), () -> { });
                try (TableImage image = source.image(building)) {
                    TableFileWriter.write(file, image, building);
                }
            } finally {
                source.close();
            }
        }
        BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
        closing.add(tables);
        InMemoryTableStore store = new InMemoryTableStore("t", TYPES, tables, CHUNK_ROWS);
        closing.add(store);
        assertThat(TableFileRestore.restoreStored(store, TableFile.open(file, TYPES), 0, tables, cache)).isTrue();
        return store;
    }

    private BufferCache cache() {
        BufferCache cache = new BufferCache(root.newChildAllocator("cache", 0, Long.MAX_VALUE), 256L << 20);
        closing.add(cache);
        return cache;
    }

    /** The row ids a scan of {@code source} returns, checking each row's values against its id. */
    private List<Long> scan(ScanSource source) {
        List<Long> ids = new ArrayList<>();
        try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
             SourceState scan = source.open(new int[] {ScanSource.ROW_ID, 0, 1, 2}, ExecutionContext.of(query, 1000))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    long id = (Long) ValueAccess.get(batch.column(0), r);
                    assertThat(ValueAccess.get(batch.column(1), r)).isEqualTo(id);
                    assertThat(ValueAccess.get(batch.column(2), r)).isEqualTo(mode(id));
                    assertThat(ValueAccess.get(batch.column(3), r)).isEqualTo(small(id));
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<Long> expected(LongPredicate satisfies) {
        List<Long> ids = new ArrayList<>();
        for (long row = 0; row < ROWS; row++) {
            if (satisfies.test(row) && row != 5 && row != 122_880 && row != 200_001) {
                ids.add(row);
            }
        }
        return ids;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void scansReturnExactlyTheRowsTheirPredicatesSelect() {
        InMemoryTableStore store = stored(cache());
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.GE, 100_000L),
                new ScanPredicate.Compare(0, CompareOp.LT, 130_000L)))))
                .isEqualTo(expected(row -> row >= 100_000 && row < 130_000));
        // a quarter of each batch: sparse enough to be gathered, so exactly the selected rows come out
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Compare(1, CompareOp.EQ, "SHIP")))))
                .isEqualTo(expected(row -> row % 4 == 2));
        LongPredicate airOrTruckUpToTen = row -> (row % 4 == 0 || row % 4 == 3) && small(row) != null
                && small(row) <= 10;
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.InList(1, List.of("AIR", "TRUCK")),
                new ScanPredicate.Compare(2, CompareOp.LE, 10L))))).isEqualTo(expected(airOrTruckUpToTen));
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Prefix(1, utf8("MA")),
                new ScanPredicate.IsNull(2, false)))))
                .isEqualTo(expected(row -> row % 4 == 1 && row % 7 == 0));
        // half of each batch selected: batches are handed on whole (the filter above drops the rest), so the
        // scan returns a superset holding every satisfying row
        LongPredicate notShip = row -> row % 4 != 2;
        List<Long> dense = scan(store.withPredicates(List.of(new ScanPredicate.InList(1, List.of("AIR", "MAIL",
                "TRUCK")))));
        assertThat(dense.stream().filter(notShip::test).toList()).isEqualTo(expected(notShip));
        assertThat(dense.size()).isLessThan(ROWS);
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.EQ, 299_999L)))))
                .containsExactly(299_999L);
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.IsNull(2, false),
                new ScanPredicate.Compare(0, CompareOp.GE, 299_990L)))))
                .isEqualTo(expected(row -> row >= 299_990 && row % 7 == 0));
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.IsNull(2, false),
                new ScanPredicate.InList(0, List.of(0L, 7L, 8L, 122_880L, 299_999L))))))
                .isEqualTo(List.of(0L, 7L, 299_999L));
    }

    @Test
    void parallelWorkersTogetherReturnTheSelectedRowsOnce() {
        InMemoryTableStore store = stored(cache());
        ScanSource source = store.withPredicates(List.of(new ScanPredicate.Compare(1, CompareOp.GT, "SHIP")));
        List<Long> ids = new ArrayList<>();
        try (BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
             ParallelScan parallel = source.openParallel(new int[] {ScanSource.ROW_ID}, ExecutionContext.of(query, 777))) {
            List<SourceState> workers = List.of(parallel.openWorker(), parallel.openWorker(), parallel.openWorker());
            for (SourceState worker : workers) {
                for (Batch batch = worker.next(); batch != null; batch = worker.next()) {
                    for (int r = 0; r < batch.rowCount(); r++) {
                        ids.add((Long) ValueAccess.get(batch.column(0), r));
                    }
                }
                worker.close();
            }
        }
        ids.sort(null);
        // a quarter of each batch of 777 rows is selected (194 or 195 rows): some batches are gathered, others
        // handed on whole, so the rows come out once each and every selected one is among them
        assertThat(new java.util.HashSet<>(ids)).hasSize(ids.size());
        assertThat(ids.stream().filter(row -> row % 4 == 3).toList()).isEqualTo(expected(row -> row % 4 == 3));
    }

    @Test
    void aRowGroupWithoutSelectedLiveRowsIsNeverDecoded() {
        BufferCache cache = cache();
        InMemoryTableStore store = stored(cache);
        // 'RAIL' lies between the zone map's 'AIR' and 'TRUCK': only the dictionaries tell that no row holds it
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Compare(1, CompareOp.EQ, "RAIL"))))).isEmpty();
        // row 122880, the only one selected in its group, is deleted
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.InList(0, List.of(122_880L, 122_881L)),
                new ScanPredicate.Compare(1, CompareOp.EQ, "AIR"))))).isEmpty();
        // only the integer column a of the one group the zone maps keep was decoded, to evaluate its predicate
        // (integer-stream predicates run on the decoded chunk, which the filter above reads anyway), never b or c
        assertThat(cache.decodedChunks()).isEqualTo(1);
        assertThat(scan(store.withPredicates(List.of(new ScanPredicate.Compare(0, CompareOp.EQ, 122_884L)))))
                .containsExactly(122_884L);
        // one row selected in the group: a's cached chunk is picked from, b's and c's one row is read from their
        // encoded chunks (late materialization: nothing more is decoded)
        assertThat(cache.decodedChunks()).isEqualTo(1);
    }
}
