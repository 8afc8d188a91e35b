package io.basalt.storage.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.error.BasaltException;
import io.basalt.error.SqlState;
import io.basalt.exec.batch.Batch;
import io.basalt.exec.operator.SourceState;
import io.basalt.exec.operator.scan.ScanSource;
import io.basalt.exec.pipeline.ExecutionContext;
import io.basalt.exec.vector.ValueAccess;
import io.basalt.type.LogicalType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Adding a column in place (ALTER TABLE ADD COLUMN with a constant default): rows stored before read the constant,
 * in full chunks and in the partly filled last one, rows appended after keep their own values, deletes by row id
 * still find their rows, a scan opened before keeps the old width, a write of the old width is refused with 40001,
 * and nothing leaks.
 */
class InMemoryTableStoreAddColumnTest {
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
    void storedRowsReadTheConstantAndNewRowsTheirOwnValues() {
        append(List.<Object[]>of(new Object[] {1L}, new Object[] {2L}, new Object[] {3L}, new Object[] {4L},
                new Object[] {5L}, new Object[] {6L}));
        store.addColumn(LogicalType.TEXT, "dflt");
        append(List.<Object[]>of(new Object[] {7L, "seven"}, new Object[] {8L, null}, new Object[] {9L, "nine"}));
        store.addColumn(LogicalType.BIGINT, null);
        assertThat(scan(new int[] {0, 1, 2}, 3)).containsExactly(
                "1|dflt|null", "2|dflt|null", "3|dflt|null", "4|dflt|null", "5|dflt|null", "6|dflt|null",
                "7|seven|null", "8|null|null", "9|nine|null");
        assertThat(scan(new int[] {2, 1}, 7)).hasSize(9).first().isEqualTo("null|dflt");
    }

    @Test
    void deletesByRowIdStillFindTheirRows() {
        append(List.<Object[]>of(new Object[] {1L}, new Object[] {2L}, new Object[] {3L}, new Object[] {4L},
                new Object[] {5L}));
        store.addColumn(LogicalType.BIGINT, 42L);
        List<Long> ids = new ArrayList<>();
        try (SourceState scan = store.open(new int[] {ScanSource.ROW_ID}, ExecutionContext.of(query, 10))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    ids.add((Long) ValueAccess.get(batch.column(0), r));
                }
            }
        }
        store.modify(new long[] {ids.get(1), ids.get(4)}, List.of(), () -> { });
        assertThat(scan(new int[] {0, 1}, 10)).containsExactly("1|42", "3|42", "4|42");
    }

    @Test
    void aScanOpenedBeforeKeepsTheOldWidthAndOldWritersAreRefused() {
        append(List.<Object[]>of(new Object[] {1L}, new Object[] {2L}));
        try (SourceState before = store.open(new int[] {0}, ExecutionContext.of(query, 10))) {
            store.addColumn(LogicalType.BIGINT, 0L);
            Batch batch = before.next();
            assertThat(batch.columnCount()).isEqualTo(1);
            assertThat(batch.rowCount()).isEqualTo(2);
        }
        assertThatThrownBy(() -> append(List.<Object[]>of(new Object[] {3L})))
                .isInstanceOfSatisfying(BasaltException.class,
                        e -> assertThat(e.sqlState()).isEqualTo(SqlState.SERIALIZATION_FAILURE));
        assertThat(store.rowCount()).isEqualTo(2);
    }

    private void append(List<Object[]> rows) {
        int width = rows.getFirst().length;
        List<FieldVector> vectors = new ArrayList<>();
        try {
            for (int c = 0; c < width; c++) {
                LogicalType type = store.columnTypes().size() > c ? store.columnTypes().get(c) : LogicalType.BIGINT;
                FieldVector vector = ValueAccess.allocate(type, "c" + c, query, rows.size());
                vectors.add(vector);
                for (int r = 0; r < rows.size(); r++) {
                    ValueAccess.set(vector, r, rows.get(r)[c]);
                }
                vector.setValueCount(rows.size());
            }
            store.append(new Batch(vectors, rows.size()));
        } finally {
            for (FieldVector vector : vectors) {
                vector.close();
            }
        }
    }

    /** Each row's values joined by {@code |}. */
    private List<String> scan(int[] columns, int vectorSize) {
        List<String> rows = new ArrayList<>();
        try (SourceState scan = store.open(columns, ExecutionContext.of(query, vectorSize))) {
            for (Batch batch = scan.next(); batch != null; batch = scan.next()) {
                for (int r = 0; r < batch.rowCount(); r++) {
                    Object[] values = new Object[columns.length];
                    for (int c = 0; c < columns.length; c++) {
                        values[c] = ValueAccess.get(batch.column(c), r);
                    }
                    rows.add(String.join("|", Arrays.stream(values).map(String::valueOf).toList()));
                }
            }
        }
        return rows;
    }
}
