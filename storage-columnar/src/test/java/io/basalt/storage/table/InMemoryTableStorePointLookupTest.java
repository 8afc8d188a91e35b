package io.basalt.storage.table;

import static io.basalt.exec.operator.scan.ScanSource.ROW_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.kernel.CompareOp;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanPredicate;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Point lookups in the in-memory store: a scan given an equality on every column of a unique key reads only the
 * rows the key's index names, and after filtering by the key yields exactly what a full scan filtered alike yields,
 * through a random sequence of inserts, key-changing updates, deletes and truncations. A scan opened before a change
 * keeps its view, as a full scan does.
 */
class InMemoryTableStorePointLookupTest {
    private static final int CHUNK_ROWS = 8;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final InMemoryTableStore store =
            new InMemoryTableStore("t", List.of(LogicalType.BIGINT, LogicalType.BIGINT), tables, CHUNK_ROWS);

    @AfterEach
    void everythingIsFreed() {
        store.close();
        assertThat(tables.getAllocatedMemory()).isZero();
        assertThat(query.getAllocatedMemory()).isZero();
        query.close();
        tables.close();
        root.close();
    }

    @Test
    void aLookupNamesItsKeyAndReadsOnlyCandidateRows() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("id"), false));
        for (long key = 0; key < 200; key++) {
            append(key, key * 10);
        }
        assertThat(store.pointLookup(equal(0, 17L)).indexName()).isEqualTo("t_pkey");
        assertThat(store.pointLookup(equal(1, 17L))).isNull();
        List<long[]> read = rows(store.withPredicates(equal(0, 17L)));
        assertThat(read).hasSizeLessThan(5);
        assertThat(matching(read, 17)).containsExactly(List.of(17L, 170L));
    }

    @Test
    void lookupsMatchFilteredScansThroughRandomChanges() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("id"), false));
        Random random = new Random(8);
        long nextKey = 0;
        for (int round = 0; round < 150; round++) {
            int action = random.nextInt(10);
            List<long[]> all = rows(store);
            if (action < 5 || all.isEmpty()) {
                append(nextKey, random.nextInt(1000));
                nextKey++;
            } else if (action < 8) {
                long[] victim = all.get(random.nextInt(all.size()));
                try (FieldVector key = vector(random.nextBoolean() ? victim[0] : nextKey++);
                     FieldVector value = vector(random.nextInt(1000))) {
                    store.modify(new long[] {victim[2]}, List.of(new Batch(List.of(key, value), 1)), () -> { });
                }
            } else if (action < 9) {
                long[] victim = all.get(random.nextInt(all.size()));
                store.modify(new long[] {victim[2]}, List.of(), () -> { });
            } else if (random.nextInt(5) == 0) {
                store.truncate();
            }
            for (long key = Math.max(0, nextKey - 20); key <= nextKey; key++) {
                List<long[]> everything = rows(store);
                assertThat(matching(rows(store.withPredicates(equal(0, key))), key))
                        .as("key %d in round %d", key, round)
                        .isEqualTo(matching(everything, key));
            }
        }
    }

    @Test
    void aLookupOpenedBeforeADeleteKeepsItsView() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("id"), false));
        for (long key = 0; key < 20; key++) {
            append(key, key);
        }
        long rowId = matchingRows(rows(store), 5).getFirst()[2];
        try (SourceState before = store.withPredicates(equal(0, 5L))
                .open(new int[] {0, 1, ROW_ID}, ExecutionContext.of(query, 3))) {
            store.modify(new long[] {rowId}, List.of(), () -> { });
            assertThat(matching(drain(before), 5)).containsExactly(List.of(5L, 5L));
        }
        assertThat(matching(rows(store.withPredicates(equal(0, 5L))), 5)).isEmpty();
    }

    private static List<ScanPredicate> equal(int column, Object value) {
        return List.of(new ScanPredicate.Compare(column, CompareOp.EQ, value));
    }

    private static List<List<Long>> matching(List<long[]> rows, long key) {
        List<List<Long>> out = new ArrayList<>();
        for (long[] row : matchingRows(rows, key)) {
            out.add(List.of(row[0], row[1]));
        }
        return out;
    }

    private static List<long[]> matchingRows(List<long[]> rows, long key) {
        List<long[]> out = new ArrayList<>();
        for (long[] row : rows) {
            if (row[0] == key) {
                out.add(row);
            }
        }
        return out;
    }

    private FieldVector vector(long value) {
        FieldVector vector = ValueAccess.allocate(LogicalType.BIGINT, "a", query, 1);
        ValueAccess.set(vector, 0, value);
        vector.setValueCount(1);
        return vector;
    }

    private void append(long key, long value) {
        try (FieldVector keys = vector(key); FieldVector values = vector(value)) {
            store.append(new Batch(List.of(keys, values), 1));
        }
    }

    /** Every row the source yields: key, value, row id. */
    private List<long[]> rows(ScanSource source) {
        try (SourceState scan = source.open(new int[] {0, 1, ROW_ID}, ExecutionContext.of(query, 3))) {
            return drain(scan);
        }
    }

    private static List<long[]> drain(SourceState scan) {
        List<long[]> rows = new ArrayList<>();
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
            for (int r = 0; r < batch.rowCount(); r++) {
                rows.add(new long[] {(Long) ValueAccess.get(batch.column(0), r),
                        (Long) ValueAccess.get(batch.column(1), r), (Long) ValueAccess.get(batch.column(2), r)});
            }
        }
        return rows;
    }
}
