package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ParallelScan;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * TRUNCATE on the in-memory store: the table is empty afterwards and takes appends again, a scan opened
 * before keeps reading the rows it saw (their memory is freed when it closes, not before), and nothing leaks.
 */
class InMemoryTableStoreTruncateTest {
    private static final int CHUNK_ROWS = 4;

    private final BufferAllocator root = new RootAllocator();
    private final BufferAllocator tables = root.newChildAllocator("tables", 0, Long.MAX_VALUE);
    private final BufferAllocator query = root.newChildAllocator("query", 0, Long.MAX_VALUE);
    private final InMemoryTableStore store =
            new InMemoryTableStore("t", List.of(LogicalType.BIGINT), tables, CHUNK_ROWS);

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
    void emptiesTheTableAndTakesNewRows() {
        append(1, 10);
        store.truncate();
        assertThat(store.rowCount()).isZero();
        assertThat(tables.getAllocatedMemory()).isZero();
        assertThat(scan()).isEmpty();
        append(100, 3);
        assertThat(store.rowCount()).isEqualTo(3);
        assertThat(scan()).containsExactly(100L, 101L, 102L);
    }

    @Test
    void truncatingAnEmptyTableDoesNothing() {
        store.truncate();
        store.truncate();
        assertThat(store.rowCount()).isZero();
        assertThat(scan()).isEmpty();
    }

    @Test
    void aScanOpenedBeforeKeepsReadingTheOldRows() {
        append(1, 10);
        ExecutionContext context = ExecutionContext.of(query, 3);
        try (SourceState before = store.open(new int[] {0}, context)) {
            store.truncate();
            append(50, 2);
            assertThat(tables.getAllocatedMemory()).as("old chunks kept for the open scan").isPositive();
            assertThat(drain(before)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        assertThat(scan()).containsExactly(50L, 51L);
    }

    @Test
    void aParallelScanKeepsItsGenerationUntilItCloses() {
        append(1, 9);
        ExecutionContext context = ExecutionContext.of(query, 100);
        List<Long> seen = new ArrayList<>();
        try (ParallelScan parallel = store.openParallel(new int[] {0}, context)) {
            store.truncate();
            try (SourceState worker = parallel.openWorker()) {
                seen.addAll(drain(worker));
            }
        }
        assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(tables.getAllocatedMemory()).isZero();
    }

    private void append(long first, int rows) {
        try (FieldVector vector = ValueAccess.allocate(LogicalType.BIGINT, "a", query, rows)) {
            for (int r = 0; r < rows; r++) {
                ValueAccess.set(vector, r, first + r);
            }
            vector.setValueCount(rows);
            store.append(new Batch(List.of(vector), rows));
        }
    }

    private List<Long> scan() {
        try (SourceState scan = store.open(new int[] {0}, ExecutionContext.of(query, 3))) {
            return drain(scan);
        }
    }

    private static List<Long> drain(SourceState scan) {
        List<Long> values = new ArrayList<>();
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
            for (int r = 0; r < batch.rowCount(); r++) {
                values.add((Long) ValueAccess.get(batch.column(0), r));
            }
        }
        return values;
    }
}
