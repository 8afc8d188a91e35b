package io.basalt.storage.table;

import static io.basalt.exec.operator.scan.ScanSource.ROW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
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
 * Deleting and replacing rows in the in-memory store ({@link InMemoryTableStore#modify}): scans skip deleted
 * rows and report row ids that name the rows, scans opened before a change keep their view, a row that is gone
 * cannot be changed again (40001), unique keys follow the rows, and a failed change leaves the table as it was.
 * A random sequence of deletes is checked against a plain list model.
 */
class InMemoryTableStoreModifyTest {
    private static final int CHUNK_ROWS = 8;

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
    void deletedRowsDisappearFromScansAndCounts() {
        append(0, 20);
        List<long[]> rows = scanWithIds();
        store.modify(new long[] {rows.get(3)[1], rows.get(8)[1], rows.get(19)[1]}, List.of(), () -> { });
        assertThat(store.rowCount()).isEqualTo(17);
        List<Long> values = values();
        assertThat(values).hasSize(17).doesNotContain(3L, 8L, 19L);
        assertThat(values.getFirst()).isZero();
    }

    @Test
    void rowIdsNameTheirRowsAcrossChunks() {
        append(100, 30);
        for (long[] row : scanWithIds()) {
            assertThat(row[1]).isEqualTo(row[0] - 100);
        }
    }

    @Test
    void aScanOpenedBeforeADeleteStillSeesTheRows() {
        append(0, 12);
        long firstId = scanWithIds().getFirst()[1];
        try (SourceState before = store.open(new int[] {0}, ExecutionContext.of(query, 5))) {
            store.modify(new long[] {firstId}, List.of(), () -> { });
            assertThat(drain(before, 0)).hasSize(12);
        }
        assertThat(values()).hasSize(11);
    }

    @Test
    void aRowThatIsGoneCannotBeChangedAgain() {
        append(0, 4);
        long id = scanWithIds().get(1)[1];
        store.modify(new long[] {id}, List.of(), () -> { });
        assertThatThrownBy(() -> store.modify(new long[] {id}, List.of(), () -> { }))
                .isInstanceOfSatisfying(BasaltException.class, e -> assertThat(e.sqlState().code()).isEqualTo("40001"));
        store.truncate();
        append(0, 4);
        assertThatThrownBy(() -> store.modify(new long[] {id}, List.of(), () -> { }))
                .as("an id from before TRUNCATE names no row of the new generation")
                .isInstanceOf(BasaltException.class);
        assertThat(values()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void uniqueKeysFollowReplacedRowsAndAFailureChangesNothing() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("a"), false));
        append(1, 3);
        List<long[]> rows = scanWithIds();
        // replace 1 by 4 (free), then 2 by 3 (3 is still held by the third row, which the change does not delete)
        try (FieldVector replacement = vector(4, 3)) {
            assertThatThrownBy(() -> store.modify(new long[] {rows.get(0)[1], rows.get(1)[1]},
                    List.of(new Batch(List.of(replacement), 2)), () -> { }))
                    .hasMessageContaining("duplicate key value violates unique constraint \"t_pkey\"");
        }
        assertThat(values()).containsExactly(1L, 2L, 3L);
        // replacing 3 by 1 after 1 gave its key up succeeds, as in PostgreSQL's row order
        try (FieldVector replacement = vector(9, 1)) {
            store.modify(new long[] {rows.get(0)[1], rows.get(2)[1]}, List.of(new Batch(List.of(replacement), 2)),
                    () -> { });
        }
        assertThat(values()).containsExactly(2L, 9L, 1L);
        try (FieldVector duplicate = vector(9)) {
            assertThatThrownBy(() -> store.append(new Batch(List.of(duplicate), 1)))
                    .isInstanceOf(BasaltException.class);
        }
    }

    @Test
    void aFailureBeforeTheRowsChangeUndoesTheKeys() {
        store.addUniqueKey(new UniqueKeyIndex("t_pkey", "t", new int[] {0}, List.of("a"), false));
        append(1, 2);
        long id = scanWithIds().getFirst()[1];
        try (FieldVector replacement = vector(5)) {
            assertThatThrownBy(() -> store.modify(new long[] {id}, List.of(new Batch(List.of(replacement), 1)), () -> {
                throw new IllegalStateException("log failed");
            })).hasMessage("log failed");
        }
        assertThat(values()).containsExactly(1L, 2L);
        try (FieldVector again = vector(5)) {
            store.append(new Batch(List.of(again), 1));
        }
        try (FieldVector duplicate = vector(1)) {
            assertThatThrownBy(() -> store.append(new Batch(List.of(duplicate), 1))).isInstanceOf(BasaltException.class);
        }
    }

    @Test
    void randomDeletesMatchAListModel() {
        Random random = new Random(42);
        List<Long> model = new ArrayList<>();
        long next = 0;
        for (int round = 0; round < 200; round++) {
            int rows = random.nextInt(5);
            append(next, rows);
            for (int r = 0; r < rows; r++) {
                model.add(next++);
            }
            List<long[]> stored = scanWithIds();
            List<Long> victims = new ArrayList<>();
            for (long[] row : stored) {
                if (random.nextInt(4) == 0) {
                    victims.add(row[1]);
                    model.remove(Long.valueOf(row[0]));
                }
            }
            store.modify(victims.stream().mapToLong(Long::longValue).toArray(), List.of(), () -> { });
            assertThat(values()).isEqualTo(model);
            assertThat(store.rowCount()).isEqualTo(model.size());
        }
    }

    private FieldVector vector(long... values) {
        FieldVector vector = ValueAccess.allocate(LogicalType.BIGINT, "a", query, values.length);
        for (int r = 0; r < values.length; r++) {
            ValueAccess.set(vector, r, values[r]);
        }
        vector.setValueCount(values.length);
        return vector;
    }

    private void append(long first, int rows) {
        long[] values = new long[rows];
        for (int r = 0; r < rows; r++) {
            values[r] = first + r;
        }
        try (FieldVector vector = vector(values)) {
            store.append(new Batch(List.of(vector), rows));
        }
    }

    /** Each live row as {value, row id}. */
    private List<long[]> scanWithIds() {
        List<long[]> rows = new ArrayList<>();
        try (SourceState scan = store.open(new int[] {0, ROW_ID}, ExecutionContext.of(query, 3))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    rows.add(new long[] {(Long) ValueAccess.get(batch.column(0), r),
                            (Long) ValueAccess.get(batch.column(1), r)});
                }
            }
        }
        return rows;
    }

    private List<Long> values() {
        try (SourceState scan = store.open(new int[] {0}, ExecutionContext.of(query, 3))) {
            return drain(scan, 0);
        }
    }

    private static List<Long> drain(SourceState scan, int column) {
        List<Long> values = new ArrayList<>();
        for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
            for (int r = 0; r < batch.rowCount(); r++) {
                values.add((Long) ValueAccess.get(batch.column(column), r));
            }
        }
        return values;
    }
}
